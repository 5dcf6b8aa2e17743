using KenJeKlant.Grains;
using KenJeKlant.Host.Storage;
using KenJeKlant.Tests.Infrastructure;
using Orleans.TestingHost;

namespace KenJeKlant.Tests.Klanten;

/// <summary>
/// One in-process silo with in-memory grain storage and reminders and a fake clock, for the domain
/// rules of the klant and klantmanager grains. Storage and reminders on PostgreSQL have their own
/// tests (Storage/, Herbeoordelingen/).
/// </summary>
public sealed class KlantClusterFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public KlantSilo Silo { get; } = new(Start);
    public InMemoryLeesmodel Leesmodel => Silo.Leesmodel;
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.KenJeKlant);
            silo.UseInMemoryReminderService();
            silo.UseSystemTextJsonGrainStorageSerializer();
        });
        builder.ConfigureSiloHost((_, host) => Silo.Configureer(host.Services));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
