using KenJeKlant.Host.Options;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Host.Storage;

/// <summary>Applies pending schema versions before the silo starts, unless turned off for production.</summary>
public sealed partial class MigratieBijStart(SchemaMigrator migrator, IOptions<DatabaseInstellingen> instellingen, ILogger<MigratieBijStart> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!instellingen.Value.MigreerBijStart)
        {
            LogUit();
            return;
        }
        var toegepast = await migrator.MigrateAsync(cancellationToken);
        LogBijgewerkt(toegepast.Count == 0 ? "none" : string.Join(", ", toegepast));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema migration on start is off (Database:MigreerBijStart=false).")]
    private partial void LogUit();

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema up to date; applied now: {Scripts}")]
    private partial void LogBijgewerkt(string scripts);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
