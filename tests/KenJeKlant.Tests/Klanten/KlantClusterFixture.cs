using KenJeKlant.Grains;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Klanten;
using KenJeKlant.Host.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace KenJeKlant.Tests.Klanten;

/// <summary>
/// One in-process silo with in-memory grain storage and a fake clock, for the klant grain's domain
/// rules. (Storage on PostgreSQL has its own tests under Storage/.)
/// </summary>
public sealed class KlantClusterFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Klok { get; } = new(Start);
    public InMemoryLeesmodel Leesmodel { get; } = new();
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Klanten);
            silo.UseSystemTextJsonGrainStorageSerializer();
        });
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Services.AddSingleton<TimeProvider>(Klok);
            host.Services.AddSingleton<IKlantOverzichtProjectie>(Leesmodel);
            host.Services.AddOptions<TrajectBeleid>().PostConfigure(b => b.VulStandaarden());
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
