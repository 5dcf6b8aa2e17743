using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Grains.Beleid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Grains.Campagnes;

/// <summary>
/// Tells each klant grain the newest version of its gesprekken, in the background and a bounded
/// number of calls in flight (back-pressure on the cluster). Which version a klant grain confirmed is
/// stored (<c>klant_versie</c>), so after a restart the campaign knows who still has to hear; a klant
/// grain that cannot be reached is simply told again in a later round.
/// </summary>
/// <param name="werkBij">Gives one klant grain the stand of one gesprek; answers with the outcome that grain holds for it, if any.</param>
public sealed class KlantenBerichtgeving(
    string campagneId,
    ICampagneOpslag opslag,
    CampagneGesprekken gesprekken,
    IOptionsMonitor<CampagneBeleid> beleid,
    Func<string, GesprekStand, Task<GesprekUitkomst?>> werkBij,
    ILogger logger)
{
    /// <summary>Gesprekken whose newest version their klant grain has not confirmed yet.</summary>
    public bool HeeftTeMelden => gesprekken.TeMelden.Count > 0;

    /// <summary>
    /// One round: up to four times <see cref="CampagneBeleid.KlantenTegelijk"/> gesprekken, that many
    /// calls in flight at once. Returns the outcomes a klant grain recorded that this campaign never
    /// stored (it failed right after the klant grain had it): the campaign adopts them.
    /// </summary>
    public async Task<IReadOnlyList<(GesprekRij Rij, GesprekUitkomst Uitkomst)>> MeldAsync(string campagneNaam)
    {
        var tegelijk = beleid.CurrentValue.KlantenTegelijk;
        var rijen = gesprekken.TeMelden.Take(tegelijk * 4).Select(id => gesprekken.Zoek(id)!).ToList();
        using var ruimte = new SemaphoreSlim(tegelijk);
        var antwoorden = await Task.WhenAll(rijen.Select(async rij =>
        {
            await ruimte.WaitAsync();
            try
            {
                var klantUitkomst = await werkBij(rij.Klantnummer, rij.Stand(campagneNaam));
                return (Rij: rij, Bevestigd: true, KlantUitkomst: klantUitkomst);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                CampagneLog.KlantNietBereikt(logger, e, rij.Klantnummer, campagneId);
                return (Rij: rij, Bevestigd: false, KlantUitkomst: (GesprekUitkomst?)null);
            }
            finally
            {
                ruimte.Release();
            }
        }));

        var bevestigd = antwoorden.Where(a => a.Bevestigd).Select(a => a.Rij).ToList();
        if (bevestigd.Count > 0)
        {
            await opslag.KlantBijgewerktAsync([.. bevestigd.Select(r => (r.Id, r.Versie))]);
            gesprekken.Zet(bevestigd.Select(r => r with { KlantVersie = r.Versie }));
        }
        return [.. antwoorden.Where(a => a.KlantUitkomst is not null && a.Rij.Uitkomst is null).Select(a => (a.Rij, a.KlantUitkomst!))];
    }
}
