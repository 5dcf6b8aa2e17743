using KenJeKlant.Abstractions.Bestand;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Host.Audit;
using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Host.Infrastructuur.Realtime;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace KenJeKlant.Host.Bestand;

/// <summary>
/// <c>/hubs/bestand</c>: <c>Volg(importId)</c> joins the import's group and sends its stand at once; every
/// change follows (<c>Import</c>), the last one with the report. Beheerders only; the errors name rows of
/// the export, so every Volg is in the audit log.
/// </summary>
[Authorize(Policy = Toegang.Beheer)]
public sealed class BestandImportHub(IGrainFactory grains, BestandImportDoorgever doorgever, HubAudit audit)
    : VolgHub<IBestandImportClient, IBestandImportObserver>(doorgever)
{
    public Task Volg(string importId) => VolgAsync(Id(importId).ToString());

    public Task Verlaat(string importId) => VerlaatAsync(Id(importId).ToString());

    protected override string Groep(string id) => Groepen.BestandImport(id);

    protected override async Task ControleerAsync(string id)
    {
        try
        {
            await grains.GetGrain<IBestandImportGrain>(Guid.Parse(id)).GetStandAsync();
        }
        catch (NietGevondenException)
        {
            await audit.SchrijfAsync(Context, "importrapport inzien", "bestand", StatusCodes.Status404NotFound);
            throw new HubException("Er is geen import met dit nummer.");
        }
        await audit.SchrijfAsync(Context, "importrapport inzien", "bestand", StatusCodes.Status200OK);
    }

    protected override async Task StuurMomentopnameAsync(string id) =>
        await Clients.Caller.Import(await grains.GetGrain<IBestandImportGrain>(Guid.Parse(id)).GetStandAsync());

    private static Guid Id(string importId) =>
        Guid.TryParse(importId, out var id) ? id : throw new HubException("Dit is geen nummer van een import.");
}
