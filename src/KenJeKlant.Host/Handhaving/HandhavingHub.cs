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
public sealed class HandhavingHub(HandhavingDoorgever doorgever, IHandhavingLeesmodel leesmodel, HubAudit audit)
    : VolgHub<IHandhavingClient, IHandhavingObserver>(doorgever)
{
    public Task Volg() => VolgAsync(IHandhavingslijstGrain.Sleutel);

    public Task Verlaat() => VerlaatAsync(IHandhavingslijstGrain.Sleutel);

    protected override string Groep(string id) => Groepen.Handhaving;

    protected override Task ControleerAsync(string id) =>
        audit.SchrijfAsync(Context, "handhavingssignalen inzien", "handhavingssignalen", StatusCodes.Status200OK);

    protected override async Task StuurMomentopnameAsync(string id) =>
        await Clients.Caller.Signalen(await leesmodel.SignalenAsync((SignaalStatus?)null, Context.ConnectionAborted));
}
