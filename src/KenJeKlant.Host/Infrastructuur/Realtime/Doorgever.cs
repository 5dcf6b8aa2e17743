using KenJeKlant.Abstractions.Realtime;
namespace KenJeKlant.Host.Infrastructuur.Realtime;

/// <summary>
/// One per host and publisher kind: the host's single observer of those grains. It knows which ids
/// the connections of this host follow (counted, so the last one to leave unsubscribes) and
/// subscribes to exactly those grains; <see cref="RealtimeOnderhoud"/> renews the subscriptions
/// before the grains' observer expiry lets them lapse. A grain notifies each host once, however
/// many browsers there follow it; SignalR fans out locally.
/// </summary>
public abstract class Doorgever<TObserver>(IGrainFactory grains, ILogger logger) : IDoorgever
    where TObserver : class, IGrainObserver
{
    private readonly Dictionary<string, int> _volgers = new(StringComparer.Ordinal);
    private readonly Lock _slot = new();
    private TObserver? _referentie;

    protected IGrainFactory Grains => grains;

    /// <summary>This object, typed as the observer interface it implements.</summary>
    protected abstract TObserver Zelf { get; }

    // Created once, on first use: the silo is running by the time a client follows anything.
    private TObserver Referentie
    {
        get
        {
            lock (_slot) return _referentie ??= grains.CreateObjectReference<TObserver>(Zelf);
        }
    }

    /// <summary>The grain this doorgever follows for <paramref name="id"/>.</summary>
    protected abstract IVolgbaar<TObserver> Volgbaar(string id);

    /// <summary>One more local connection follows this id.</summary>
    public void Volg(string id)
    {
        lock (_slot) _volgers[id] = _volgers.GetValueOrDefault(id) + 1;
    }

    public bool Volgt(string id)
    {
        lock (_slot) return _volgers.ContainsKey(id);
    }

    public IReadOnlyList<string> Gevolgd()
    {
        lock (_slot) return [.. _volgers.Keys];
    }

    /// <summary>Subscribes (again) to the grain; subscribing twice only renews it.</summary>
    public Task AbonneerAsync(string id) => Volgbaar(id).AbonneerAsync(Referentie);

    /// <summary>One local connection stops following; the last one unsubscribes this host.</summary>
    public async Task VerlaatAsync(string id)
    {
        lock (_slot)
        {
            var over = _volgers.GetValueOrDefault(id) - 1;
            if (over > 0)
            {
                _volgers[id] = over;
                return;
            }
            _volgers.Remove(id);
        }
        try
        {
            await Volgbaar(id).OpzeggenAsync(Referentie);
            // A connection may have followed it again while the unsubscribe travelled.
            if (Volgt(id)) await AbonneerAsync(id);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The grain forgets this host by itself when the subscription expires.
            RealtimeLog.OpzeggenMislukt(logger, e, id);
        }
    }

    /// <summary>Sends what a doorgever that buffers has gathered since the last call; most send at once and have nothing to do.</summary>
    public virtual Task SpoelDoorAsync(CancellationToken ct = default) => Task.CompletedTask;

    /// <summary>Renews the subscription on every id local connections follow.</summary>
    public async Task HerabonneerAsync(CancellationToken ct)
    {
        foreach (var id in Gevolgd())
        {
            if (ct.IsCancellationRequested) return;
            try
            {
                await AbonneerAsync(id);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                RealtimeLog.HerabonnerenMislukt(logger, e, id);
            }
        }
    }
}
