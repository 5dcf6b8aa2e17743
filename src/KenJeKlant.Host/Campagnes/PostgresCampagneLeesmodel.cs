using KenJeKlant.Host.Infrastructuur.Postgres;
using System.Runtime.CompilerServices;
using KenJeKlant.Grains.Campagnes;
using Npgsql;
using NpgsqlTypes;

namespace KenJeKlant.Host.Campagnes;

/// <summary>The campaign tables as the API reads them: lists and the outbox for mail merge.</summary>
public sealed class PostgresCampagneLeesmodel(NpgsqlDataSource db) : ICampagneLeesmodel
{
    private const string BriefSelect = """
        SELECT b.id, b.soort, b.status, b.verzend_op, b.verzonden_op, b.klantnummer, g.naam, coalesce(k.postcode, ''),
               g.klantmanager, coalesce(m.naam, g.klantmanager), g.campagne_id, coalesce(c.naam, g.campagne_id),
               g.start, g.eind, g.poging
        FROM bericht b
        JOIN gesprek g ON g.id = b.gesprek_id
        LEFT JOIN klant_overzicht k ON k.klantnummer = b.klantnummer
        LEFT JOIN medewerker m ON m.id = g.klantmanager
        LEFT JOIN campagne c ON c.id = g.campagne_id
        """;

    public async Task<string?> CampagneVanGesprekAsync(string klantnummer, Guid gesprekId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT campagne_id FROM gesprek WHERE id = $1 AND klantnummer = $2");
        cmd.Parameters.Add(new NpgsqlParameter { Value = gesprekId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = klantnummer });
        return await cmd.ExecuteScalarAsync(ct) as string;
    }

    public async Task<IReadOnlyList<CampagneRegel>> CampagnesAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT id, naam, status, periode_van, periode_tot FROM campagne ORDER BY id");
        var regels = new List<CampagneRegel>();
        await using var l = await cmd.ExecuteReaderAsync(ct);
        while (await l.ReadAsync(ct))
            regels.Add(new CampagneRegel(l.GetString(0), l.GetString(1), l.GetString(2), l.GetFieldValue<DateOnly>(3), l.GetFieldValue<DateOnly>(4)));
        return regels;
    }

    public async IAsyncEnumerable<BriefRegel> BrievenAsync(BerichtStatus? status, string? campagneId, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            {BriefSelect}
            WHERE ($1::text IS NULL OR b.status = $1) AND ($2::text IS NULL OR b.campagne_id = $2)
            ORDER BY b.verzend_op, b.klantnummer, b.soort
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = status is { } s ? EnumTekst.Van(s) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)campagneId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await using var l = await cmd.ExecuteReaderAsync(ct);
        while (await l.ReadAsync(ct)) yield return LeesBrief(l);
    }

    public async Task<BriefRegel?> BriefAsync(Guid id, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"{BriefSelect} WHERE b.id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var l = await cmd.ExecuteReaderAsync(ct);
        return await l.ReadAsync(ct) ? LeesBrief(l) : null;
    }

    public async Task<IReadOnlyList<OpenGesprek>> VoorbijZonderUitkomstAsync(string campagneId, DateTimeOffset tot, int maximaal, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT id, klantnummer, klantmanager, poging, start, eind FROM gesprek
            WHERE campagne_id = $1 AND status IN {PostgresCampagneOpslag.OpenStatussen} AND eind <= $2
            ORDER BY eind LIMIT {maximaal}
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = campagneId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = tot.UtcDateTime });
        var regels = new List<OpenGesprek>();
        await using var l = await cmd.ExecuteReaderAsync(ct);
        while (await l.ReadAsync(ct))
            regels.Add(new OpenGesprek(l.GetGuid(0), l.GetString(1), l.GetString(2), l.GetInt16(3), l.GetFieldValue<DateTimeOffset>(4), l.GetFieldValue<DateTimeOffset>(5)));
        return regels;
    }

    private static BriefRegel LeesBrief(NpgsqlDataReader l) => new(
        l.GetGuid(0), EnumTekst.Naar<BerichtSoort>(l.GetString(1)), EnumTekst.Naar<BerichtStatus>(l.GetString(2)),
        l.GetFieldValue<DateTimeOffset>(3), l.IsDBNull(4) ? null : l.GetFieldValue<DateTimeOffset>(4),
        l.GetString(5), l.GetString(6), l.GetString(7), l.GetString(8), l.GetString(9), l.GetString(10), l.GetString(11),
        l.GetFieldValue<DateTimeOffset>(12), l.GetFieldValue<DateTimeOffset>(13), l.GetInt16(14));
}
