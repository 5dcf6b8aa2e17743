using KenJeKlant.Grains.Campagnes;
using KenJeKlant.Grains.Klanten;
using KenJeKlant.Host.Campagnes;
using KenJeKlant.Grains.Werklijsten;
using KenJeKlant.Host.Options;
using Npgsql;

namespace KenJeKlant.Host.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// PostgreSQL for the application's tables when a connection string is configured, otherwise
    /// in-memory. Call before AddKenJeKlantOrleans: the schema migration is a hosted service that
    /// must finish before the silo starts (Orleans reads its queries from the schema at start-up).
    /// </summary>
    public static WebApplicationBuilder AddKenJeKlantStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<KlantenInBestand>();
        var connectionString = builder.Configuration.GetConnectionString(DatabaseInstellingen.ConnectionStringNaam);
        builder.Services.Configure<DatabaseInstellingen>(builder.Configuration.GetSection(DatabaseInstellingen.Sectie));
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            builder.Services.AddSingleton<InMemoryLeesmodel>();
            builder.Services.AddSingleton<IKlantOverzichtProjectie>(sp => sp.GetRequiredService<InMemoryLeesmodel>());
            builder.Services.AddSingleton<IKlantOverzichten>(sp => sp.GetRequiredService<InMemoryLeesmodel>());
            builder.Services.AddSingleton<IWerklijstBron>(sp => sp.GetRequiredService<InMemoryLeesmodel>());
            builder.Services.AddSingleton<IMedewerkers>(sp => sp.GetRequiredService<InMemoryLeesmodel>());
            builder.Services.AddSingleton<IImportSlot>(sp => sp.GetRequiredService<InMemoryLeesmodel>());
            builder.Services.AddSingleton<ICampagneOpslag>(sp => sp.GetRequiredService<InMemoryLeesmodel>());
            builder.Services.AddSingleton<IGesprekWerklijstBron>(sp => sp.GetRequiredService<InMemoryLeesmodel>());
            builder.Services.AddSingleton<ICampagneLeesmodel>(sp => sp.GetRequiredService<InMemoryLeesmodel>());
            return builder;
        }

        builder.Services.AddSingleton(_ =>
        {
            // Auto-prepare keeps query plans across the pool's resets (the read-model upsert runs per change).
            // The reset itself stays: the import slot holds a session-level advisory lock.
            var data = new NpgsqlDataSourceBuilder(connectionString);
            if (!data.ConnectionStringBuilder.ContainsKey("Max Auto Prepare")) data.ConnectionStringBuilder.MaxAutoPrepare = 20;
            // Several silos share one server: each process keeps its share of max_connections.
            if (!data.ConnectionStringBuilder.ContainsKey("Maximum Pool Size")) data.ConnectionStringBuilder.MaxPoolSize = 30;
            return data.Build();
        });
        builder.Services.AddSingleton<SchemaMigrator>();
        builder.Services.AddHostedService<MigratieBijStart>();
        builder.Services.AddSingleton<PostgresKlantOverzichten>();
        builder.Services.AddSingleton<IKlantOverzichtProjectie>(sp => sp.GetRequiredService<PostgresKlantOverzichten>());
        builder.Services.AddSingleton<IKlantOverzichten>(sp => sp.GetRequiredService<PostgresKlantOverzichten>());
        builder.Services.AddSingleton<IWerklijstBron>(sp => sp.GetRequiredService<PostgresKlantOverzichten>());
        builder.Services.AddSingleton<IMedewerkers, PostgresMedewerkers>();
        builder.Services.AddSingleton<IImportSlot, PostgresImportSlot>();
        builder.Services.AddSingleton<PostgresCampagneOpslag>();
        builder.Services.AddSingleton<ICampagneOpslag>(sp => sp.GetRequiredService<PostgresCampagneOpslag>());
        builder.Services.AddSingleton<IGesprekWerklijstBron>(sp => sp.GetRequiredService<PostgresCampagneOpslag>());
        builder.Services.AddSingleton<ICampagneLeesmodel, PostgresCampagneLeesmodel>();
        return builder;
    }
}
