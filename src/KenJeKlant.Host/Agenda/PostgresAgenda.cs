using Dapper;
using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Host.Campagnes;
using KenJeKlant.Host.Infrastructuur.Postgres;
using Npgsql;

namespace KenJeKlant.Host.Agenda;

/// <summary>A klantmanager's gesprekken of every kind in a period, from the gesprek table (their one truth).</summary>
public sealed class PostgresAgenda(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<AgendaGesprek>> GesprekkenAsync(string klantmanager, DateTimeOffset van, DateTimeOffset tot, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rijen = await conn.QueryAsync<Rij>(new CommandDefinition("""
            SELECT g.id, g.klantnummer, g.start, g.eind, g.status, g.campagne_id, coalesce(c.naam, g.campagne_id) AS campagne_naam, g.soort, g.vorm
            FROM gesprek g LEFT JOIN campagne c ON c.id = g.campagne_id
            WHERE g.klantmanager = @klantmanager AND g.start < @tot AND g.eind > @van AND g.status <> 'geannuleerd'
            ORDER BY g.start
            """, new { klantmanager, van = van.UtcDateTime, tot = tot.UtcDateTime }, cancellationToken: ct));
        return [.. rijen.Select(r =>
        {
            var soort = EnumTekst.Naar<GesprekSoort>(r.Soort);
            return new AgendaGesprek(r.Id, r.Klantnummer, r.Start, r.Eind, EnumTekst.Naar<GesprekStatus>(r.Status), r.CampagneId,
                GesprekBeleid.EigenaarNaam(r.CampagneId, soort, r.CampagneNaam))
            {
                Soort = soort,
                Vorm = EnumTekst.Naar<GesprekVorm>(r.Vorm),
            };
        })];
    }

    private sealed class Rij
    {
        public Guid Id { get; init; }
        public required string Klantnummer { get; init; }
        public DateTimeOffset Start { get; init; }
        public DateTimeOffset Eind { get; init; }
        public required string Status { get; init; }
        public required string CampagneId { get; init; }
        public required string CampagneNaam { get; init; }
        public required string Soort { get; init; }
        public required string Vorm { get; init; }
    }
}
