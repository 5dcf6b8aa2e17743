using KenJeKlant.Abstractions.Herbeoordelingen;
using KenJeKlant.Abstractions.Werklijsten;

namespace KenJeKlant.Grains.Campagnes;

/// <summary>How an open gesprek shows on its klantmanager's werklijst; the campaign and a rebuilt werklijst use the same words.</summary>
public static class GesprekWerklijst
{
    public static WerklijstItem Item(GesprekRij rij, string campagneNaam, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(rij);
        var start = TimeZoneInfo.ConvertTime(rij.Start, zone);
        var eind = TimeZoneInfo.ConvertTime(rij.Eind, zone);
        return rij.ZonderUitkomstGemeld
            ? new WerklijstItem(rij.Klantnummer, rij.Naam, WerklijstSoort.GesprekZonderUitkomst, DateOnly.FromDateTime(start.DateTime),
                HerbeoordelingStatus.AanDeBeurt, $"Het gesprek van {start:dd-MM-yyyy HH:mm} heeft nog geen uitkomst: leg vast of de klant verscheen.", rij.Id)
            : new WerklijstItem(rij.Klantnummer, rij.Naam, WerklijstSoort.Gesprek, DateOnly.FromDateTime(start.DateTime),
                HerbeoordelingStatus.Gepland, $"Participatiegesprek {start:HH:mm}–{eind:HH:mm} ({campagneNaam}, uitnodiging {rij.Poging})", rij.Id);
    }
}
