using KenJeKlant.Abstractions.Campagnes;
using Microsoft.Extensions.Logging;
using KenJeKlant.Grains.Realtime;

namespace KenJeKlant.Grains.Campagnes;

/// <summary>
/// Live progress for the hosts (and through them the dashboards). The work turns change the counts
/// in bursts (a batch of invitations at a time), so a push goes out only when the voortgang differs
/// from the last one pushed, and not more often than every <see cref="Interval"/>: a change held back
/// goes with the next push (the campaign offers one after every turn and outcome, and one
/// <c>altijd</c> when its work stops or its status changes). A push carries the whole
/// <see cref="Voortgang"/>: it is small (aggregates only), and a full snapshot per push needs no
/// ordering or gap detection at the receiver.
/// </summary>
/// <param name="voortgang">The campaign's voortgang as it is now (null when there is no campaign).</param>
/// <param name="tijd">Real time, never the domain clock: coalescing is about how often hosts and browsers are
/// sent something, and a demo or test that runs days in seconds must not push more often.</param>
public sealed class VoortgangPublicatie(Func<Voortgang?> voortgang, ILogger logger, TimeProvider tijd)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly Volgers<ICampagneObserver> _volgers = new(logger);
    private Voortgang? _laatstGepusht;
    private long? _laatstGepushtOp;

    public int Abonnees => _volgers.Aantal;

    public Task AbonneerAsync(ICampagneObserver observer) => _volgers.AbonneerAsync(observer);

    public Task OpzeggenAsync(ICampagneObserver observer) => _volgers.OpzeggenAsync(observer);

    /// <summary>
    /// Pushes the voortgang if it changed; unless <paramref name="altijd"/>, not sooner than
    /// <see cref="Interval"/> after the last push. The voortgang is only assembled when a push may go
    /// out: with nobody listening, or too soon, the counts are not even read.
    /// </summary>
    /// <returns>Whether the observers were notified.</returns>
    public bool Publiceer(bool altijd = false)
    {
        if (_volgers.Aantal == 0) return false;
        if (!altijd && _laatstGepushtOp is { } op && tijd.GetElapsedTime(op) < Interval) return false;
        var nu = voortgang();
        if (nu is null || VoortgangVergelijking.Gelijk(nu, _laatstGepusht)) return false;
        _laatstGepusht = nu;
        _laatstGepushtOp = tijd.GetTimestamp();
        _volgers.Vertel(o => o.VoortgangGewijzigd(nu));
        return true;
    }
}
