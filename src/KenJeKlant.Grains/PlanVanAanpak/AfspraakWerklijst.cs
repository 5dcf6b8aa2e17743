using System.Globalization;
using KenJeKlant.Abstractions.Herbeoordelingen;
using KenJeKlant.Abstractions.PlanVanAanpak;
using KenJeKlant.Abstractions.Werklijsten;

namespace KenJeKlant.Grains.PlanVanAanpak;

/// <summary>How an afspraak to check shows on the werklijst; the plan grain and a rebuilt werklijst use the same words.</summary>
public static class AfspraakWerklijst
{
    /// <summary>Open, and its deadline has come: on the werklijst.</summary>
    public static bool TeControleren(Afspraak afspraak, DateOnly vandaag) =>
        afspraak.Status == AfspraakStatus.Open && afspraak.Deadline <= vandaag;

    public static WerklijstItem Item(string klantnummer, string naam, Afspraak afspraak, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(afspraak);
        var wie = afspraak.Wie switch
        {
            AfspraakWie.Klant => "de klant",
            AfspraakWie.Klantmanager => "de klantmanager",
            _ => afspraak.Partner ?? "een partner",
        };
        var domein = afspraak.Leefdomein is { } d ? $" ({d})" : "";
        return new WerklijstItem(klantnummer, naam, WerklijstSoort.Afspraak, afspraak.Deadline,
            afspraak.Deadline < vandaag ? HerbeoordelingStatus.TeLaat : HerbeoordelingStatus.AanDeBeurt,
            $"{afspraak.Omschrijving}{domein} — door {wie}, deadline {afspraak.Deadline.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)}. Controleer of de afspraak is nagekomen.",
            AfspraakId: afspraak.Id);
    }
}
