using KenJeKlant.Abstractions.Handhaving;
using Microsoft.Extensions.Logging;
using KenJeKlant.Grains.Realtime;

namespace KenJeKlant.Grains.Handhaving;

/// <summary>
/// Passes "these signals changed" on to the hosts that follow the handhaving queue. No state: a host
/// that follows renews its subscription every minute, which also re-attaches it when this grain was
/// activated anew elsewhere. Coalescing is the hosts' (they buffer ids and send a few times a second),
/// because only they know whether anyone there is watching.
/// </summary>
public sealed class HandhavingslijstGrain(ILogger<HandhavingslijstGrain> logger) : Grain, IHandhavingslijstGrain
{
    private readonly Volgers<IHandhavingObserver> _volgers = new(logger);

    public Task AbonneerAsync(IHandhavingObserver observer) => _volgers.AbonneerAsync(observer);

    public Task OpzeggenAsync(IHandhavingObserver observer) => _volgers.OpzeggenAsync(observer);

    public Task SignalenGewijzigdAsync(IReadOnlyList<Guid> signalen)
    {
        if (signalen.Count > 0) _volgers.Vertel(o => o.SignalenGewijzigd(signalen));
        return Task.CompletedTask;
    }
}
