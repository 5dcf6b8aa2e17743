using KenJeKlant.Abstractions.Werklijsten;
using KenJeKlant.Host.Infrastructuur.Realtime;
using KenJeKlant.Host.Audit;
using KenJeKlant.Host.Beveiliging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace KenJeKlant.Host.Werklijsten;

/// <summary>
/// <c>/hubs/werklijsten</c>: <c>Volg(klantmanagerId)</c> joins the klantmanager's group and sends the
/// whole werklijst at once; batches of changes (<c>WerklijstGewijzigd</c>) follow. Only the
/// klantmanager's own werklijst (or one they cover); every Volg is in the audit log.
/// </summary>
[Authorize(Policy = Toegang.Klantmanager)]
public sealed class WerklijstHub(IGrainFactory grains, WerklijstDoorgever doorgever, Caseload caseload, HubAudit audit) : Hub<IWerklijstClient>
{
    private const string Verwerking = "werklijst inzien";

    public async Task Volg(string klantmanagerId)
    {
        var mag = await caseload.MagWerklijstAsync(Context.User!, klantmanagerId, Context.ConnectionAborted);
        await audit.SchrijfAsync(Context, Verwerking, $"werklijst {klantmanagerId}", mag ? StatusCodes.Status200OK : StatusCodes.Status403Forbidden);
        if (!mag) throw new HubException("Geen toegang: u volgt alleen uw eigen werklijst (of die u waarneemt).");
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
