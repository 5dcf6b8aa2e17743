using KenJeKlant.Grains;
using KenJeKlant.Host.Klanten;
using Orleans.Runtime.Hosting;
using KenJeKlant.Host.Infrastructuur.Postgres;
using Npgsql;

namespace KenJeKlant.Host.Infrastructuur.Orleans;

public static class PostgresSiloExtensions
{
    /// <summary>
    /// Grain state (System.Text.Json, one table for all KenJeKlant grains but the klant grains, which have
    /// their own) and reminders on PostgreSQL through Orleans' ADO.NET providers. Clustering is configured apart: tests run these on an
    /// in-process membership.
    /// </summary>
    public static ISiloBuilder AddKenJeKlantPostgres(this ISiloBuilder silo, string connectionString)
    {
        connectionString = VoorOrleans(connectionString);
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.AddAdoNetGrainStorage(StorageNames.KenJeKlant, o =>
        {
            o.Invariant = OrleansAdoNetDefaults.Invariant;
            o.ConnectionString = connectionString;
        });
        // Klant grains, hundreds of thousands of them, keep their state in a typed table written in batches (decision 29).
        silo.Services.AddKlantOpslag(connectionString);
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = OrleansAdoNetDefaults.Invariant;
            o.ConnectionString = connectionString;
        });
        return silo;
    }

    /// <summary>
    /// The Orleans providers never prepare their statements, so Npgsql's reset on every return to the
    /// pool (DISCARD ALL) made PostgreSQL re-plan each query — about half the machine's CPU per grain
    /// write. Auto-prepare and no reset keep the plans (measured: PostgreSQL CPU per write roughly
    /// halved). Safe here: these connections hold no session state. Explicit settings win.
    /// </summary>
    public static string VoorOrleans(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!builder.ContainsKey("Max Auto Prepare")) builder.MaxAutoPrepare = 20;
        if (!builder.ContainsKey("No Reset On Close")) builder.NoResetOnClose = true;
        // Several silos share one server (max_connections 400 in deploy/local): 50 for Orleans plus
        // 30 for the application's own pool per silo, unless the connection string says otherwise.
        if (!builder.ContainsKey("Maximum Pool Size")) builder.MaxPoolSize = 50;
        return builder.ConnectionString;
    }
}
