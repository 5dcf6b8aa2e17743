using System.Globalization;
using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Grains.Klanten;

namespace KenJeKlant.Grains.Campagnes;

/// <summary>
/// Counters behind <see cref="Voortgang"/>. What one client contributes is a pure function of its
/// gesprekken (<see cref="Bijdragen"/>), so incremental counting and a recount from the stored rows
/// give the same numbers by construction.
/// </summary>
public sealed class VoortgangTeller
{
    private readonly Dictionary<string, int> _tellers = new(StringComparer.Ordinal);

    public void Verwerk(IReadOnlyList<GesprekRij> rijenVanKlant, int teken)
    {
        foreach (var sleutel in Bijdragen(rijenVanKlant))
        {
            var nieuw = _tellers.GetValueOrDefault(sleutel) + teken;
            if (nieuw == 0) _tellers.Remove(sleutel);
            else _tellers[sleutel] = nieuw;
        }
    }

    public int this[string sleutel] => _tellers.GetValueOrDefault(sleutel);

    /// <summary>The counter keys one client adds one to, given its gesprekken in one campaign (ordered by poging).</summary>
    public static IEnumerable<string> Bijdragen(IReadOnlyList<GesprekRij> rijen)
    {
        if (rijen.Count == 0) yield break;
        var laatste = rijen[^1];
        var km = laatste.Klantmanager;
        // Per wijk is an aggregate for the programmaleider's overview and nothing else: it never orders,
        // selects or flags anyone (DOMAIN: no risk scoring on proxies such as wijk).
        var wijk = WijkNaam(laatste.Wijk);
        yield return "f:ingepland";
        yield return $"km:{km}:ingepland";
        yield return $"wk:{wijk}:ingepland";
        if (rijen.Any(r => r.UitnodigingVerzondenOp is not null))
        {
            yield return "f:uitgenodigd";
            yield return $"km:{km}:uitgenodigd";
            yield return $"wk:{wijk}:uitgenodigd";
        }
        if (rijen.Any(r => r.HerinneringVerzondenOp is not null)) yield return "f:herinnerd";
        if (rijen.FirstOrDefault(r => r.Status == GesprekStatus.Gehouden) is { Uitkomst: { } uitkomst })
        {
            yield return "f:gesproken";
            yield return $"km:{km}:gesproken";
            yield return $"wk:{wijk}:gesproken";
            foreach (var s in UitkomstSleutels(uitkomst)) yield return s;
        }
        var nietVerschenen = rijen.Count(r => r.TeltAlsNietVerschenen);
        if (nietVerschenen >= 1)
        {
            yield return $"km:{km}:nietVerschenen";
            yield return $"wk:{wijk}:nietVerschenen";
        }
        if (nietVerschenen == 1) yield return "f:nietVerschenen1";
        if (nietVerschenen >= 2) yield return "f:nietVerschenen2";
        if (rijen.Any(r => r.Gevolg == GesprekGevolg.Handhavingssignaal)) yield return "f:signalen";
        if (laatste.Status == GesprekStatus.Geannuleerd) yield return "f:geannuleerd";
        // A move is counted as verzet, never as a no-show: per client once, and every move.
        var verzet = rijen.Sum(r => r.VerzetAantal);
        if (verzet > 0)
        {
            yield return "f:verzet";
            yield return $"km:{km}:verzet";
        }
        for (var i = 0; i < verzet; i++) yield return "f:verzettingen";
        if (laatste.IsOpen && laatste.ZonderUitkomstGemeld)
        {
            yield return "f:zonderUitkomst";
            yield return $"km:{km}:zonderUitkomst";
            yield return $"wk:{wijk}:zonderUitkomst";
        }
        foreach (var rij in rijen)
        {
            var week = Week(rij.Start);
            if (rij.Status != GesprekStatus.Geannuleerd) yield return $"w:{week}:gepland";
            if (rij.Status == GesprekStatus.Gehouden) yield return $"w:{week}:gehouden";
            if (rij.Status == GesprekStatus.NietVerschenen)
            {
                yield return $"w:{week}:nietVerschenen";
                if (rij.Uitkomst?.Afwezigheid is { } reden) yield return $"a:{Naam(reden)}";
            }
        }
    }

    private static IEnumerable<string> UitkomstSleutels(GesprekUitkomst uitkomst)
    {
        if (uitkomst.Indeling is { } indeling) yield return $"i:{IndelingTekst.Van(indeling)}";
        if (uitkomst.Trede is { } trede) yield return $"t:{trede.ToString(CultureInfo.InvariantCulture)}";
        if (uitkomst.Route is { } route) yield return $"r:{route}";
        if (uitkomst.UitstroomReden is { } reden) yield return $"u:{reden}";
        if (uitkomst.OntheffingTot is not null) yield return "o:ontheffing";
    }

