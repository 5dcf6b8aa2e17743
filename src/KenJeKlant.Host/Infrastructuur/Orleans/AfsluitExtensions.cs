
namespace KenJeKlant.Host.Infrastructuur.Orleans;

public static class AfsluitExtensions
{
    /// <summary>
    /// SIGTERM (systemd stop, Kubernetes, Ctrl-C) stops the host; Orleans then shuts the silo down
    /// gracefully — deactivates its grains, hands its reminder range over and marks itself Dead in
    /// the membership table — as long as the host's shutdown timeout lasts. When that runs out the
    /// silo stops hard and the others find out by probing (seconds later). Keep the process
    /// manager's own kill timeout (TimeoutStopSec, terminationGracePeriodSeconds) longer than this.
    /// </summary>
    public static WebApplicationBuilder AddKenJeKlantAfsluiten(this WebApplicationBuilder builder, ClusterInstellingen cluster)
    {
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = cluster.AfsluitTijd);
        return builder;
    }
}
