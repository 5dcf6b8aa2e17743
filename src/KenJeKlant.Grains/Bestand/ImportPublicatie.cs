using KenJeKlant.Abstractions.Bestand;
using KenJeKlant.Grains.Realtime;
using Microsoft.Extensions.Logging;

namespace KenJeKlant.Grains.Bestand;

/// <summary>
/// Tells the hosts that follow an import its whole stand: at most every <see cref="Interval"/> while it runs
/// (the job calls this after every turn, so the last change goes with the next turn), at once when it ends.
/// </summary>
public sealed class ImportPublicatie(Func<ImportStand> stand, ILogger logger, TimeProvider klok)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly Volgers<IBestandImportObserver> _volgers = new(logger);
    private long? _laatst;

    public Task AbonneerAsync(IBestandImportObserver observer) => _volgers.AbonneerAsync(observer);

    public Task OpzeggenAsync(IBestandImportObserver observer) => _volgers.OpzeggenAsync(observer);

    public void Publiceer(bool altijd = false)
    {
        if (_volgers.Aantal == 0) return;
        if (!altijd && _laatst is { } laatst && klok.GetElapsedTime(laatst) < Interval) return;
        var s = stand();
        _volgers.Vertel(o => o.ImportGewijzigd(s));
        _laatst = klok.GetTimestamp();
    }
}