    /// <summary>The wijk as counted: the bestand may leave it empty.</summary>
    public static string WijkNaam(string? wijk) => string.IsNullOrWhiteSpace(wijk) ? "onbekend" : wijk.Trim();

    /// <summary>ISO week of the slot, e.g. 2026-W49.</summary>
    public static string Week(DateTimeOffset start) =>
        string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(start.DateTime)}-W{ISOWeek.GetWeekOfYear(start.DateTime):00}");

    public static string Naam(AfwezigheidReden reden) => reden switch
    {
        AfwezigheidReden.Afgemeld => "afgemeld",
        AfwezigheidReden.DringendeReden => "dringende reden",
        AfwezigheidReden.GeenReden => "geen reden",
        AfwezigheidReden.NietBezorgd => "uitnodiging niet bezorgd",
        _ => reden.ToString(),
    };

    public Voortgang Maak(string campagneId, CampagneStatus status, int geselecteerd, IReadOnlyDictionary<string, int> nietIngepland)
    {
        var nietIngeplandTotaal = nietIngepland.Values.Sum();
        return new Voortgang(
            campagneId,
            status,
            new Funnel
            {
                Geselecteerd = geselecteerd,
                Ingepland = this["f:ingepland"],
                NietIngepland = nietIngeplandTotaal,
                Uitgenodigd = this["f:uitgenodigd"],
                Herinnerd = this["f:herinnerd"],
                Gesproken = this["f:gesproken"],
                NietVerschenenEenmaal = this["f:nietVerschenen1"],
                NietVerschenenMeermaals = this["f:nietVerschenen2"],
                Signalen = this["f:signalen"],
                Geannuleerd = this["f:geannuleerd"],
                ZonderUitkomst = this["f:zonderUitkomst"],
                Verzet = this["f:verzet"],
                Verzettingen = this["f:verzettingen"],
            },
            Tellingen("i:"),
            Tellingen("t:"),
            new Uitkomsten(this["f:gesproken"], Tellingen("u:").Sum(t => t.Aantal), Tellingen("u:"), Tellingen("r:"), this["o:ontheffing"]),
            Tellingen("a:"),
            PerKlantmanager(),
            PerWeek(),
            [.. nietIngepland.OrderByDescending(p => p.Value).Select(p => new Telling(p.Key, p.Value))],
            PerWijk());
    }

    private List<Telling> Tellingen(string voorvoegsel) => [.. _tellers
        .Where(t => t.Key.StartsWith(voorvoegsel, StringComparison.Ordinal))
        .Select(t => new Telling(t.Key[voorvoegsel.Length..], t.Value))
        .OrderBy(t => t.Naam, StringComparer.Ordinal)];

    private List<KlantmanagerVoortgang> PerKlantmanager() => [.. _tellers.Keys
        .Where(k => k.StartsWith("km:", StringComparison.Ordinal) && k.EndsWith(":ingepland", StringComparison.Ordinal))
        .Select(k => k["km:".Length..^":ingepland".Length])
        .OrderBy(km => km, StringComparer.Ordinal)
        .Select(km => new KlantmanagerVoortgang(km, this[$"km:{km}:ingepland"], this[$"km:{km}:uitgenodigd"],
            this[$"km:{km}:gesproken"], this[$"km:{km}:nietVerschenen"], this[$"km:{km}:zonderUitkomst"]) { Verzet = this[$"km:{km}:verzet"] })];

    // Ordered by name, never by a count: the list is an overview, not a ranking of areas.
    private List<WijkVoortgang> PerWijk() => [.. _tellers.Keys
        .Where(k => k.StartsWith("wk:", StringComparison.Ordinal) && k.EndsWith(":ingepland", StringComparison.Ordinal))
        .Select(k => k["wk:".Length..^":ingepland".Length])
        .OrderBy(w => w, StringComparer.Ordinal)
        .Select(w => new WijkVoortgang(w, this[$"wk:{w}:ingepland"], this[$"wk:{w}:uitgenodigd"],
            this[$"wk:{w}:gesproken"], this[$"wk:{w}:nietVerschenen"], this[$"wk:{w}:zonderUitkomst"]))];

    private List<WeekVoortgang> PerWeek() => [.. _tellers.Keys
        .Where(k => k.StartsWith("w:", StringComparison.Ordinal))
        .Select(k => k.Split(':')[1])
        .Distinct(StringComparer.Ordinal)
        .OrderBy(w => w, StringComparer.Ordinal)
        .Select(w => new WeekVoortgang(w, this[$"w:{w}:gepland"], this[$"w:{w}:gehouden"], this[$"w:{w}:nietVerschenen"]))];
}
