using KenJeKlant.Host.Infrastructuur;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KenJeKlant.Host.Infrastructuur.Postgres;

/// <summary>
/// The one PostgreSQL every silo shares: application tables, Orleans membership, grain state and
/// reminders. There is no in-memory mode: development and the demo use the PostgreSQL that
/// <c>deploy/local/run.sh</c> starts, so a store exists exactly once.
/// </summary>
public static partial class PostgresModule
{
    public static WebApplicationBuilder AddPostgres(this WebApplicationBuilder builder)
    {
        var connectionString = ConnectionString(builder.Configuration);
        builder.AddInstellingen<DatabaseInstellingen>(DatabaseInstellingen.Sectie);
        builder.Services.AddSingleton(_ =>
        {
            // Auto-prepare keeps query plans across the pool's resets (the read-model upsert runs per change).
            // The reset itself stays, although since the import became a job (decision 24) no session holds a lock any more.
            var data = new NpgsqlDataSourceBuilder(connectionString);
            if (!data.ConnectionStringBuilder.ContainsKey("Max Auto Prepare")) data.ConnectionStringBuilder.MaxAutoPrepare = 20;
            // Several silos share one server: each process keeps its share of max_connections.
            if (!data.ConnectionStringBuilder.ContainsKey("Maximum Pool Size")) data.ConnectionStringBuilder.MaxPoolSize = 30;
            return data.Build();
        });
        builder.Services.AddSingleton<SchemaMigrator>();
        return builder;
    }

    /// <summary>The configured connection string; a host without one refuses to start and says what to set.</summary>
    public static string ConnectionString(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(DatabaseInstellingen.ConnectionStringNaam);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                $"No database configured: set ConnectionStrings__{DatabaseInstellingen.ConnectionStringNaam} to a PostgreSQL connection string " +
                "(deploy/local/run.sh starts a local PostgreSQL and sets it).");
        return connectionString;
    }

    /// <summary>
    /// Applies pending schema versions before anything starts (the silo reads its queries from the schema,
    /// account seeding needs the tables), unless production migrates in its release step instead.
    /// </summary>
    public static async Task MigreerAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PostgresModule));
        if (!app.Services.GetRequiredService<IOptions<DatabaseInstellingen>>().Value.MigreerBijStart)
        {
            LogUit(logger);
            return;
        }
        var toegepast = await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
        LogBijgewerkt(logger, toegepast.Count == 0 ? "none" : string.Join(", ", toegepast));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema migration on start is off (Database:MigreerBijStart=false).")]
    private static partial void LogUit(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema up to date; applied now: {Scripts}")]
    private static partial void LogBijgewerkt(ILogger logger, string scripts);
}
