using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace KenJeKlant.Host.Health;

/// <summary>Healthy when this silo is an active member of the cluster according to its own membership view.</summary>
public sealed class SiloHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = membership.CurrentSnapshot;
        var actief = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
        var status = snapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Silo actief; {actief} actieve silo('s) in het cluster.")
            : HealthCheckResult.Unhealthy($"Silo is {status}, niet actief."));
    }
}
