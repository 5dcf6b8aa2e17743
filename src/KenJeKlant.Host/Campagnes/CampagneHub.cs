using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Host.Infrastructuur.Realtime;
using KenJeKlant.Host.Beveiliging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace KenJeKlant.Host.Campagnes;

/// <summary>
/// <c>/hubs/campagnes</c>: <c>Volg(campagneId)</c> joins the campaign's group and sends its voortgang
/// at once, so the dashboard never shows numbers older than its connection; pushes follow. Aggregates
/// only, for programmaleiders and beheerders.
/// </summary>
[Authorize(Policy = Toegang.Programma)]
public sealed class CampagneHub(IGrainFactory grains, CampagneDoorgever doorgever) : Hub<ICampagneClient>
{
    public async Task Volg(string campagneId)
    {
        var grain = grains.GetGrain<ICampagneGrain>(campagneId);
        if (await grain.GetVoortgangAsync() is null) throw new HubException($"Er is geen campagne '{campagneId}'.");
        await Groups.AddToGroupAsync(Context.ConnectionId, Groepen.Campagne(campagneId));
        if (Gevolgd.Van(Context).Add(campagneId)) doorgever.Volg(campagneId);
        // Subscribed before the snapshot is read: a change in between arrives as a push (newer), never lost.
        await doorgever.AbonneerAsync(campagneId);
        if (await grain.GetVoortgangAsync() is { } voortgang) await Clients.Caller.Voortgang(voortgang);
    }

    public async Task Verlaat(string campagneId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, Groepen.Campagne(campagneId));
        if (Gevolgd.Van(Context).Remove(campagneId)) await doorgever.VerlaatAsync(campagneId);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var id in Gevolgd.Van(Context)) await doorgever.VerlaatAsync(id);
        await base.OnDisconnectedAsync(exception);
    }
}
