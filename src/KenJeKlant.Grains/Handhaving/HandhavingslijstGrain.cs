using KenJeKlant.Abstractions.Handhaving;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace KenJeKlant.Grains.Handhaving;

/// <summary>
/// Passes "these signals changed" on to the hosts that follow the handhaving queue. No state: a host
/// that follows renews its subscription every minute, which also re-attaches it when this grain was
/// activated anew elsewhere. Coalescing is the hosts' (they buffer ids and send a few times a second),
/// because only they know whether anyone there is watching.
/// </summary>
public sealed class HandhavingslijstGrain(ILogger<HandhavingslijstGrain> logger) : Grain, IHandhavingslijstGrain
{
    // Hosts re-subscribe well within this; a host that died stops receiving after it.
    private readonly ObserverManager<IHandhavingObserver> _observers = new(TimeSpan.FromMinutes(5), logger);

    public Task AbonneerAsync(IHandhavingObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task OpzeggenAsync(IHandhavingObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task SignalenGewijzigdAsync(IReadOnlyList<Guid> signalen)
    {
        if (signalen.Count > 0 && _observers.Count > 0) _observers.Notify(o => o.SignalenGewijzigd(signalen));
        return Task.CompletedTask;
    }
}
