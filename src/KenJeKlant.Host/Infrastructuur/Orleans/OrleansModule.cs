using System.Net;
using KenJeKlant.Grains;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Telemetrie;
using KenJeKlant.Host.Infrastructuur.Klok;
using KenJeKlant.Host.Infrastructuur.Postgres;
using Orleans.Configuration;

namespace KenJeKlant.Host.Infrastructuur.Orleans;

public static class OrleansModule
{
    /// <summary>
    /// This process is a silo: ADO.NET clustering, grain storage and reminders on the shared PostgreSQL.
    /// </summary>
    public static WebApplicationBuilder AddOrleansSilo(this WebApplicationBuilder builder)
    {
        var cluster = builder.Configuration.GetSection(ClusterInstellingen.Sectie).Get<ClusterInstellingen>() ?? new();
        var connectionString = PostgresModule.ConnectionString(builder.Configuration);

        // The grains' own instruments; exporting them is AddTelemetrie's business.
        builder.Services.AddSingleton<KenJeKlantMeters>();
        builder.AddKenJeKlantAfsluiten(cluster);

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            silo.AddKenJeKlantDatabaseFouten();
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
