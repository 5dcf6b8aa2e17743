using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Abstractions.Werklijsten;

namespace KenJeKlant.Grains.Campagnes;

// Telling others: each klant grain gets the newest version of its gesprekken (a bounded number of
// calls in flight, confirmed versions stored, so a restart carries on), and the klantmanagers'
// werklijsten get the gesprekken to hold and the ones that passed without an outcome.
public sealed partial class CampagneGrain
{
    private async Task MeldKlantenAsync()
    {
        var tegelijk = beleid.CurrentValue.KlantenTegelijk;
        var rijen = _gesprekken.TeMelden.Take(tegelijk * 4).Select(id => _gesprekken.Zoek(id)!).ToList();
        using var ruimte = new SemaphoreSlim(tegelijk);
        var antwoorden = await Task.WhenAll(rijen.Select(async rij =>
        {
            await ruimte.WaitAsync();
            try
            {
                var klantUitkomst = await GrainFactory.GetGrain<IKlantGrain>(rij.Klantnummer).WerkGesprekBijAsync(rij.Stand(Definitie.Naam));
                return (Rij: rij, Bevestigd: true, KlantUitkomst: klantUitkomst);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogKlantNietBereikt(logger, e, rij.Klantnummer, Id);
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
            _gesprekken.Zet(bevestigd.Select(r => r with { KlantVersie = r.Versie }));
        }
        // The klant grain recorded an outcome this campaign never stored (it failed right after): adopt it.
        foreach (var (rij, _, klantUitkomst) in antwoorden.Where(a => a.KlantUitkomst is not null && a.Rij.Uitkomst is null))
        {
            if (_gesprekken.Zoek(rij.Id) is { Uitkomst: null } actueel) await VerwerkUitkomstAsync(actueel, klantUitkomst!);
        }
    }

    private async Task MeldAanWerklijstenAsync(IEnumerable<GesprekRij> rijen)
    {
        var zone = klok.LocalTimeZone;
        // A batch can touch a thousand werklijsten; each may activate and read its list from the
        // database, so only a few at a time (the connection pool is shared with everything else).
        using var ruimte = new SemaphoreSlim(beleid.CurrentValue.WerklijstenTegelijk);
        await Task.WhenAll(rijen.GroupBy(r => r.Klantmanager, StringComparer.Ordinal).Select(async groep =>
        {
            var (meld, weg) = Werklijstwijzigingen(groep, zone);
            await ruimte.WaitAsync();
            try
            {
                await GrainFactory.GetGrain<IKlantmanagerGrain>(groep.Key).WerkBijAsync(meld, weg);
            }
            finally
            {
                ruimte.Release();
            }
        }));
    }

    private (List<WerklijstItem> Meld, List<WerklijstVerwijdering> Weg) Werklijstwijzigingen(IEnumerable<GesprekRij> rijen, TimeZoneInfo zone)
    {
        var meld = new List<WerklijstItem>();
        var weg = new List<WerklijstVerwijdering>();
        foreach (var rij in rijen)
        {
            if (rij.IsOpen)
            {
                // An open gesprek shows once: to hold, or (slot passed) as missing its outcome.
                weg.Add(new(rij.Klantnummer, rij.ZonderUitkomstGemeld ? WerklijstSoort.Gesprek : WerklijstSoort.GesprekZonderUitkomst));
                meld.Add(GesprekWerklijst.Item(rij, Definitie.Naam, zone));
            }
            else
            {
                weg.Add(new(rij.Klantnummer, WerklijstSoort.Gesprek));
                weg.Add(new(rij.Klantnummer, WerklijstSoort.GesprekZonderUitkomst));
            }
        }
        return (meld, weg);
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning,
        Message = "Klant {Klant} niet bijgewerkt voor campagne {Campagne}; volgende beurt opnieuw")]
    private static partial void LogKlantNietBereikt(Microsoft.Extensions.Logging.ILogger logger, Exception fout, string klant, string campagne);
}
