using KenJeKlant.Abstractions.Handhaving;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Grains.Beleid;

namespace KenJeKlant.Grains.Handhaving;

/// <summary>
/// The order of a handhaving review as pure checks on its state: taken in behandeling → bezorging
/// checked → contact attempted → client heard → verwijtbaarheid and dringende redenen judged → besluit.
/// A maatregel needs all of it (art. 18 Participatiewet; Awb: hear the client first; AVG art. 22: a
/// person decides). Each refusal says in plain Dutch why, because the behandelaar reads it on screen.
/// </summary>
public static class Handhavingsregels
{
    /// <summary>Who and why are part of every step.</summary>
    public static IReadOnlyList<string> Vormfouten(string? door, string? toelichting)
    {
        var fouten = new List<string>();
        if (string.IsNullOrWhiteSpace(door)) fouten.Add("Vermeld wie deze stap zet.");
        if (string.IsNullOrWhiteSpace(toelichting)) fouten.Add("Licht toe waarom: elke stap in een handhavingszaak heeft een reden.");
        return fouten;
    }

    /// <summary>What a zienswijze must hold, whatever the state.</summary>
    public static IReadOnlyList<string> ZienswijzeVormfouten(ZienswijzeSoort soort, string? samenvatting) =>
        soort != ZienswijzeSoort.GeenReactie && string.IsNullOrWhiteSpace(samenvatting)
            ? ["Vat samen wat de klant naar voren bracht."]
            : [];

    /// <summary>What a besluit must hold, whatever the state: a percentage and duration only with a voorstel maatregel.</summary>
    public static IReadOnlyList<string> BesluitVormfouten(BesluitSoort soort, int? percentage, int? duurMaanden)
    {
        var fouten = new List<string>();
        if (soort == BesluitSoort.VoorstelMaatregel)
        {
            if (percentage is null) fouten.Add("Een voorstel maatregel vermeldt het percentage van de verlaging.");
            if (duurMaanden is null) fouten.Add("Een voorstel maatregel vermeldt de duur in maanden.");
        }
        else if (percentage is not null || duurMaanden is not null)
        {
            fouten.Add("Een percentage en duur horen alleen bij een voorstel maatregel.");
        }
        return fouten;
    }

    public static void ControleerInBehandeling(HandhavingssignaalState s, Stap stap)
    {
        ArgumentNullException.ThrowIfNull(s);
        VereistStap(stap);
        VereistNietBesloten(s);
        if (s.InBehandeling is { } al)
            throw new OvergangGeweigerdException($"Dit signaal is al in behandeling bij {al.Door} sinds {al.Tijdstip:dd-MM-yyyy}.");
    }

    /// <summary>Only the one who has it can give it back, and only before the besluit: a decided matter stays decided.</summary>
    public static void ControleerTeruggave(HandhavingssignaalState s, Stap stap)
    {
        VereistInBehandeling(s, stap);
        if (!string.Equals(s.InBehandeling!.Door, stap.Door, StringComparison.Ordinal))
            throw new OvergangGeweigerdException($"Alleen {s.InBehandeling.Door}, die het signaal in behandeling heeft, kan het teruggeven.");
    }

    public static void ControleerBezorging(HandhavingssignaalState s, Bezorgingscontrole bezorging)
    {
        ArgumentNullException.ThrowIfNull(bezorging);
        VereistInBehandeling(s, bezorging.Stap);
        if (s.Bezorging is { } al)
            throw new OvergangGeweigerdException(
                $"De bezorging is al gecontroleerd op {al.Stap.Tijdstip:dd-MM-yyyy} door {al.Stap.Door}: {(al.Bezorgd ? "bezorgd" : "niet bezorgd")}.");
    }

    public static void ControleerContactpoging(HandhavingssignaalState s, Contactpoging poging)
    {
        ArgumentNullException.ThrowIfNull(poging);
        VereistInBehandeling(s, poging.Stap);
        VereistBezorging(s, "voordat je de klant benadert");
        if (s.Zienswijze is not null)
            throw new OvergangGeweigerdException("De zienswijze is al vastgelegd; het horen van de klant is afgerond.");
    }

