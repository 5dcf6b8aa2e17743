using Microsoft.Extensions.Logging;

namespace KenJeKlant.Grains.Bestand;

/// <summary>
/// The last step, only after every valid row was applied: clients in the bestand whose klantnummer is on
/// no row of the export (a refused row still counts as named) are marked as having left — never deleted.
/// Those already marked drop out of the query, so a step cut short simply goes on with the rest.
/// </summary>
/// <param name="verlaat">Marks one client as having left; false when it already had.</param>
public sealed class UitBestandMarkeerder(IBestandImportOpslag opslag, Func<string, Task<bool>> verlaat, ILogger logger)
{
    private string _na = "";
    private bool _misluktInRonde;

    public async Task<StapUitkomst> VerwerkAsync(ImportJob job, int batchgrootte, int tegelijk)
    {
        ArgumentNullException.ThrowIfNull(job);
        var nummers = await opslag.UitBestandAsync(job.Id, _na, batchgrootte);
        if (nummers.Count == 0)
        {
            if (_na.Length == 0) return StapUitkomst.Klaar;
            _na = ""; // a failed client is still in the bestand and comes round in the next pass
            var wacht = _misluktInRonde;
            _misluktInRonde = false;
            return wacht ? StapUitkomst.Wacht : StapUitkomst.Verder;
        }

        var antwoorden = await Begrensd.VoerUitAsync(nummers, tegelijk, verlaat);
        _na = nummers[^1];
        var vertrokken = antwoorden.Count(a => a.Fout is null && a.Uitkomst);
        if (vertrokken > 0)
        {
            job.UitBestand += vertrokken;
            await opslag.SchrijfAsync(job);
        }
        var mislukt = antwoorden.Where(a => a.Fout is not null).ToList();
        if (mislukt.Count == 0) return StapUitkomst.Verder;
        _misluktInRonde = true;
        BestandImportLog.KlantenNietBereikt(logger, mislukt[0].Fout!, mislukt.Count, job.Id);
        return StapUitkomst.Verder;
    }
}
