using System.Net;
using KenJeKlant.Grains;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Telemetrie;
using KenJeKlant.Host.Options;
using KenJeKlant.Host.Storage;
using Orleans.Configuration;

namespace KenJeKlant.Host.Orleans;

public static class OrleansExtensions
{
    /// <summary>
    /// This process is a silo. With a PostgreSQL connection string: ADO.NET clustering, grain storage
    /// and reminders on it; without one: a single localhost silo with in-memory everything.
    /// </summary>
    public static WebApplicationBuilder AddKenJeKlantOrleans(this WebApplicationBuilder builder)
    {
        var cluster = builder.Configuration.GetSection(ClusterInstellingen.Sectie).Get<ClusterInstellingen>() ?? new();
        var connectionString = builder.Configuration.GetConnectionString(DatabaseInstellingen.ConnectionStringNaam);

        builder.Services.AddOptions<TrajectBeleid>()
            .Bind(builder.Configuration.GetSection(TrajectBeleid.Sectie))
            .PostConfigure(b => b.VulStandaarden());
        builder.Services.AddOptions<HerbeoordelingBeleid>()
            .Bind(builder.Configuration.GetSection(HerbeoordelingBeleid.Sectie))
            .PostConfigure(b => b.VulStandaarden());
        builder.Services.AddSingleton(TimeProvider.System);
        // The grains' own instruments; exporting them is AddKenJeKlantTelemetrie's business.
        builder.Services.AddSingleton<KenJeKlantMeters>();
        builder.AddKenJeKlantKlokken();
        builder.AddKenJeKlantAfsluiten(cluster);
        builder.Services.AddHostedService<GeenPersistentieWaarschuwing>();

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            silo.AddKenJeKlantDatabaseFouten();
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                silo.UseSystemTextJsonGrainStorageSerializer();
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort);
                silo.AddMemoryGrainStorage(StorageNames.KenJeKlant);
                silo.UseInMemoryReminderService();
                return;
            }
            silo.ConfigureEndpoints(
                string.IsNullOrWhiteSpace(cluster.AdvertisedAddress) ? IPAddress.Loopback : IPAddress.Parse(cluster.AdvertisedAddress),
                cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: !string.IsNullOrWhiteSpace(cluster.AdvertisedAddress));
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = OrleansAdoNetDefaults.Invariant;
                o.ConnectionString = PostgresSiloExtensions.VoorOrleans(connectionString);
            });
            silo.AddKenJeKlantPostgres(connectionString);
        });
        return builder;
    }
}