    public static void ControleerZienswijze(HandhavingssignaalState s, Zienswijze zienswijze, HandhavingBeleid beleid)
    {
        ArgumentNullException.ThrowIfNull(zienswijze);
        VereistInBehandeling(s, zienswijze.Stap);
        Weiger(ZienswijzeVormfouten(zienswijze.Soort, zienswijze.Samenvatting));
        VereistBezorging(s, "voordat je de klant hoort");
        if (s.Contactpogingen.Count == 0)
            throw new OvergangGeweigerdException("Leg eerst een contactpoging vast: de klant moet de kans krijgen zijn kant te vertellen.");
        if (s.Zienswijze is { } al)
            throw new OvergangGeweigerdException($"De zienswijze is al vastgelegd op {al.Stap.Tijdstip:dd-MM-yyyy} door {al.Stap.Door}.");
        if (zienswijze.Soort == ZienswijzeSoort.GeenReactie && ZienswijzeTermijnTot(s, beleid) is { } tot && zienswijze.Stap.Tijdstip < tot)
            throw new OvergangGeweigerdException(
                $"De klant heeft tot {tot:dd-MM-yyyy} de tijd om te reageren; 'geen reactie' kan pas na die termijn worden vastgelegd.");
    }

    public static void ControleerBeoordeling(HandhavingssignaalState s, Beoordeling beoordeling)
    {
        ArgumentNullException.ThrowIfNull(beoordeling);
        VereistInBehandeling(s, beoordeling.Stap);
        VereistBezorging(s, "voordat je beoordeelt");
        if (s.Bezorging is { Bezorgd: false })
            throw new OvergangGeweigerdException(
                "De uitnodiging is niet bezorgd: het niet verschijnen telt niet en er is niets te beoordelen. Neem een besluit 'geen maatregel'.");
        if (s.Zienswijze is null)
            throw new OvergangGeweigerdException("Hoor de klant eerst (zienswijze) voordat je verwijtbaarheid en dringende redenen beoordeelt.");
        if (s.Beoordeling is { } al)
            throw new OvergangGeweigerdException($"De beoordeling is al vastgelegd op {al.Stap.Tijdstip:dd-MM-yyyy} door {al.Stap.Door}.");
    }

    public static void ControleerBesluit(HandhavingssignaalState s, Besluit besluit, HandhavingBeleid beleid)
    {
        ArgumentNullException.ThrowIfNull(besluit);
        ArgumentNullException.ThrowIfNull(beleid);
        VereistInBehandeling(s, besluit.Stap);
        Weiger(BesluitVormfouten(besluit.Soort, besluit.Percentage, besluit.DuurMaanden));
        if (s.Bezorging is null)
            throw new OvergangGeweigerdException("Een besluit kan pas als is gecontroleerd of de uitnodiging is bezorgd.");

        if (!s.Bezorging.Bezorgd)
        {
            // The no-show does not count: nothing to hold against the client. A wrong address may still
            // be a question about the right to benefit — that goes to its own investigation.
            if (besluit.Soort is BesluitSoort.Waarschuwing or BesluitSoort.VoorstelMaatregel)
                throw new OvergangGeweigerdException(
                    "De uitnodiging is niet bezorgd: het niet verschijnen telt niet. Alleen 'geen maatregel' kan (en bij twijfel over het adres een rechtmatigheidsonderzoek).");
            return;
        }

        // A rechtmatigheidsonderzoek is no sanction and no judgement of this no-show: it hands a doubt
        // about the right to benefit (art. 17/54) to its own investigation, which hears the client itself.
        if (besluit.Soort == BesluitSoort.Rechtmatigheidsonderzoek) return;

        if (s.Contactpogingen.Count == 0)
            throw new OvergangGeweigerdException("Er is nog geen contact met de klant gezocht; leg eerst een contactpoging vast.");
        if (s.Zienswijze is null)
            throw new OvergangGeweigerdException(
                "De klant is nog niet gehoord: leg eerst de zienswijze vast (of dat de klant binnen de termijn niet reageerde).");
        if (s.Beoordeling is not { } beoordeling)
            throw new OvergangGeweigerdException("Beoordeel eerst verwijtbaarheid en dringende redenen; daarna volgt het besluit.");

        switch (besluit.Soort)
        {
            case BesluitSoort.Waarschuwing when beoordeling.Verwijtbaarheid == Verwijtbaarheid.NietVerwijtbaar:
                throw new OvergangGeweigerdException("Het niet verschijnen is niet verwijtbaar beoordeeld: dan volgt geen waarschuwing en geen maatregel.");
            case BesluitSoort.VoorstelMaatregel:
                ControleerMaatregel(beoordeling, besluit, beleid);
                break;
        }
    }

