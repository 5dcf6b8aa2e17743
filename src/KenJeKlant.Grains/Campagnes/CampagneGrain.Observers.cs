using System.Diagnostics;
using KenJeKlant.Abstractions.Campagnes;
using Orleans.Utilities;

namespace KenJeKlant.Grains.Campagnes;

// Live progress for the hosts (and through them the dashboards). The work turns change the counts
// in bursts (a batch of invitations at a time), so a push goes out at the end of a turn or after an
// outcome, only when the voortgang differs from the last one pushed and not more often than every
// PushInterval; a change held back goes with the next turn, and the last one when the work stops.
// A push carries the whole Voortgang: it is small (aggregates only), and a full snapshot per push
// needs no ordering or gap detection at the receiver.
public sealed partial class CampagneGrain
{
    // Hosts re-subscribe well within this; a host that died stops receiving after it.
    private static readonly TimeSpan ObserverVerloop = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan PushInterval = TimeSpan.FromMilliseconds(250);

    private ObserverManager<ICampagneObserver>? _observers;
    private Voortgang? _laatstGepusht;
    private long _laatstGepushtOp;

    private ObserverManager<ICampagneObserver> Observers => _observers ??= new(ObserverVerloop, logger);

    public Task AbonneerAsync(ICampagneObserver observer)
    {
        Observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task OpzeggenAsync(ICampagneObserver observer)
    {
        Observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <summary>Pushes the voortgang if it changed; unless <paramref name="altijd"/>, not sooner than <see cref="PushInterval"/> after the last push.</summary>
    private async Task PushVoortgangAsync(bool altijd = false)
    {
        if (_observers is not { Count: > 0 } || S.Definitie is null) return;
        if (!altijd && Stopwatch.GetElapsedTime(_laatstGepushtOp) < PushInterval) return;
        var voortgang = await GetVoortgangAsync();
        if (voortgang is null || VoortgangVergelijking.Gelijk(voortgang, _laatstGepusht)) return;
        _laatstGepusht = voortgang;
        _laatstGepushtOp = Stopwatch.GetTimestamp();
        _observers.Notify(o => o.VoortgangGewijzigd(voortgang));
    }
}
