using KenJeKlant.Abstractions.Realtime;
using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Host.Infrastructuur.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace KenJeKlant.Host.Campagnes;

/// <summary>
/// The host's observer of campaigns: forwards each voortgang to the campaign's SignalR group. The
/// grain already coalesces its pushes (a few per second at most), so they go on as they come.
/// </summary>
public sealed class CampagneDoorgever(IGrainFactory grains, IHubContext<CampagneHub, ICampagneClient> hub, ILogger<CampagneDoorgever> logger)
    : Doorgever<ICampagneObserver>(grains, logger), ICampagneObserver
{
    protected override ICampagneObserver Zelf => this;

    protected override IVolgbaar<ICampagneObserver> Volgbaar(string id) => Grains.GetGrain<ICampagneGrain>(id);

    public void VoortgangGewijzigd(Voortgang voortgang) => _ = StuurAsync(voortgang);

    private async Task StuurAsync(Voortgang voortgang)
    {
        var groep = Groepen.Campagne(voortgang.CampagneId);
        try
        {
            await hub.Clients.Group(groep).Voortgang(voortgang);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            RealtimeLog.DoorgevenMislukt(logger, e, groep);
        }
    }
}
