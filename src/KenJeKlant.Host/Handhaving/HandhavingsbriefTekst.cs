using System.Globalization;
using KenJeKlant.Abstractions.Handhaving;
using KenJeKlant.Grains.Campagnes;
using KenJeKlant.Grains.Handhaving;

namespace KenJeKlant.Host.Handhaving;

/// <summary>
/// The words of a voornemen or besluit letter in plain Dutch (B1): short sentences, one subject per heading, the
/// dates written out. One text for the HTML and the PDF, so the two can never say different things.
/// </summary>
public sealed record HandhavingsbriefTekst(string Titel, string Kenmerk, string Aanhef, IReadOnlyList<Briefdeel> Delen, string Afsluiting)
{
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    public static string Datum(DateOnly datum) => datum.ToString("d MMMM yyyy", Nl);

    public static HandhavingsbriefTekst Maak(HandhavingsbriefAfdruk afdruk)
    {
        ArgumentNullException.ThrowIfNull(afdruk);
        var b = afdruk.Brief;
        var kenmerk = $"Datum: {Datum(b.Briefdatum)} · Klantnummer: {b.Klantnummer} · Kenmerk: {b.Id}";
        var afsluiting = $"Met vriendelijke groet,\n{b.Behandelaar}\nnamens het college van burgemeester en wethouders, team Handhaving Werk en Inkomen";
        return b.Soort == BerichtSoort.Voornemen
            ? new HandhavingsbriefTekst(VoornemenTitel(b), kenmerk, $"Beste {afdruk.Naam},", Voornemen(b), afsluiting)
            : new HandhavingsbriefTekst(BesluitTitel(b), kenmerk, $"Beste {afdruk.Naam},", Besluit(b), afsluiting);
    }

    private static string VoornemenTitel(Handhavingsbrief b) => b.Besluit == BesluitSoort.VoorstelMaatregel
        ? "Wij zijn van plan uw uitkering tijdelijk te verlagen"
        : "Wij zijn van plan u een waarschuwing te geven";

    private static string BesluitTitel(Handhavingsbrief b) => b.Besluit switch
    {
        BesluitSoort.VoorstelMaatregel => "Besluit: wij verlagen uw uitkering tijdelijk",
        BesluitSoort.Waarschuwing => "Besluit: u krijgt een waarschuwing",
        BesluitSoort.Rechtmatigheidsonderzoek => "Besluit: geen maatregel, wel een onderzoek naar uw uitkering",
        _ => "Besluit: u krijgt geen maatregel",
    };

    private static string Wat(Handhavingsbrief b) => b.Besluit switch
    {
        BesluitSoort.VoorstelMaatregel =>
            $"Wij verlagen uw bijstandsuitkering {Maanden(b.DuurMaanden)} met {b.Percentage}%. Dit heet een maatregel (artikel 18 van de Participatiewet).",
        BesluitSoort.Waarschuwing => "U krijgt een schriftelijke waarschuwing. Uw uitkering wordt niet lager. Gebeurt het opnieuw, dan kan een maatregel volgen.",
        BesluitSoort.Rechtmatigheidsonderzoek =>
            "U krijgt geen maatregel. Wel onderzoeken wij of u nog recht heeft op uw uitkering. Daarover krijgt u apart bericht.",
        _ => "U krijgt geen maatregel. Uw uitkering blijft zoals hij is. De zaak is hiermee gesloten.",
    };

    private static string Maanden(int? maanden) => maanden == 1 ? "1 maand" : $"{maanden} maanden";

