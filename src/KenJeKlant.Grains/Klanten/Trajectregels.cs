using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Grains.Beleid;

namespace KenJeKlant.Grains.Klanten;

/// <summary>
/// The domain rules for changing a client's trajectory, as pure checks on the current state.
/// Each refusal says in plain Dutch why, because a klantmanager reads it on screen.
/// </summary>
internal static class Trajectregels
{
    public static void VereistActieveKlant(KlantState state, string klantnummer)
    {
        if (state.Profiel is null)
            throw new OvergangGeweigerdException($"Klant {klantnummer} staat niet in het bestand.");
        if (state.Uitstroom is { } uitstroom)
            throw new OvergangGeweigerdException(
                $"De uitkering van klant {klantnummer} is beëindigd op {uitstroom.Datum:dd-MM-yyyy} ({uitstroom.Reden}); er kan geen traject meer worden vastgelegd.");
        if (!state.InBestand)
            throw new OvergangGeweigerdException(
                $"Klant {klantnummer} staat niet meer in het bestand; er kan geen traject meer worden vastgelegd.");
    }

    public static void VereistDoorEnDatum(string door, DateOnly datum, DateOnly vandaag)
    {
        if (string.IsNullOrWhiteSpace(door))
            throw new OvergangGeweigerdException("Vermeld wie dit vastlegt.");
        if (datum > vandaag)
            throw new OvergangGeweigerdException($"De datum {datum:dd-MM-yyyy} ligt in de toekomst.");
    }

    public static void ControleerTrede(KlantState state, TredeMeting meting)
    {
        if (meting.Trede is < 1 or > 6)
            throw new OvergangGeweigerdException($"Trede {meting.Trede} bestaat niet: de participatieladder loopt van 1 tot en met 6.");
        if (state.Tredes.Any(t => t.Datum == meting.Datum))
            throw new OvergangGeweigerdException($"Op {meting.Datum:dd-MM-yyyy} is al een trede gemeten.");
    }

    /// <returns>The route name as the gemeente configured it.</returns>
    public static string ControleerRoute(KlantState state, RouteToewijzing route, TrajectBeleid beleid)
    {
        if (state.Indeling is null)
            throw new OvergangGeweigerdException("Een route volgt op een indeling: leg eerst de indeling uit het participatiegesprek vast.");
        return TrajectBeleid.Zoek(beleid.Routes, route.Route)
            ?? throw new OvergangGeweigerdException(
                $"Route '{route.Route}' staat niet in de routelijst van de gemeente. Een ontheffing arbeidsplicht leg je vast als ontheffing, met einddatum.");
    }

    public static void ControleerOntheffing(Ontheffing ontheffing, TrajectBeleid beleid)
    {
        if (string.IsNullOrWhiteSpace(ontheffing.Grond))
            throw new OvergangGeweigerdException("Vermeld de grond van de ontheffing (bijvoorbeeld art. 9 lid 2 of art. 9a).");
        if (ontheffing.Tot <= ontheffing.Van)
            throw new OvergangGeweigerdException("Een ontheffing is altijd tijdelijk: de einddatum moet na de begindatum liggen.");
        if (ontheffing.Tot > ontheffing.Van.AddMonths(beleid.OntheffingMaximaalMaanden))
            throw new OvergangGeweigerdException(
                $"Een ontheffing duurt volgens het beleid ten hoogste {beleid.OntheffingMaximaalMaanden} maanden; daarna volgt een herbeoordeling.");
    }

    /// <returns>The reason as the gemeente configured it.</returns>
    public static string ControleerUitstroom(KlantState state, Uitstroom uitstroom, TrajectBeleid beleid)
    {
        if (uitstroom.Datum < state.Profiel!.StartdatumUitkering)
            throw new OvergangGeweigerdException("De datum van uitstroom ligt vóór de start van de uitkering.");
        return TrajectBeleid.Zoek(beleid.UitstroomRedenen, uitstroom.Reden)
            ?? throw new OvergangGeweigerdException($"Reden '{uitstroom.Reden}' staat niet in de lijst met uitstroomredenen van de gemeente.");
    }
}
