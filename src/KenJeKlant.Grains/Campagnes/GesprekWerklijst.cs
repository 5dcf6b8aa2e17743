using KenJeKlant.Abstractions.Campagnes;
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
                HerbeoordelingStatus.AanDeBeurt, $"Het gesprek van {start:dd-MM-yyyy HH:mm} heeft nog geen uitkomst: leg vast of de klant verscheen.", rij.Id, GesprekSoort: rij.Soort)
            : new WerklijstItem(rij.Klantnummer, rij.Naam, WerklijstSoort.Gesprek, DateOnly.FromDateTime(start.DateTime),
                HerbeoordelingStatus.Gepland, Omschrijving(rij, campagneNaam, start, eind), rij.Id, GesprekSoort: rij.Soort);
    }

    private static string Omschrijving(GesprekRij rij, string campagneNaam, DateTimeOffset start, DateTimeOffset eind)
    {
        var verzet = rij.VerzetAantal > 0 ? ", verzet" : "";
        if (!GesprekIds.IsAgenda(rij.CampagneId))
            return $"Participatiegesprek {start:HH:mm}–{eind:HH:mm} ({campagneNaam}, uitnodiging {rij.Poging}{verzet})";
        return $"{Beleid.GesprekBeleid.Titel(rij.Soort)} {start:HH:mm}–{eind:HH:mm} ({Vorm(rij.Vorm)}{verzet})";
    }

    public static string Vorm(GesprekVorm vorm) => vorm switch
    {
        GesprekVorm.Huisbezoek => "huisbezoek",
        GesprekVorm.Telefonisch => "telefonisch",
        GesprekVorm.Video => "video",
        _ => "op kantoor",
    };
}