    private static List<string> Waarom(Handhavingsbrief b)
    {
        var waarom = new List<string> { $"Aanleiding: {b.Aanleiding}" };
        if (b.Zienswijze is { } zienswijze) waarom.Add($"Wat u ons vertelde: {zienswijze}");
        if (b.Verwijtbaarheid is { } v)
            waarom.Add(v switch
            {
                Verwijtbaarheid.NietVerwijtbaar => "Wij vinden dat u hiervan geen verwijt te maken is.",
                Verwijtbaarheid.VerminderdVerwijtbaar => "Wij vinden dat u hiervan voor een deel een verwijt te maken is.",
                _ => "Wij vinden dat u hiervan een verwijt te maken is.",
            });
        if (b.DringendeRedenen is { } dringend)
            waarom.Add(dringend
                ? "Er zijn dringende redenen om geen maatregel op te leggen."
                : "Wij hebben geen dringende redenen gevonden om van een maatregel af te zien.");
        if (b.Beoordeling is { } beoordeling) waarom.Add($"Onze beoordeling: {beoordeling}");
        waarom.Add($"Toelichting: {b.Toelichting}");
        return waarom;
    }

    private static IReadOnlyList<Briefdeel> Voornemen(Handhavingsbrief b) =>
    [
        new(null, ["U krijgt deze brief omdat wij iets van plan zijn. Wij hebben nog niets besloten. Eerst mag u zeggen wat u ervan vindt."]),
        new("Wat zijn wij van plan?", [b.Besluit == BesluitSoort.VoorstelMaatregel
            ? $"Wij zijn van plan uw bijstandsuitkering {Maanden(b.DuurMaanden)} met {b.Percentage}% te verlagen. Dit heet een maatregel (artikel 18 van de Participatiewet)."
            : "Wij zijn van plan u een schriftelijke waarschuwing te geven. Uw uitkering wordt dan niet lager."]),
        new("Waarom?", Waarom(b)),
        new("U mag reageren", [
            "Bent u het hier niet mee eens? Of wilt u iets vertellen dat wij moeten weten? Dan mag u reageren. Dat heet een zienswijze.",
            $"Reageer uiterlijk op {Datum(b.ZienswijzeTotEnMet!.Value)}.",
            $"Hoe? {b.ZienswijzeHoe}",
            "Reageert u niet op tijd? Dan besluiten wij met wat wij nu weten. Daarover krijgt u een brief.",
            "Dit is nog geen besluit. Tegen deze brief kunt u nog geen bezwaar maken."]),
    ];

    private static List<Briefdeel> Besluit(Handhavingsbrief b)
    {
        var delen = new List<Briefdeel> { new("Wat hebben wij besloten?", [Wat(b)]) };
        var vanaf = $"Dit besluit geldt vanaf {Datum(b.Ingangsdatum!.Value)}.";
        if (b.Besluit == BesluitSoort.VoorstelMaatregel)
            vanaf = $"De verlaging begint op {Datum(b.Ingangsdatum!.Value)} en duurt {Maanden(b.DuurMaanden)}.";
        delen.Add(new("Vanaf wanneer?", [vanaf]));
        var waarom = Waarom(b);
        if (b.ZienswijzeTotEnMet is { } tot)
            waarom.Insert(0, $"Wij hebben u eerst geschreven wat wij van plan waren. U kon tot en met {Datum(tot)} reageren. Wat u ons liet weten, hebben wij meegewogen.");
        delen.Add(new("Waarom?", waarom));
        delen.Add(new("Bent u het niet eens met dit besluit?", [
            "Dan kunt u bezwaar maken. Doe dat binnen zes weken na de datum van deze brief.",
            $"Uw bezwaar moet uiterlijk op {Datum(b.BezwaarTotEnMet!.Value)} bij ons zijn.",
            $"Stuur uw bezwaar naar: {b.Bezwaaradres}",
            "Zet in uw brief: uw naam en adres, de datum, het kenmerk van deze brief, waarom u het niet eens bent, en uw handtekening.",
            "Hebt u vragen? Bel ons dan. Wij helpen u graag."]));
        return delen;
    }
}

/// <summary>One part of a letter: an optional heading and its paragraphs.</summary>
public sealed record Briefdeel(string? Kop, IReadOnlyList<string> Alineas);
