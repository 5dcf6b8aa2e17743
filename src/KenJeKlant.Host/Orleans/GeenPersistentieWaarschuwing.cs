using KenJeKlant.Host.Options;

namespace KenJeKlant.Host.Orleans;

/// <summary>Says loudly, at start and every few minutes, that a host without a database keeps nothing.</summary>
public sealed partial class GeenPersistentieWaarschuwing(IConfiguration configuration, ILogger<GeenPersistentieWaarschuwing> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString(DatabaseInstellingen.ConnectionStringNaam))) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5));
        do
        {
            LogNietsBlijftBewaard(DatabaseInstellingen.ConnectionStringNaam);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "NOTHING PERSISTS: no connection string 'ConnectionStrings:{Naam}' is set, so grain state, reminders and the bestand live in memory only and are lost when this process stops. Set ConnectionStrings__{Naam} to use PostgreSQL.")]
    private partial void LogNietsBlijftBewaard(string naam);
}
