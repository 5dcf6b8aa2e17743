using KenJeKlant.Abstractions.Werklijsten;
using KenJeKlant.Grains.Beleid;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Grains.Campagnes;

/// <summary>
/// Tells the klantmanagers' werklijsten which gesprekken to hold and which passed without an outcome,
/// one call per klantmanager, a few at a time. Remembers when every werklijst is to hear all open
/// gesprekken again: after an activation (a werklijst that stayed active elsewhere may have missed
/// what the campaign wrote just before it went down) and after the fan-out (invitations first,
/// agendas next). Items that did not change change nothing there, so telling twice is harmless.
/// </summary>
/// <param name="werkBij">Brings one klantmanager's werklijst up to date (the klantmanager grain).</param>
public sealed class WerklijstBerichtgeving(
    IOptionsMonitor<CampagneBeleid> beleid,
    TimeProvider klok,
    Func<string, IReadOnlyList<WerklijstItem>, IReadOnlyList<WerklijstVerwijdering>, Task> werkBij)
{
    /// <summary>Every werklijst is to hear all open gesprekken again at the next chance.</summary>
    public bool AllesOpnieuw { get; private set; }

    public void VraagAllesOpnieuw() => AllesOpnieuw = true;

    /// <summary>Tells all open gesprekken again; the request stands until that succeeded.</summary>
    public async Task MeldAllesOpnieuwAsync(IReadOnlyList<GesprekRij> open, string campagneNaam)
    {
        await MeldAsync(open, campagneNaam);
        AllesOpnieuw = false;
    }

    public async Task MeldAsync(IEnumerable<GesprekRij> rijen, string campagneNaam)
    {
        var zone = klok.LocalTimeZone;
        // A batch can touch a thousand werklijsten; each may activate and read its list from the
        // database, so only a few at a time (the connection pool is shared with everything else).
        using var ruimte = new SemaphoreSlim(beleid.CurrentValue.WerklijstenTegelijk);
        await Task.WhenAll(rijen.GroupBy(r => r.Klantmanager, StringComparer.Ordinal).Select(async groep =>
        {
            var (meld, weg) = Wijzigingen(groep, campagneNaam, zone);
            await ruimte.WaitAsync();
            try
            {
                await werkBij(groep.Key, meld, weg);
            }
            finally
            {
                ruimte.Release();
            }
        }));
    }

    /// <summary>What one klantmanager's werklijst gets for these gesprekken: items to show and items to take away.</summary>
    public static (List<WerklijstItem> Meld, List<WerklijstVerwijdering> Weg) Wijzigingen(IEnumerable<GesprekRij> rijen, string campagneNaam, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(rijen);
        var meld = new List<WerklijstItem>();
        var weg = new List<WerklijstVerwijdering>();
        foreach (var rij in rijen)
        {
            if (rij.IsOpen)
            {
                // An open gesprek shows once: to hold, or (slot passed) as missing its outcome.
                weg.Add(new(rij.Klantnummer, rij.ZonderUitkomstGemeld ? WerklijstSoort.Gesprek : WerklijstSoort.GesprekZonderUitkomst));
                meld.Add(GesprekWerklijst.Item(rij, campagneNaam, zone));
            }
            else
            {
                weg.Add(new(rij.Klantnummer, WerklijstSoort.Gesprek));
                weg.Add(new(rij.Klantnummer, WerklijstSoort.GesprekZonderUitkomst));
            }
        }
        return (meld, weg);
    }
}
