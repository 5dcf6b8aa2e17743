namespace KenJeKlant.Abstractions.Realtime;

/// <summary>
/// A grain that hosts can follow live: each host subscribes its one observer, and renews it within the expiry
/// (a few minutes) to stay subscribed — so a host that died drops off by itself, and a grain activated anew
/// elsewhere hears of its followers again at their next renewal.
/// </summary>
[Alias("kjk.IVolgbaar`1")]
public interface IVolgbaar<in TObserver> : IGrain where TObserver : IGrainObserver
{
    [Alias("Abonneer")]
    Task AbonneerAsync(TObserver observer);

    [Alias("Opzeggen")]
    Task OpzeggenAsync(TObserver observer);
}
