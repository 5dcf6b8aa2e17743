using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KenJeKlant.Host.Health;

/// <summary>Healthy when the cluster answers a management call and counts at least one active silo.</summary>
public sealed class SiloHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var silos = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return silos.Count > 0
                ? HealthCheckResult.Healthy($"{silos.Count} actieve silo('s)")
                : HealthCheckResult.Unhealthy("Geen actieve silo in het cluster.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Het cluster antwoordt niet.", e);
        }
    }
}
