using KenJeKlant.Host.Infrastructuur.Postgres;
using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Handhaving;
using KenJeKlant.Grains.Campagnes;
using KenJeKlant.Grains.Handhaving;
using KenJeKlant.Host.Handhaving;
using Npgsql;
using NpgsqlTypes;

namespace KenJeKlant.Host.Handhaving;

/// <summary>
/// The handhavingssignaal table for the review: the grain reads a signal's basics and writes where its
/// review stands; the queue and the review screen read it with the campaign's gesprekken and letters.
/// </summary>
public sealed class PostgresHandhaving(NpgsqlDataSource db) : IHandhavingOpslag, IHandhavingLeesmodel
{
    private const string SchrijfStand = """
        UPDATE handhavingssignaal SET status = $2, behandelaar = $3, besluit = $4, maatregel_percentage = $5,
            maatregel_duur_maanden = $6, besloten_door = $7, besloten_op = $8, bijgewerkt_op = $9
        WHERE id = $1
        """;

    public async Task<SignaalBasis?> SignaalAsync(Guid id, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("SELECT klantnummer, campagne_id, gesprek_id, reden, aangemaakt_op FROM handhavingssignaal WHERE id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var l = await cmd.ExecuteReaderAsync(ct);
        if (!await l.ReadAsync(ct)) return null;
        return new SignaalBasis(l.GetString(0), l.GetString(1), l.GetGuid(2), l.GetString(3), l.GetFieldValue<DateTimeOffset>(4));
    }

    public async Task SchrijfStandAsync(SignaalStand stand, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stand);
        await using var cmd = db.CreateCommand(SchrijfStand);
        object?[] waarden =
        [
            stand.Id, EnumTekst.Van(stand.Status), stand.Behandelaar, stand.Besluit is { } b ? EnumTekst.Van(b) : null,
            (short?)stand.Percentage, (short?)stand.DuurMaanden, stand.BeslotenDoor, stand.BeslotenOp?.ToUniversalTime(),
            stand.BijgewerktOp.ToUniversalTime(),
        ];
        foreach (var waarde in waarden) cmd.Parameters.Add(new NpgsqlParameter { Value = waarde ?? DBNull.Value });
        // Npgsql cannot infer a type from DBNull: give the nullable ones theirs.
        cmd.Parameters[2].NpgsqlDbType = cmd.Parameters[3].NpgsqlDbType = cmd.Parameters[6].NpgsqlDbType = NpgsqlDbType.Text;
        cmd.Parameters[4].NpgsqlDbType = cmd.Parameters[5].NpgsqlDbType = NpgsqlDbType.Smallint;
        cmd.Parameters[7].NpgsqlDbType = NpgsqlDbType.TimestampTz;
        if (await cmd.ExecuteNonQueryAsync(ct) != 1)
            throw new InvalidOperationException($"Handhavingssignaal {stand.Id} staat niet in de tabel.");
    }

    public Task<IReadOnlyList<SignaalRegel>> SignalenAsync(SignaalStatus? status, CancellationToken ct) => SignalenAsync(status, null, ct);

    public Task<IReadOnlyList<SignaalRegel>> SignalenAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) => SignalenAsync(null, ids, ct);

    // One query for the queue and for the live push, so both show a signal the same way.
    private async Task<IReadOnlyList<SignaalRegel>> SignalenAsync(SignaalStatus? status, IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT s.id, s.klantnummer, coalesce(g.naam, ''), s.campagne_id, s.gesprek_id, s.reden, s.status, s.aangemaakt_op,
                   s.behandelaar, s.besluit, s.besloten_op
            FROM handhavingssignaal s
            LEFT JOIN gesprek g ON g.id = s.gesprek_id
            WHERE ($1::text IS NULL OR s.status = $1) AND ($2::uuid[] IS NULL OR s.id = ANY($2))
            ORDER BY s.aangemaakt_op, s.klantnummer
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = status is { } s ? EnumTekst.Van(s) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = ids is null ? DBNull.Value : ids.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        var regels = new List<SignaalRegel>();
        await using var l = await cmd.ExecuteReaderAsync(ct);
        while (await l.ReadAsync(ct))
        {
            regels.Add(new SignaalRegel(l.GetGuid(0), l.GetString(1), l.GetString(2), l.GetString(3), l.GetGuid(4), l.GetString(5),
                EnumTekst.Naar<SignaalStatus>(l.GetString(6)), l.GetFieldValue<DateTimeOffset>(7), l.IsDBNull(8) ? null : l.GetString(8),
                l.IsDBNull(9) ? null : EnumTekst.Naar<BesluitSoort>(l.GetString(9)), l.IsDBNull(10) ? null : l.GetFieldValue<DateTimeOffset>(10)));
        }
        return regels;
    }

    public async Task<Uitnodigingshistorie?> UitnodigingshistorieAsync(string klantnummer, string campagneId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT g.id, g.poging, g.start, g.eind, g.status, g.afwezigheid, g.uitkomst_op, g.gevolg, g.naam, g.klantmanager,
                   coalesce(c.naam, g.campagne_id), b.soort, b.status, b.verzend_op, b.verzonden_op
            FROM gesprek g
            LEFT JOIN campagne c ON c.id = g.campagne_id
            LEFT JOIN bericht b ON b.gesprek_id = g.id
            WHERE g.klantnummer = $1 AND g.campagne_id = $2
            ORDER BY g.poging, b.verzend_op
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = klantnummer });
        cmd.Parameters.Add(new NpgsqlParameter { Value = campagneId });
        var gesprekken = new List<(UitnodigingInCampagne Gesprek, List<BriefInHistorie> Brieven)>();
        string? naam = null, klantmanager = null, campagneNaam = null;
        await using var l = await cmd.ExecuteReaderAsync(ct);
        while (await l.ReadAsync(ct))
        {
            var id = l.GetGuid(0);
            if (gesprekken.Count == 0 || gesprekken[^1].Gesprek.GesprekId != id)
            {
                naam = l.GetString(8);
                klantmanager = l.GetString(9);
                campagneNaam = l.GetString(10);
                gesprekken.Add((new UitnodigingInCampagne(id, l.GetInt16(1), l.GetFieldValue<DateTimeOffset>(2), l.GetFieldValue<DateTimeOffset>(3),
                    EnumTekst.Naar<GesprekStatus>(l.GetString(4)), l.IsDBNull(5) ? null : EnumTekst.Naar<AfwezigheidReden>(l.GetString(5)),
                    l.IsDBNull(6) ? null : l.GetFieldValue<DateTimeOffset>(6), EnumTekst.Naar<GesprekGevolg>(l.GetString(7)), []), []));
            }
            if (!l.IsDBNull(11))
            {
                gesprekken[^1].Brieven.Add(new BriefInHistorie(EnumTekst.Naar<BerichtSoort>(l.GetString(11)), EnumTekst.Naar<BerichtStatus>(l.GetString(12)),
                    l.GetFieldValue<DateTimeOffset>(13), l.IsDBNull(14) ? null : l.GetFieldValue<DateTimeOffset>(14)));
            }
        }
        if (gesprekken.Count == 0) return null;
        return new Uitnodigingshistorie(klantnummer, naam!, klantmanager!, campagneNaam!,
            [.. gesprekken.Select(g => g.Gesprek with { Brieven = g.Brieven })]);
    }
}
