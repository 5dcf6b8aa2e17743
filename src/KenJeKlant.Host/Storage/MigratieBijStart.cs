using KenJeKlant.Host.Options;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Host.Storage;

/// <summary>Applies pending schema versions before the silo starts, unless turned off for production.</summary>
public sealed class MigratieBijStart(SchemaMigrator migrator, IOptions<DatabaseInstellingen> instellingen, ILogger<MigratieBijStart> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!instellingen.Value.MigreerBijStart)
        {
            logger.LogInformation("Schema migration on start is off (Database:MigreerBijStart=false).");
            return;
        }
        var toegepast = await migrator.MigrateAsync(cancellationToken);
        logger.LogInformation("Schema up to date; applied now: {Scripts}", toegepast.Count == 0 ? "none" : string.Join(", ", toegepast));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
