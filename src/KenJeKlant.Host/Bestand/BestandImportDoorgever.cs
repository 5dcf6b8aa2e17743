using KenJeKlant.Abstractions.Bestand;
using KenJeKlant.Abstractions.Realtime;
using KenJeKlant.Host.Infrastructuur.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace KenJeKlant.Host.Bestand;

/// <summary>
/// The host's observer of import jobs: forwards each stand to the import's SignalR group. The job already
/// coalesces its pushes (at most four a second), so they go on as they come.
/// </summary>
public sealed class BestandImportDoorgever(IGrainFactory grains, IHubContext<BestandImportHub, IBestandImportClient> hub, ILogger<BestandImportDoorgever> logger)
    : Doorgever<IBestandImportObserver>(grains, logger), IBestandImportObserver
{
    protected override IBestandImportObserver Zelf => this;

    protected override IVolgbaar<IBestandImportObserver> Volgbaar(string id) => Grains.GetGrain<IBestandImportGrain>(Guid.Parse(id));

    public void ImportGewijzigd(ImportStand stand) => _ = StuurAsync(stand);

    private async Task StuurAsync(ImportStand stand)
    {
        var groep = Groepen.BestandImport(stand.Id.ToString());
        try
        {
            await hub.Clients.Group(groep).Import(stand);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            RealtimeLog.DoorgevenMislukt(logger, e, groep);
        }
    }
}
