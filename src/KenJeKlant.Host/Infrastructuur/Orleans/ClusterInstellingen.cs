namespace KenJeKlant.Host.Infrastructuur.Orleans;

/// <summary>Where this silo sits in the cluster. Every silo of one cluster shares ClusterId and ServiceId.</summary>
public sealed class ClusterInstellingen
{
    public const string Sectie = "Cluster";

    public string ClusterId { get; set; } = "kenjeklant";
    /// <summary>Stable across deployments: grain state and reminders are keyed by it.</summary>
    public string ServiceId { get; set; } = "kenjeklant";
    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;
    /// <summary>The address other silos reach this one on; empty = the machine's first address (or loopback without a database).</summary>
    public string? AdvertisedAddress { get; set; }
    /// <summary>How long a stopping silo (SIGTERM) may take to drain gracefully before it stops hard.</summary>
    public TimeSpan AfsluitTijd { get; set; } = TimeSpan.FromSeconds(30);
}
