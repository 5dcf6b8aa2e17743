using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace KenJeKlant.Host.Health;

/// <summary>Healthy when PostgreSQL answers.</summary>
public sealed class DatabaseHealthCheck(NpgsqlDataSource db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
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
