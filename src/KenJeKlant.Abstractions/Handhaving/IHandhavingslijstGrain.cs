using KenJeKlant.Abstractions.Realtime;
using Orleans.Concurrency;

namespace KenJeKlant.Abstractions.Handhaving;

/// <summary>
/// The handhaving queue as something to follow live (one grain, key <see cref="Sleutel"/>): campaigns
/// report the signals they create, signal grains the review steps they record, and it tells the
/// subscribed hosts. One grain is enough: signals come at the pace of people (a repeated no-show, a
/// behandelaar's step), never from a fan-out.
/// </summary>
[Alias("kjk.IHandhavingslijstGrain")]
public interface IHandhavingslijstGrain : IGrainWithStringKey, IVolgbaar<IHandhavingObserver>
{
    public const string Sleutel = "alle";

    /// <summary>Subscribe again within the expiry (a few minutes) to stay subscribed.</summary>

    /// <summary>
    /// These signals were created or changed and their rows are written. One-way: the caller's step
    /// is done and must not wait for, or fail on, the screens hearing of it.
    /// </summary>
    [Alias("SignalenGewijzigd"), OneWay]
    Task SignalenGewijzigdAsync(IReadOnlyList<Guid> signalen);
}
