using KenJeKlant.Grains.Telemetrie;
using Microsoft.AspNetCore.SignalR;

namespace KenJeKlant.Host.Telemetrie;

/// <summary>
/// Counts open SignalR connections per hub on this host (<c>kenjeklant.hub.verbindingen</c>), for every
/// hub at once, so a new hub is counted without touching it.
/// </summary>
public sealed class HubVerbindingenFilter(KenJeKlantMeters meters) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await next(context);
        // Only after the hub accepted it: a connection refused in OnConnectedAsync never counts.
        meters.HubVerbinding(Naam(context.Hub), +1);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context, exception);
        }
        finally
        {
            meters.HubVerbinding(Naam(context.Hub), -1);
        }
    }

    private static string Naam(Hub hub) => hub.GetType().Name;
}
