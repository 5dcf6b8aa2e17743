namespace KenJeKlant.Host.Infrastructuur.Realtime;

/// <summary>
/// Keeps the host's doorgevers going: sends the buffered werklijst and handhaving changes every
/// <see cref="Doorspoelen"/>, and renews the grain subscriptions every <c>Realtime:Herabonneren</c> (1 minute),
/// well within the grains' 5-minute observer expiry (so one missed round costs nothing) and soon
/// enough that a grain that moved to another silo, and lost its observers, hears of us again.
/// </summary>
public sealed class RealtimeOnderhoud(IEnumerable<IDoorgever> doorgevers, IConfiguration configuratie) : BackgroundService
{
    public static readonly TimeSpan Doorspoelen = TimeSpan.FromMilliseconds(250);

    private TimeSpan Herabonneren => configuratie.GetValue("Realtime:Herabonneren", TimeSpan.FromMinutes(1));

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(SpoelDoorAsync(stoppingToken), HerabonneerAsync(stoppingToken));

    private async Task SpoelDoorAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Doorspoelen);
        while (await WachtAsync(timer, ct))
        {
            foreach (var doorgever in doorgevers) await doorgever.SpoelDoorAsync(ct);
        }
    }

    private async Task HerabonneerAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Herabonneren);
        while (await WachtAsync(timer, ct))
        {
            foreach (var doorgever in doorgevers) await doorgever.HerabonneerAsync(ct);
        }
    }

    private static async Task<bool> WachtAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
