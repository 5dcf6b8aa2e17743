using Npgsql;

namespace KenJeKlant.Tests.Api;

/// <summary>
/// A handhavingssignaal put in the tables as a campaign leaves it (two invitations, twice absent without
/// reason, for K1 of KM001), so a test needs no campaign playing out in time to have one.
/// </summary>
internal static class SignaalInTabellen
{
    public static async Task LegKlaarAsync(string connectionString, Guid gesprek1, Guid gesprek2, Guid signaal)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        var nu = DateTimeOffset.UtcNow;
        await Voer(db, "INSERT INTO campagne (id, naam, status, periode_van, periode_tot) VALUES ('ik-doe-mee', 'Ik doe mee', 'afgerond', $1, $2)",
            DateOnly.FromDateTime(nu.AddDays(-60).UtcDateTime), DateOnly.FromDateTime(nu.AddDays(300).UtcDateTime));
        foreach (var (id, poging, gevolg) in new[] { (gesprek1, 1, "nieuwe-uitnodiging"), (gesprek2, 2, "handhavingssignaal") })
        {
            var start = nu.AddDays(-40 + (poging * 14)).UtcDateTime;
            await Voer(db, """
                INSERT INTO gesprek (id, campagne_id, klantnummer, poging, naam, klantmanager, start, eind, status, uitnodiging_op,
                    uitnodiging_verzonden_op, herinnering_verzonden_op, verschenen, afwezigheid, uitkomst_door, uitkomst_op, gevolg, versie)
                VALUES ($1, 'ik-doe-mee', 'K1', $2, 'Anna de Vries', 'KM001', $3, $4, 'niet-verschenen', $5, $5, $6, false, 'geen-reden', 'KM001', $4, $7, 5)
                """, id, (short)poging, start, start.AddMinutes(45), start.AddDays(-10), start.AddDays(-2), gevolg);
            await Voer(db, "INSERT INTO bericht (id, gesprek_id, campagne_id, klantnummer, soort, verzend_op, status, verzonden_op) VALUES ($1, $2, 'ik-doe-mee', 'K1', 'uitnodiging', $3, 'verzonden', $3)",
                Guid.NewGuid(), id, start.AddDays(-10));
            await Voer(db, "INSERT INTO bericht (id, gesprek_id, campagne_id, klantnummer, soort, verzend_op, status, verzonden_op) VALUES ($1, $2, 'ik-doe-mee', 'K1', 'herinnering', $3, 'verzonden', $3)",
                Guid.NewGuid(), id, start.AddDays(-2));
        }
        await Voer(db, "INSERT INTO handhavingssignaal (id, gesprek_id, campagne_id, klantnummer, reden, aangemaakt_op) VALUES ($1, $2, 'ik-doe-mee', 'K1', '2 keer niet verschenen zonder reden', $3)",
            signaal, gesprek2, nu.AddDays(-1).UtcDateTime);
    }

    private static async Task Voer(NpgsqlDataSource db, string sql, params object[] waarden)
    {
        await using var cmd = db.CreateCommand(sql);
        foreach (var w in waarden) cmd.Parameters.Add(new NpgsqlParameter { Value = w });
        await cmd.ExecuteNonQueryAsync();
    }
}
