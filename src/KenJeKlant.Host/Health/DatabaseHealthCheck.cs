using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace KenJeKlant.Host.Health;

/// <summary>Healthy when PostgreSQL answers; reports degraded (not failed) in the in-memory development mode.</summary>
public sealed class DatabaseHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var db = services.GetService<NpgsqlDataSource>();
        if (db is null) return HealthCheckResult.Degraded("Geen database: niets wordt bewaard (ontwikkelmodus).");
        try
        {
            await using var cmd = db.CreateCommand("SELECT 1");
            await cmd.ExecuteScalarAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy("PostgreSQL antwoordt.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL antwoordt niet.", e);
        }
    }
}
