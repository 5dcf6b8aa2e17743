using KenJeKlant.Grains.Beleid;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Host.Doelen;
using KenJeKlant.Host.Gemeenten;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Host.Rapportages;

/// <summary>The gemeenten a report covers and how it names them ("Velsen", or "Velsen, Beverwijk en Heemskerk").</summary>
/// <c>Gekozen</c>: the one gemeente asked for by name; null for all gemeenten the user may see together.
public sealed record Gebied(IReadOnlyList<string> Gemeenten, string Naam, string? Gekozen = null);

/// <summary>
/// Makes each report from its counts: which peildatum or period, which tables, in which order, with which totals.
/// Every table goes through <see cref="Kruistabel"/>, so no report shows a cell of 1 to 4 or one that a total gives back.
/// </summary>
public sealed class Rapportbouwer(
    PostgresRapportages data, PostgresDoelen doelen, Gemeentelijst gemeenten, IOptionsMonitor<HerbeoordelingBeleid> herbeoordeling, IOptions<RapportagesInstellingen> instellingen)
{
    private static readonly string[] Dimensies = ["indeling", "trede", "route", "ontheffing"];
    private static readonly string[] Statussen = ["gepland", "aan de beurt", "te laat", "niet gepland"];

    public async Task<Rapport> MaakAsync(string soort, DateOnly van, DateOnly tot, Gebied gebied, CancellationToken ct)
    {
        // Rows from before gemeenten were recorded belong to the dienst's first gemeente (as in the peildata).
        var standaard = gemeenten.Alle[0].Code;
        var (peildatum, tabellen, toelichting) = soort switch
        {
            "bestand" => await BestandAsync(tot, gebied, ct),
            "stromen" => await StromenAsync(van, tot, gebied, ct),
            "gesprekken" => await GesprekkenAsync(van, tot, gebied, ct),
            "ladder" => await LadderAsync(van, tot, gebied, standaard, ct),
            "herbeoordeling" => await HerbeoordelingAsync(van, tot, gebied, ct),
            "handhaving" => await HandhavingAsync(van, tot, gebied, standaard, ct),
            "uitkomsten" => await UitkomstenAsync(van, tot, gebied, ct),
            "doelenboom" => await DoelenboomAsync(van, tot, gebied, ct),
            _ => throw new NietGevondenException($"Er is geen rapportage '{soort}'."),
        };
        return new Rapport(soort, Rapportsoorten.Alle[soort], gebied.Naam, gebied.Gemeenten, van, tot, peildatum, tabellen, toelichting);
    }

    private async Task<DateOnly> PeildatumAsync(DateOnly datum, string veld, CancellationToken ct) =>
        await data.PeildatumOpOfVoorAsync(datum, ct) ?? throw new OngeldigeInvoerException("Geen peildatum",
            new Dictionary<string, string[]> { [veld] = [$"Er is nog geen peildatum vastgelegd op of voor {datum:dd-MM-yyyy}."] });

    private async Task<(DateOnly?, IReadOnlyList<Tabel>, string)> BestandAsync(DateOnly tot, Gebied gebied, CancellationToken ct)
    {
        var peildatum = await PeildatumAsync(tot, "tot", ct);
        var aantallen = await data.OpPeildatumAsync(peildatum, Dimensies, ct);
        var titels = new Dictionary<string, (string Titel, string Kop)>
        {
            ["indeling"] = ("Naar indeling", "Indeling"), ["trede"] = ("Naar trede op de participatieladder", "Trede"),
            ["route"] = ("Naar route", "Route"), ["ontheffing"] = ("Ontheffing van de arbeidsplicht", "Ontheffing"),
        };
        var tabellen = Dimensies.Select(d =>
        {
            var tabel = new Kruistabel(titels[d].Titel, titels[d].Kop, d == "trede" ? [.. Enumerable.Range(1, 6).Select(t => $"trede {t}"), "geen trede"] : null, ["Aantal"])
            { KolomTotaal = true, Aandeel = true };
            foreach (var a in aantallen.Where(a => a.Soort == d)) tabel.Tel(a.Gemeente, a.Sleutel, "Aantal", a.Waarde);
            return tabel.Maak(gebied.Gemeenten);
        }).ToList();
        return (peildatum, tabellen, string.Create(Rapportcultuur.Nl, $"De stand van het bestand van {gebied.Naam} op {peildatum:d MMMM yyyy}: alle klanten met een uitkering, naar indeling, trede, route en ontheffing."));
    }

    private async Task<(DateOnly?, IReadOnlyList<Tabel>, string)> StromenAsync(DateOnly van, DateOnly tot, Gebied gebied, CancellationToken ct)
    {
        var aantallen = await data.PerMaandAsync(van, tot, ["instroom", "uitstroom"], ct);
        var maanden = Maanden(van, tot);
        var tabellen = new[] { ("instroom", "Instroom per maand, naar reden"), ("uitstroom", "Uitstroom per maand, naar reden") }.Select(s =>
        {
            var tabel = new Kruistabel(s.Item2, "Maand", maanden.Select(Maandnaam).ToList()) { RijTotaal = true, KolomTotaal = true };
            foreach (var a in aantallen.Where(a => a.Soort == s.Item1)) tabel.Tel(a.Gemeente, Maandnaam(a.Maand!.Value), a.Sleutel, a.Waarde);
            return tabel.Maak(gebied.Gemeenten);
        }).ToList();
        return (null, tabellen, $"Klanten die in {gebied.Naam} in de periode in het bestand kwamen of het verlieten, per maand. Wie zonder reden uit de export verdween, telt als 'reden onbekend'.");
    }

    private async Task<(DateOnly?, IReadOnlyList<Tabel>, string)> GesprekkenAsync(DateOnly van, DateOnly tot, Gebied gebied, CancellationToken ct)
    {
        var peildatum = await PeildatumAsync(tot, "tot", ct);
        var stand = new Kruistabel($"Gesproken in de 12 maanden voor {peildatum:dd-MM-yyyy}", "Gesproken", ["ja", "nee"], ["Aantal"]) { KolomTotaal = true, Aandeel = true };
        foreach (var a in await data.OpPeildatumAsync(peildatum, ["gesproken"], ct)) stand.Tel(a.Gemeente, a.Sleutel, "Aantal", a.Waarde);
        var maanden = Maanden(van, tot).Select(Maandnaam).ToList();
        var trend = new Kruistabel("Gesproken in de laatste 12 maanden, aan het eind van elke maand", "Maand", maanden, ["ja", "nee"])
        { RijTotaal = true, PercentageVan = "ja", Grafiek = "lijn" };
        foreach (var a in await data.PerMaandeindeAsync(van, tot, ["gesproken"], ct)) trend.Tel(a.Gemeente, Maandnaam(a.Maand!.Value), a.Sleutel, a.Waarde);
        var gehouden = new Kruistabel("Gehouden gesprekken per maand, naar soort", "Maand", maanden) { RijTotaal = true, KolomTotaal = true };
        foreach (var a in await data.PerMaandAsync(van, tot, ["gesprek"], ct)) gehouden.Tel(a.Gemeente, Maandnaam(a.Maand!.Value), a.Sleutel, a.Waarde);
        return (peildatum, [stand.Maak(gebied.Gemeenten), trend.Maak(gebied.Gemeenten), gehouden.Maak(gebied.Gemeenten)],
            $"Hoeveel klanten van {gebied.Naam} in de 12 maanden voor de peildatum een gesprek hadden, hoe dat zich per maand ontwikkelde, en hoeveel gesprekken er in de periode zijn gehouden.");
    }

    private async Task<(DateOnly?, IReadOnlyList<Tabel>, string)> LadderAsync(DateOnly van, DateOnly tot, Gebied gebied, string standaard, CancellationToken ct)
    {
        var eerste = await PeildatumAsync(van, "van", ct);
        var tweede = await PeildatumAsync(tot, "tot", ct);
        var tabel = new Kruistabel($"Trede op {tweede:dd-MM-yyyy} vergeleken met {eerste:dd-MM-yyyy}", "Beweging", ["omhoog", "gelijk", "omlaag"], ["Klanten"]) { KolomTotaal = true, Aandeel = true };
        foreach (var a in await data.LadderAsync(eerste, tweede, standaard, ct)) tabel.Tel(a.Gemeente, a.Sleutel, "Klanten", a.Waarde);
        return (tweede, [tabel.Maak(gebied.Gemeenten)],
            $"Klanten van {gebied.Naam} die op beide peildata in het bestand waren en een trede hadden: hoeveel een hogere, dezelfde of een lagere trede op de participatieladder hebben.");
    }

    private async Task<(DateOnly?, IReadOnlyList<Tabel>, string)> HerbeoordelingAsync(DateOnly van, DateOnly tot, Gebied gebied, CancellationToken ct)
    {
        var peildatum = await PeildatumAsync(tot, "tot", ct);
        var stand = new Kruistabel($"Stand op {peildatum:dd-MM-yyyy}", "Herbeoordeling", Statussen, ["Klanten"]) { KolomTotaal = true, Aandeel = true };
        foreach (var a in await data.OpPeildatumAsync(peildatum, ["herbeoordeling"], ct)) stand.Tel(a.Gemeente, a.Sleutel, "Klanten", a.Waarde);
        var trend = new Kruistabel("Stand aan het eind van elke maand", "Maand", Maanden(van, tot).Select(Maandnaam).ToList(), Statussen) { RijTotaal = true, PercentageVan = "te laat", Grafiek = "lijn" };
        foreach (var a in await data.PerMaandeindeAsync(van, tot, ["herbeoordeling"], ct)) trend.Tel(a.Gemeente, Maandnaam(a.Maand!.Value), a.Sleutel, a.Waarde);
        var gehouden = new Kruistabel("Gehouden herbeoordelingen in de periode", "Gehouden", ["op tijd", "te laat", "niet gepland"], ["Aantal"]) { KolomTotaal = true, Aandeel = true };
        foreach (var a in await data.PerMaandAsync(van, tot, ["herbeoordeling-gehouden"], ct)) gehouden.Tel(a.Gemeente, a.Sleutel, "Aantal", a.Waarde);
        return (peildatum, [stand.Maak(gebied.Gemeenten), trend.Maak(gebied.Gemeenten), gehouden.Maak(gebied.Gemeenten)],
            $"Of de herbeoordelingen van {gebied.Naam} op tijd gebeuren: te laat is {herbeoordeling.CurrentValue.TeLaatNaDagen} dagen na de geplande datum.");
    }

    private async Task<(DateOnly?, IReadOnlyList<Tabel>, string)> HandhavingAsync(DateOnly van, DateOnly tot, Gebied gebied, string standaard, CancellationToken ct)
    {
        var aantallen = await data.HandhavingAsync(van, tot, standaard, ct);
        var signalen = new Kruistabel("Signalen per maand", "Maand", Maanden(van, tot).Select(Maandnaam).ToList(), ["no-show", "rechtmatigheid"]) { RijTotaal = true, KolomTotaal = true };
        foreach (var a in aantallen.Where(a => a.Soort == "signaal")) signalen.Tel(a.Gemeente, Maandnaam(a.Maand!.Value), a.Sleutel, a.Waarde);
        var besluiten = new Kruistabel("Besluiten op signalen uit de periode", "Besluit", null, ["Aantal"]) { KolomTotaal = true, Aandeel = true };
        foreach (var a in aantallen.Where(a => a.Soort == "besluit")) besluiten.Tel(a.Gemeente, a.Sleutel, "Aantal", a.Waarde);
        var conclusies = new Kruistabel("Conclusies van rechtmatigheidsonderzoeken (voorstellen)", "Conclusie", null, ["Aantal"]) { KolomTotaal = true, Aandeel = true };
        foreach (var a in aantallen.Where(a => a.Soort == "conclusie")) conclusies.Tel(a.Gemeente, a.Sleutel, "Aantal", a.Waarde);
        return (null, [signalen.Maak(gebied.Gemeenten), besluiten.Maak(gebied.Gemeenten), conclusies.Maak(gebied.Gemeenten)],
            $"Aantallen, geen personen: de signalen van {gebied.Naam} in de periode en wat mensen van handhaving besloten. Een signaal is nooit een sanctie; elk besluit is door een mens genomen.");
    }

    private async Task<(DateOnly?, IReadOnlyList<Tabel>, string)> UitkomstenAsync(DateOnly van, DateOnly tot, Gebied gebied, CancellationToken ct)
    {
        // Routes as columns with a total: the total of an uitstroom reason is the one the stromen report shows, so a
        // hidden route cell that the total would give back takes a second cell with it.
        var tabel = new Kruistabel("Uitkomsten per route", "Resultaat", ["gesprekken gevoerd", "ontheffing arbeidsplicht"]) { RijTotaal = true, Grafiek = "geen" };
        foreach (var a in await data.PerMaandAsync(van, tot, ["route-gesprek", "route-ontheffing", "route-uitstroom"], ct))
        {
            if (a.Soort == "route-uitstroom")
            {
                // Route and reason in one key: "route<TAB>reden".
                var delen = a.Sleutel.Split('\t', 2);
                tabel.Tel(a.Gemeente, "uitstroom: " + delen[^1], delen[0], a.Waarde);
            }
            else tabel.Tel(a.Gemeente, a.Soort == "route-gesprek" ? "gesprekken gevoerd" : "ontheffing arbeidsplicht", a.Sleutel, a.Waarde);
        }
        return (null, [tabel.Maak(gebied.Gemeenten)], $"Per route, zoals in de tabellen van de pilots: de gevoerde gesprekken die tot die route leidden, gegeven ontheffingen, en waarom klanten uit die route het bestand verlieten ({gebied.Naam}).");
    }

    private async Task<(DateOnly?, IReadOnlyList<Tabel>, string)> DoelenboomAsync(DateOnly van, DateOnly tot, Gebied gebied, CancellationToken ct)
    {
        var jaren = Enumerable.Range(van.Year, tot.Year - van.Year + 1).ToList();
        // A gemeente asked for by name has its own targets; all together have the dienst's.
        var doelGemeente = gebied.Gekozen ?? "";
        var gezet = (await doelen.AlleAsync(van.Year, tot.Year, [doelGemeente], ct))
            .GroupBy(d => (d.Indicator, d.Jaar)).ToDictionary(g => g.Key, g => g.First());
        var werk = instellingen.Value.WerkRedenen;
        var rijen = new List<Rij>();
        foreach (var jaar in jaren)
        {
            var begin = new DateOnly(jaar, 1, 1) < van ? van : new DateOnly(jaar, 1, 1);
            var eind = new DateOnly(jaar, 12, 31) > tot ? tot : new DateOnly(jaar, 12, 31);
            var stromen = await data.PerMaandAsync(begin, eind, ["instroom", "uitstroom", "herbeoordeling-gehouden"], ct);
            var peildatum = await data.PeildatumOpOfVoorAsync(eind, ct);
            var gesproken = peildatum is { } p && p >= begin ? await data.OpPeildatumAsync(p, ["gesproken"], ct) : [];
            var gehouden = stromen.Where(a => a.Soort == "herbeoordeling-gehouden").ToList();
            foreach (var indicator in Indicatoren.Alle)
            {
                var werkelijk = indicator.Code switch
                {
                    "gesproken-12-maanden" => Aandeel(gesproken, "ja", ["ja", "nee"], gebied),
                    "uitstroom-werk" => Telling(stromen.Where(a => a.Soort == "uitstroom" && werk.Contains(a.Sleutel)), gebied),
                    "uitstroom" => Telling(stromen.Where(a => a.Soort == "uitstroom"), gebied),
                    "instroom" => Telling(stromen.Where(a => a.Soort == "instroom"), gebied),
                    _ => Aandeel(gehouden, "op tijd", ["op tijd", "te laat"], gebied),
                };
                var doel = gezet.GetValueOrDefault((indicator.Code, jaar));
                var doelCel = doel is null ? Cel.Leeg : indicator.Eenheid == Indicatoren.Procent ? Cel.Percentage(doel.Waarde) : new Cel(doel.Waarde, doel.Waarde.ToString("N0", Rapportcultuur.Nl));
                var verschil = doel is not null && werkelijk.Waarde is { } w
                    ? new Cel(w - doel.Waarde, (w - doel.Waarde).ToString(indicator.Eenheid == Indicatoren.Procent ? "+0.0;-0.0;0" : "+#,0;-#,0;0", Rapportcultuur.Nl) + (indicator.Eenheid == Indicatoren.Procent ? " procentpunt" : ""))
                    : Cel.Leeg;
                rijen.Add(new Rij($"{indicator.Naam} ({jaar})", [doelCel, werkelijk, verschil]));
            }
        }
        var tabel = new Tabel("Doelen en resultaten per jaar", "Indicator", ["Doel", "Werkelijk", "Verschil"], rijen) { Grafiek = "geen" };
        return (null, [tabel], $"De doelen die de programmaleiding voor {gebied.Naam} stelde, naast wat is bereikt; een jaar dat nog loopt telt tot de einddatum van de periode.");
    }

    // A sum over gemeenten, hidden when it or any gemeente's part is 1 to 4 (the rule of Celbeveiliging, for one cell).
    private static Cel Telling(IEnumerable<Aantal> aantallen, Gebied gebied)
    {
        var perGemeente = gebied.Gemeenten.Select(g => aantallen.Where(a => a.Gemeente == g).Sum(a => a.Waarde)).ToList();
        var som = perGemeente.Sum();
        return perGemeente.Any(n => n is > 0 and < Celbeveiliging.Drempel) || som is > 0 and < Celbeveiliging.Drempel ? Cel.Verborgen : Cel.Aantal(som);
    }

    private static Cel Aandeel(IReadOnlyList<Aantal> aantallen, string teller, string[] noemer, Gebied gebied)
    {
        // Every part of the denominator must be showable: a share next to a known total gives the other part back.
        var delen = noemer.Select(d => Telling(aantallen.Where(a => a.Sleutel == d), gebied)).ToList();
        if (delen.Any(d => d.Waarde is null)) return Cel.Leeg;
        var t = delen[Array.IndexOf(noemer, teller)].Waarde!.Value;
        var n = delen.Sum(d => d.Waarde!.Value);
        return n > 0 ? Cel.Percentage(100m * t / n) : Cel.Leeg;
    }

    private static List<DateOnly> Maanden(DateOnly van, DateOnly tot)
    {
        var maanden = new List<DateOnly>();
        for (var m = new DateOnly(van.Year, van.Month, 1); m <= tot; m = m.AddMonths(1)) maanden.Add(m);
        return maanden;
    }

    private static string Maandnaam(DateOnly maand) => maand.ToString("yyyy-MM", Rapportcultuur.Nl);
}
