using KenJeKlant.Grains;
using KenJeKlant.Host.Klanten;
using Npgsql;
using KenJeKlant.Tests.Infrastructure;
using Orleans.TestingHost;

namespace KenJeKlant.Tests.Klanten;

/// <summary>
/// One in-process silo with in-memory grain storage (but the klant's own table) and reminders and a fake clock, for the domain
/// rules of the klant and klantmanager grains; the application tables are PostgreSQL, as in the host.
/// Grain storage and reminders on PostgreSQL have their own tests (Storage/, Herbeoordelingen/).
/// </summary>
public sealed class KlantClusterFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public KlantSilo Silo { get; } = new(Start);
    /// <summary>The klant_overzicht read model the grains project into, read as the API reads it.</summary>
    public PostgresKlantOverzichten Overzichten { get; private set; } = null!;
    private string _database = null!;
    /// <summary>The test database, for what a test writes beside the grains (the import's bulk path).</summary>
    public string Database => _database;
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync("klanten");
        Overzichten = new PostgresKlantOverzichten(NpgsqlDataSource.Create(_database));
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.KenJeKlant);
            // The klant's state and its klant_overzicht row are written in one transaction: real PostgreSQL.
            silo.Services.AddKlantOpslag(_database);
            silo.UseInMemoryReminderService();
            silo.UseSystemTextJsonGrainStorageSerializer();
        });
        builder.ConfigureSiloHost((_, host) => Silo.ConfigureerMetPostgres(host.Services, _database));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(_database);
    }
}
