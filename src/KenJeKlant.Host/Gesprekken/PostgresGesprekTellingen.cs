using Dapper;
using KenJeKlant.Host.Campagnes;
using Npgsql;

namespace KenJeKlant.Host.Gesprekken;

/// <summary>Per klantmanager: gesprekken still to come (campaigns' and own) and how often gesprekken were moved. Counts only.</summary>
public interface IGesprekTellingen
{
    /// <param name="sinds">Moves of gesprekken from this day on count (past a year they say little about today's agenda).</param>
    Task<IReadOnlyDictionary<string, GesprekTelling>> TelPerKlantmanagerAsync(DateTimeOffset sinds, CancellationToken ct);
}

public sealed record GesprekTelling(string Klantmanager, int Open, int Verzettingen);

public sealed class PostgresGesprekTellingen(NpgsqlDataSource db) : IGesprekTellingen
{
    public async Task<IReadOnlyDictionary<string, GesprekTelling>> TelPerKlantmanagerAsync(DateTimeOffset sinds, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rijen = await conn.QueryAsync<GesprekTelling>(new CommandDefinition($"""
            SELECT klantmanager,
                   count(*) FILTER (WHERE status IN {PostgresCampagneOpslag.OpenStatussen})::int AS open,
                   coalesce(sum(verzet_aantal), 0)::int AS verzettingen
            FROM gesprek WHERE start >= @sinds
            GROUP BY klantmanager
            """, new { sinds = sinds.UtcDateTime }, cancellationToken: ct));
        return rijen.ToDictionary(r => r.Klantmanager, StringComparer.Ordinal);
    }
}
