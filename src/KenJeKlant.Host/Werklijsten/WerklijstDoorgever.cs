using KenJeKlant.Abstractions.Realtime;
using KenJeKlant.Abstractions.Werklijsten;
using KenJeKlant.Host.Infrastructuur.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace KenJeKlant.Host.Werklijsten;

/// <summary>
/// The host's observer of werklijsten. The grain notifies per change (a campaign batch is hundreds),
/// so changes are buffered per klantmanager — the last one per (klantnummer, soort, afspraak) wins, which is
/// the item's current state — and <see cref="RealtimeOnderhoud"/> sends each buffer as one message
/// a few times a second.
/// </summary>
public sealed class WerklijstDoorgever(IGrainFactory grains, IHubContext<WerklijstHub, IWerklijstClient> hub, ILogger<WerklijstDoorgever> logger)
    : Doorgever<IWerklijstObserver>(grains, logger), IWerklijstObserver
{
    private readonly Dictionary<string, Dictionary<(string, WerklijstSoort, Guid?), WerklijstWijziging>> _buffer = new(StringComparer.Ordinal);
    private readonly Lock _bufferSlot = new();

    protected override IWerklijstObserver Zelf => this;

    protected override IVolgbaar<IWerklijstObserver> Volgbaar(string id) => Grains.GetGrain<IKlantmanagerGrain>(id);

    public void WerklijstGewijzigd(WerklijstWijziging wijziging)
    {
        lock (_bufferSlot)
        {
            if (!_buffer.TryGetValue(wijziging.Klantmanager, out var wijzigingen))
                _buffer[wijziging.Klantmanager] = wijzigingen = [];
            wijzigingen[(wijziging.Item.Klantnummer, wijziging.Item.Soort, wijziging.Item.AfspraakId)] = wijziging;
        }
    }

    /// <summary>Sends what was buffered since the last call, one message per klantmanager.</summary>
    public override async Task SpoelDoorAsync(CancellationToken ct = default)
    {
        List<(string Klantmanager, List<WerklijstWijziging> Wijzigingen)> teSturen;
        lock (_bufferSlot)
        {
            if (_buffer.Count == 0) return;
            teSturen = [.. _buffer.Select(b => (b.Key, b.Value.Values.ToList()))];
            _buffer.Clear();
        }
        foreach (var (klantmanager, wijzigingen) in teSturen)
        {
            var groep = Groepen.Werklijst(klantmanager);
            try
            {
                await hub.Clients.Group(groep).WerklijstGewijzigd(wijzigingen);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                RealtimeLog.DoorgevenMislukt(logger, e, groep);
            }
        }
    }
}
