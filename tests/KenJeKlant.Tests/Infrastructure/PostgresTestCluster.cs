using KenJeKlant.Host.Infrastructuur.Orleans;
using KenJeKlant.Host.Infrastructuur.Postgres;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace KenJeKlant.Tests.Infrastructure;

/// <summary>
/// Orleans test clusters on PostgreSQL through the real ADO.NET providers, configured as the host does.
/// </summary>
/// <remarks>
/// Orleans 10.4.2's <see cref="InProcessTestClusterBuilder"/> always uses TestingHost's in-memory
/// membership (its <c>UseTestClusterMembership</c> switch is internal), so it serves grain storage and
/// reminders; membership through PostgreSQL needs the older <see cref="TestClusterBuilder"/>.
/// </remarks>
public static class PostgresTestCluster
{
    /// <summary>Name of the grain storage the test clusters register.</summary>
    public const string StorageName = KenJeKlant.Grains.StorageNames.KenJeKlant;

    private const string ConnectionStringKey = "KenJeKlantTests:PostgreSql";

    /// <summary>Grain storage and reminders in PostgreSQL; membership in memory.</summary>
    /// <param name="connectionString">A database from <see cref="PostgresServer.CreateDatabaseAsync"/>.</param>
    /// <param name="serviceId">Reuse it to restart "the same" service against the same database.</param>
    /// <param name="configureSilo">Extra silo configuration, e.g. a fake clock.</param>
    public static InProcessTestCluster Build(
        string connectionString, string serviceId, Action<ISiloBuilder>? configureSilo = null)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = serviceId;
        builder.ConfigureSilo((_, silo) =>
        {
            AddStorageAndReminders(silo, connectionString);
            configureSilo?.Invoke(silo);
        });
        return builder.Build();
    }

    /// <summary>Membership, grain storage and reminders all in PostgreSQL.</summary>
    public static TestCluster BuildWithPostgresMembership(
        string connectionString, string clusterId, string serviceId, short silos)
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.ClusterId = clusterId;
        builder.Options.ServiceId = serviceId;
        builder.Options.UseTestClusterMembership = false;
        // TestClusterBuilder instantiates configurators by type; settings reach them as configuration.
        builder.Properties[ConnectionStringKey] = connectionString;
        builder.AddSiloBuilderConfigurator<PostgresSiloConfigurator>();
        builder.AddClientBuilderConfigurator<PostgresClientConfigurator>();
        return builder.Build();
    }

    private static void AddStorageAndReminders(ISiloBuilder silo, string connectionString) =>
        silo.AddKenJeKlantPostgres(connectionString);

    private static string ConnectionString(IConfiguration configuration) =>
        configuration[ConnectionStringKey] ?? throw new InvalidOperationException($"{ConnectionStringKey} is not configured.");

    private sealed class PostgresSiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var connectionString = ConnectionString(siloBuilder.Configuration);
            siloBuilder.UseAdoNetClustering(o =>
            {
                o.Invariant = OrleansAdoNetDefaults.Invariant;
                o.ConnectionString = connectionString;
            });
            AddStorageAndReminders(siloBuilder, connectionString);
        }
    }

    private sealed class PostgresClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.UseAdoNetClustering(o =>
            {
                o.Invariant = OrleansAdoNetDefaults.Invariant;
                o.ConnectionString = ConnectionString(configuration);
            });
    }
}
