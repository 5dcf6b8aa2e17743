using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace KenJeKlant.Grains.Realtime;

/// <summary>
/// The grain side of following live, written once: the hosts that follow this grain, each forgotten
/// <see cref="Verloop"/> after its last subscription. Hosts renew every minute, so one missed renewal costs
/// nothing and a dead host stops receiving within a few minutes.
/// </summary>
public sealed class Volgers<TObserver>(ILogger logger) where TObserver : IGrainObserver
{
    public static readonly TimeSpan Verloop = TimeSpan.FromMinutes(5);

    private readonly ObserverManager<TObserver> _observers = new(Verloop, logger);

    public int Aantal => _observers.Count;

    public Task AbonneerAsync(TObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task OpzeggenAsync(TObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <summary>One-way to every follower; one that no longer answers is dropped by the manager.</summary>
    public void Vertel(Action<TObserver> bericht)
    {
        if (_observers.Count > 0) _observers.Notify(bericht);
    }
}
