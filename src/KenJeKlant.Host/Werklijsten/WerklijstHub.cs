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
public sealed class WerklijstHub(IGrainFactory grains, WerklijstDoorgever doorgever, Caseload caseload, HubAudit audit)
    : VolgHub<IWerklijstClient, IWerklijstObserver>(doorgever)
{
    public Task Volg(string klantmanagerId) => VolgAsync(klantmanagerId);

    public Task Verlaat(string klantmanagerId) => VerlaatAsync(klantmanagerId);

    protected override string Groep(string id) => Groepen.Werklijst(id);

    protected override async Task ControleerAsync(string id)
    {
        var mag = await caseload.MagWerklijstAsync(Context.User!, id, Context.ConnectionAborted);
        await audit.SchrijfAsync(Context, "werklijst inzien", $"werklijst {id}", mag ? StatusCodes.Status200OK : StatusCodes.Status403Forbidden);
        if (!mag) throw new HubException("Geen toegang: u volgt alleen uw eigen werklijst (of die u waarneemt).");
    }

    protected override async Task StuurMomentopnameAsync(string id) =>
        await Clients.Caller.Werklijst(await grains.GetGrain<IKlantmanagerGrain>(id).GetWerklijstAsync());
}
