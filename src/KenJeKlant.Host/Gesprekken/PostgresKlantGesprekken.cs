using Dapper;
using KenJeKlant.Grains.Klanten;
using KenJeKlant.Host.Campagnes;
using Npgsql;

namespace KenJeKlant.Host.Gesprekken;

/// <summary>A client's gesprekken read from the gesprek table, their one truth, for the dossier.</summary>
public sealed class PostgresKlantGesprekken(NpgsqlDataSource db) : IKlantGesprekken
{
    public async Task<IReadOnlyList<KlantGesprek>> VanKlantAsync(string klantnummer, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rijen = await conn.QueryAsync<GesprekVanKlant>(new CommandDefinition($"""
            SELECT {PostgresCampagneOpslag.Gesprek.Lijst("g")}, coalesce(c.naam, g.campagne_id) AS campagne_naam, g.gepland_op, g.bijgewerkt_op
            FROM gesprek g LEFT JOIN campagne c ON c.id = g.campagne_id
            WHERE g.klantnummer = @klantnummer
            ORDER BY g.start, g.poging
            """, new { klantnummer }, cancellationToken: ct));
        return [.. rijen.Select(r =>
        {
            var rij = r.NaarRij();
            return new KlantGesprek(rij.Stand(r.CampagneNaam), r.GeplandOp, r.BijgewerktOp, rij.UitkomstOp);
        })];
    }

    private sealed class GesprekVanKlant : PostgresCampagneOpslag.OpgeslagenGesprek
    {
        public required string CampagneNaam { get; init; }
        public DateTimeOffset GeplandOp { get; init; }
        public DateTimeOffset BijgewerktOp { get; init; }
    }
}
