using KenJeKlant.Abstractions.Werklijsten;
using KenJeKlant.Host.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace KenJeKlant.Host.Hubs;

/// <summary>
/// <c>/hubs/werklijsten</c>: <c>Volg(klantmanagerId)</c> joins the klantmanager's group and sends the
/// whole werklijst at once; batches of changes (<c>WerklijstGewijzigd</c>) follow.
/// </summary>
public sealed class WerklijstHub(IGrainFactory grains, WerklijstDoorgever doorgever) : Hub<IWerklijstClient>
{
    public async Task Volg(string klantmanagerId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, Groepen.Werklijst(klantmanagerId));
        if (Gevolgd.Van(Context).Add(klantmanagerId)) doorgever.Volg(klantmanagerId);
        // Subscribed before the snapshot is read: a change in between arrives again as a delta, which is idempotent.
        await doorgever.AbonneerAsync(klantmanagerId);
        await Clients.Caller.Werklijst(await grains.GetGrain<IKlantmanagerGrain>(klantmanagerId).GetWerklijstAsync());
    }

    public async Task Verlaat(string klantmanagerId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, Groepen.Werklijst(klantmanagerId));
        if (Gevolgd.Van(Context).Remove(klantmanagerId)) await doorgever.VerlaatAsync(klantmanagerId);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var id in Gevolgd.Van(Context)) await doorgever.VerlaatAsync(id);
        await base.OnDisconnectedAsync(exception);
    }
}
