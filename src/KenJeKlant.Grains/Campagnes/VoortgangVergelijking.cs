using KenJeKlant.Abstractions.Campagnes;

namespace KenJeKlant.Grains.Campagnes;

/// <summary>
/// Whether two voortgangen show the same numbers. The records hold lists, which records compare by
/// reference, so the lists are compared item by item (their items are records of plain values).
/// </summary>
public static class VoortgangVergelijking
{
    public static bool Gelijk(Voortgang a, Voortgang? b) =>
        b is not null
        && a.CampagneId == b.CampagneId
        && a.Status == b.Status
        && a.Funnel == b.Funnel
        && a.Indelingen.SequenceEqual(b.Indelingen)
        && a.Tredes.SequenceEqual(b.Tredes)
        && Gelijk(a.Uitkomsten, b.Uitkomsten)
        && a.Afwezigheid.SequenceEqual(b.Afwezigheid)
        && a.PerKlantmanager.SequenceEqual(b.PerKlantmanager)
        && a.PerWeek.SequenceEqual(b.PerWeek)
        && a.NietIngepland.SequenceEqual(b.NietIngepland)
        && a.PerWijk.SequenceEqual(b.PerWijk);

    private static bool Gelijk(Uitkomsten a, Uitkomsten b) =>
        a.Gesprekken == b.Gesprekken
        && a.UitkeringBeeindigd == b.UitkeringBeeindigd
        && a.OntheffingArbeidsplicht == b.OntheffingArbeidsplicht
        && a.BeeindigdPerReden.SequenceEqual(b.BeeindigdPerReden)
        && a.Routes.SequenceEqual(b.Routes);
}
