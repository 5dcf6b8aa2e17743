using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Host.Infrastructuur.Realtime;
using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Host.Gemeenten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace KenJeKlant.Host.Campagnes;

/// <summary>
/// <c>/hubs/campagnes</c>: <c>Volg(campagneId)</c> joins the campaign's group and sends its voortgang
/// at once, so the dashboard never shows numbers older than its connection; pushes follow. Aggregates
/// only, for programmaleiders and beheerders.
/// </summary>
[Authorize(Policy = Toegang.Programma)]
public sealed class CampagneHub(IGrainFactory grains, CampagneDoorgever doorgever, Gemeentelijst gemeenten) : VolgHub<ICampagneClient, ICampagneObserver>(doorgever)
{
    public Task Volg(string campagneId) => VolgAsync(campagneId);

    public Task Verlaat(string campagneId) => VerlaatAsync(campagneId);

    protected override string Groep(string id) => Groepen.Campagne(id);

    protected override async Task ControleerAsync(string id)
    {
        if (await grains.GetGrain<ICampagneGrain>(id).GetAsync() is not { } stand) throw new HubException($"Er is geen campagne '{id}'.");
        // As the API (CampagneGemeenteFilter): a programmaleider limited to gemeenten follows only campaigns of theirs.
        var gemeente = stand.Definitie.Selectie.Gemeente ?? gemeenten.Enige?.Code;
        if (Gemeentetoegang.Toegestaan(Context.User!) is { } eigen && (gemeente is null || !eigen.Contains(gemeente)))
            throw new HubException("Deze campagne hoort niet bij uw gemeente(n).");
    }

    protected override async Task StuurMomentopnameAsync(string id)
    {
        if (await grains.GetGrain<ICampagneGrain>(id).GetVoortgangAsync() is { } voortgang) await Clients.Caller.Voortgang(voortgang);
    }
}
