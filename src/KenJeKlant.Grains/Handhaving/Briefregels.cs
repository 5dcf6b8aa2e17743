using KenJeKlant.Abstractions.Handhaving;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Grains.Beleid;

namespace KenJeKlant.Grains.Handhaving;

/// <summary>
/// When the letters of a handhaving review may go out, as pure checks on its state (Awb 4:8: hear the client on
/// an intended besluit; Awb 6:7: bezwaar within six weeks). A voornemen comes after the beoordeling and before the
/// besluit, and only for a waarschuwing or maatregel; the besluit letter comes after the besluit, and for a
/// waarschuwing or maatregel only after its voornemen and once the zienswijze term has passed.
/// </summary>
public static class Briefregels
{
    /// <summary>Bezwaar is possible for six weeks from the date of the letter (art. 6:7 and 6:8 Awb).</summary>
    public const int BezwaarTermijnWeken = 6;

    /// <summary>A waarschuwing and a maatregel burden the client: they need a voornemen first.</summary>
    public static bool VraagtVoornemen(BesluitSoort soort) => soort is BesluitSoort.Waarschuwing or BesluitSoort.VoorstelMaatregel;

    /// <summary>The last day a zienswijze may come in: the letter's date plus the term, that day included.</summary>
    public static DateOnly ZienswijzeTotEnMet(DateOnly briefdatum, HandhavingBeleid beleid)
    {
        ArgumentNullException.ThrowIfNull(beleid);
        return briefdatum.AddDays(beleid.ZienswijzeTermijnDagen);
    }

    /// <summary>The last day of the bezwaartermijn: six weeks from the date of the letter.</summary>
    public static DateOnly BezwaarTotEnMet(DateOnly briefdatum) => briefdatum.AddDays(7 * BezwaarTermijnWeken);

    public static void ControleerVoornemen(HandhavingssignaalState s, BesluitSoort soort, int? percentage, int? duurMaanden, Stap stap, HandhavingBeleid beleid)
    {
        ArgumentNullException.ThrowIfNull(s);
        Handhavingsregels.VereistInBehandeling(s, stap);
        if (!VraagtVoornemen(soort))
            throw new OvergangGeweigerdException("Een voornemen is alleen nodig bij een waarschuwing of een maatregel.", "soort");
        if (Handhavingsregels.BesluitVormfouten(soort, percentage, duurMaanden) is { Count: > 0 } fouten)
            throw new OvergangGeweigerdException(string.Join(" ", fouten), "percentage");
        if (s.Voornemen is { } al)
            throw new OvergangGeweigerdException($"Het voornemen is al verstuurd op {al.Briefdatum:dd-MM-yyyy} door {al.Stap.Door}.");
        if (s.Beoordeling is not { } beoordeling)
            throw new OvergangGeweigerdException("Beoordeel eerst verwijtbaarheid en dringende redenen; pas daarna kan een voornemen worden verstuurd.");
        if (beoordeling.Verwijtbaarheid == Verwijtbaarheid.NietVerwijtbaar)
            throw new OvergangGeweigerdException("Het niet verschijnen is niet verwijtbaar beoordeeld: dan volgt geen waarschuwing en geen maatregel, en dus geen voornemen.");
        if (soort == BesluitSoort.VoorstelMaatregel)
            Handhavingsregels.ControleerMaatregel(beoordeling, new Besluit(soort, percentage, duurMaanden, stap), beleid);
    }

    public static void ControleerBesluitbrief(HandhavingssignaalState s, DateOnly briefdatum, DateOnly? ingangsdatum, Stap stap)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(stap);
        if (Handhavingsregels.Vormfouten(stap.Door, stap.Toelichting) is { Count: > 0 } fouten)
            throw new OvergangGeweigerdException(string.Join(" ", fouten));
        if (s.Besluit is not { } besluit)
            throw new OvergangGeweigerdException("Neem eerst het besluit; daarna volgt de besluitbrief.");
        if (s.Besluitbrief is { } al)
            throw new OvergangGeweigerdException($"De besluitbrief is al verstuurd op {al.Briefdatum:dd-MM-yyyy} door {al.Stap.Door}.");
        if (ingangsdatum is { } ingang && ingang < briefdatum)
            throw new OvergangGeweigerdException($"De ingangsdatum ligt vóór de datum van de brief ({briefdatum:dd-MM-yyyy}); een besluit werkt niet terug.", "ingangsdatum");
        if (!VraagtVoornemen(besluit.Soort)) return;

        if (s.Voornemen is not { } voornemen)
            throw new OvergangGeweigerdException(
                "Er is nog geen voornemen verstuurd. Bij een waarschuwing of maatregel krijgt de klant eerst een voornemen en de kans op een zienswijze.");
        if (briefdatum <= voornemen.ZienswijzeTotEnMet)
            throw new OvergangGeweigerdException(
                $"De klant mag tot en met {voornemen.ZienswijzeTotEnMet:dd-MM-yyyy} een zienswijze geven; de besluitbrief kan vanaf {voornemen.ZienswijzeTotEnMet.AddDays(1):dd-MM-yyyy}.");
        // The client was heard on what was intended; a heavier besluit was never put to them.
        if (besluit.Soort == BesluitSoort.VoorstelMaatregel
            && (voornemen.Soort != BesluitSoort.VoorstelMaatregel || besluit.Percentage > voornemen.Percentage || besluit.DuurMaanden > voornemen.DuurMaanden))
            throw new OvergangGeweigerdException(
                "Het besluit is zwaarder dan het voornemen waarover de klant is gehoord. Neem een besluit dat niet zwaarder is, of hoor de klant opnieuw.");
    }
}
