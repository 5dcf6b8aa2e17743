using KenJeKlant.Abstractions.Realtime;
using KenJeKlant.Abstractions.Handhaving;
using KenJeKlant.Host.Handhaving;
using KenJeKlant.Host.Infrastructuur.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace KenJeKlant.Host.Handhaving;

/// <summary>
/// The host's observer of the handhaving queue. The grain says only which signals changed; the ids are
/// buffered (a signal that changes twice within a round is read and sent once) and
/// <see cref="RealtimeOnderhoud"/> reads their rows from the queue's read model and sends each to the
/// handhaving group a few times a second — so a pushed item is exactly what the API's list shows.
/// </summary>
public sealed class HandhavingDoorgever(
    IGrainFactory grains, IHandhavingLeesmodel leesmodel, IHubContext<HandhavingHub, IHandhavingClient> hub, ILogger<HandhavingDoorgever> logger)
    : Doorgever<IHandhavingObserver>(grains, logger), IHandhavingObserver
{
    private readonly HashSet<Guid> _buffer = [];
    private readonly Lock _bufferSlot = new();

    protected override IHandhavingObserver Zelf => this;

    protected override IVolgbaar<IHandhavingObserver> Volgbaar(string id) => Grains.GetGrain<IHandhavingslijstGrain>(id);

    public void SignalenGewijzigd(IReadOnlyList<Guid> signalen)
    {
        lock (_bufferSlot) _buffer.UnionWith(signalen);
    }

    /// <summary>Reads and sends the signals that changed since the last call.</summary>
    public override async Task SpoelDoorAsync(CancellationToken ct = default)
    {
        List<Guid> ids;
        lock (_bufferSlot)
        {
            if (_buffer.Count == 0) return;
            ids = [.. _buffer];
            _buffer.Clear();
        }
        IReadOnlyList<SignaalRegel> regels;
        try
        {
            regels = await leesmodel.SignalenAsync(ids, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Keep them for the next round: the database may be back by then.
            lock (_bufferSlot) _buffer.UnionWith(ids);
            RealtimeLog.DoorgevenMislukt(logger, e, Groepen.Handhaving);
            return;
        }
        foreach (var regel in regels)
        {
            try
            {
                await hub.Clients.Group(Groepen.Handhaving).SignaalGewijzigd(regel);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                RealtimeLog.DoorgevenMislukt(logger, e, Groepen.Handhaving);
            }
        }
    }
}
