using KenJeKlant.Abstractions.Handhaving;
using KenJeKlant.Host.Handhaving;
using KenJeKlant.Host.Infrastructuur.Realtime;
using KenJeKlant.Host.Audit;
using KenJeKlant.Host.Beveiliging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace KenJeKlant.Host.Handhaving;

/// <summary>
/// <c>/hubs/handhaving</c>: <c>Volg()</c> joins the handhaving group and sends the whole queue at once;
/// <c>SignaalGewijzigd</c> follows for every signal created (repeated no-show) or moved on in its review.
/// Handhaving only; the queue names clients, so every Volg is in the audit log.
/// </summary>
[Authorize(Policy = Toegang.Handhaving)]
public sealed class HandhavingHub(HandhavingDoorgever doorgever, IHandhavingLeesmodel leesmodel, HubAudit audit) : Hub<IHandhavingClient>
{
    private const string Lijst = IHandhavingslijstGrain.Sleutel;

    public async Task Volg()
    {
        await audit.SchrijfAsync(Context, "handhavingssignalen inzien", "handhavingssignalen", StatusCodes.Status200OK);
        await Groups.AddToGroupAsync(Context.ConnectionId, Groepen.Handhaving);
        if (Gevolgd.Van(Context).Add(Lijst)) doorgever.Volg(Lijst);
        // Subscribed before the snapshot is read: a change in between arrives again as an item, which replaces its own row.
        await doorgever.AbonneerAsync(Lijst);
        await Clients.Caller.Signalen(await leesmodel.SignalenAsync((SignaalStatus?)null, Context.ConnectionAborted));
    }

    public async Task Verlaat()
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, Groepen.Handhaving);
        if (Gevolgd.Van(Context).Remove(Lijst)) await doorgever.VerlaatAsync(Lijst);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var id in Gevolgd.Van(Context)) await doorgever.VerlaatAsync(id);
        await base.OnDisconnectedAsync(exception);
    }
}