    /// <summary>Until when the client may still give a zienswijze: the term runs from the first contact attempt.</summary>
    public static DateTimeOffset? ZienswijzeTermijnTot(HandhavingssignaalState s, HandhavingBeleid beleid)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(beleid);
        return s.Contactpogingen.Count == 0 ? null : s.Contactpogingen.Min(c => c.Stap.Tijdstip).AddDays(beleid.ZienswijzeTermijnDagen);
    }

    /// <summary>What the law still asks before a decision, for the behandelaar's screen.</summary>
    public static IReadOnlyList<string> NogTeDoen(HandhavingssignaalState s, HandhavingBeleid beleid)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s switch
        {
            { Besluit: not null } => [],
            { InBehandeling: null } => ["Neem het signaal in behandeling."],
            { Bezorging: null } => ["Controleer of de uitnodiging is bezorgd (adres, retourpost)."],
            { Bezorging.Bezorgd: false } => ["Neem een besluit: de uitnodiging is niet bezorgd, dus geen maatregel (of een rechtmatigheidsonderzoek)."],
            { Contactpogingen.Count: 0 } => ["Neem contact op met de klant en vraag naar zijn kant van het verhaal."],
            { Zienswijze: null } => [$"Hoor de klant (zienswijze); zonder reactie kan 'geen reactie' na {ZienswijzeTermijnTot(s, beleid):dd-MM-yyyy}."],
            { Beoordeling: null } => ["Beoordeel verwijtbaarheid en dringende redenen."],
            _ => ["Neem een besluit."],
        };
    }

    internal static void ControleerMaatregel(Beoordeling beoordeling, Besluit besluit, HandhavingBeleid beleid)
    {
        if (beoordeling.Verwijtbaarheid == Verwijtbaarheid.NietVerwijtbaar)
            throw new OvergangGeweigerdException("Het niet verschijnen is niet verwijtbaar beoordeeld: een maatregel kan niet.");
        if (beoordeling.DringendeRedenen)
            throw new OvergangGeweigerdException("Er zijn dringende redenen beoordeeld: dan wordt van een maatregel afgezien (art. 18 Participatiewet).");
        if (!beleid.MaatregelPercentages.Contains(besluit.Percentage!.Value))
            throw new OvergangGeweigerdException(
                $"Een verlaging van {besluit.Percentage}% staat niet in de afstemmingsverordening; toegestaan: {string.Join(", ", beleid.MaatregelPercentages.Order())}%.");
        if (!beleid.MaatregelDuurMaanden.Contains(besluit.DuurMaanden!.Value))
            throw new OvergangGeweigerdException(
                $"Een duur van {besluit.DuurMaanden} maanden staat niet in de afstemmingsverordening; toegestaan: {string.Join(", ", beleid.MaatregelDuurMaanden.Order())} maanden.");
    }

    internal static void VereistInBehandeling(HandhavingssignaalState s, Stap stap)
    {
        ArgumentNullException.ThrowIfNull(s);
        VereistStap(stap);
        VereistNietBesloten(s);
        if (s.InBehandeling is null)
            throw new OvergangGeweigerdException("Neem het signaal eerst in behandeling.");
    }

    private static void VereistNietBesloten(HandhavingssignaalState s)
    {
        if (s.Besluit is { } besluit)
            throw new OvergangGeweigerdException(
                $"Over dit signaal is al besloten op {besluit.Stap.Tijdstip:dd-MM-yyyy} door {besluit.Stap.Door}; er kan niets meer bij.");
    }

    private static void VereistBezorging(HandhavingssignaalState s, string waarvoor)
    {
        if (s.Bezorging is null)
            throw new OvergangGeweigerdException($"Controleer eerst of de uitnodiging is bezorgd (adres, retourpost), {waarvoor}.");
    }

    private static void VereistStap(Stap stap)
    {
        ArgumentNullException.ThrowIfNull(stap);
        Weiger(Vormfouten(stap.Door, stap.Toelichting));
    }

    private static void Weiger(IReadOnlyList<string> fouten)
    {
        if (fouten.Count > 0) throw new OvergangGeweigerdException(string.Join(" ", fouten));
    }
}
