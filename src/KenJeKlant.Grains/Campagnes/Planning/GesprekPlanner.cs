using System.Globalization;

namespace KenJeKlant.Grains.Campagnes.Planning;

/// <summary>
/// Decides which client gets which gesprek in a campaign, as a pure, deterministic function of the
/// request: clients are taken in the requested (explainable) order and each gets the earliest free slot
/// of their own klantmanager, within working days and hours, the day's maximum, outside absences,
/// feestdagen and already booked gesprekken. Whoever gets no slot is reported with the reason.
/// </summary>
public static class GesprekPlanner
{
    public static PlanningsResultaat Plan(PlanningsVerzoek verzoek)
    {
        ArgumentNullException.ThrowIfNull(verzoek);
        Valideer(verzoek);

        var eersteDag = verzoek.Vroegst > verzoek.PeriodeVan ? verzoek.Vroegst : verzoek.PeriodeVan;
        var feestdagen = verzoek.Feestdagen.ToHashSet();
        var agendas = new Dictionary<string, KlantmanagerAgenda>(StringComparer.Ordinal);
        foreach (var capaciteit in verzoek.Capaciteit)
        {
            var geboekt = verzoek.Geboekt.GetValueOrDefault(capaciteit.Medewerker) ?? [];
            agendas.Add(capaciteit.Medewerker, new KlantmanagerAgenda(capaciteit, eersteDag, verzoek.PeriodeTot, feestdagen, geboekt));
        }

        var periode = $"{Datum(verzoek.PeriodeVan)} t/m {Datum(verzoek.PeriodeTot)}";
        var geenCapaciteit = eersteDag > verzoek.PeriodeTot
            ? $"geen capaciteit binnen de periode: de periode ({periode}) eindigt voor de vroegste datum {Datum(verzoek.Vroegst)}"
            : $"geen capaciteit binnen de periode ({periode})";

        var ingepland = new List<IngeplandGesprek>(verzoek.Klanten.Count);
        var nietIngepland = new List<NietIngeplandeKlant>();
        foreach (var klant in Orden(verzoek.Klanten, verzoek.Volgorde))
        {
            if (string.IsNullOrWhiteSpace(klant.Klantmanager))
                nietIngepland.Add(new(klant.Klantnummer, "klant heeft geen klantmanager"));
            else if (!agendas.TryGetValue(klant.Klantmanager, out var agenda))
                nietIngepland.Add(new(klant.Klantnummer, $"klantmanager {klant.Klantmanager} heeft geen capaciteit opgegeven"));
            else if (agenda.TryNeemVolgende(out var start))
                ingepland.Add(new(klant.Klantnummer, klant.Klantmanager, start, start + agenda.SlotDuur));
            else
                nietIngepland.Add(new(klant.Klantnummer, $"{geenCapaciteit} bij klantmanager {klant.Klantmanager}"));
        }

        return new(ingepland, nietIngepland, Uitleg(verzoek.Volgorde));
    }

    /// <summary>The ordering in words, for the programmaleider and for whoever asks why they were invited when.</summary>
    public static string Uitleg(Volgorde volgorde) => volgorde switch
    {
        Volgorde.LangstNietGesprokenEerst =>
            "Volgorde: eerst wie nog nooit gesproken is, daarna wie het langst niet gesproken is (oudste laatste gesprek); "
            + "bij gelijke stand gaat de vroegste startdatum van de uitkering voor, daarna het klantnummer. "
            + SlotUitleg,
        Volgorde.OpKlantnummer => "Volgorde: op klantnummer (oplopend, als tekst vergeleken). " + SlotUitleg,
        _ => throw new ArgumentException($"Onbekende volgorde {volgorde}.", nameof(volgorde)),
    };

    private const string SlotUitleg =
        "In die volgorde krijgt iedere klant het eerste vrije gesprek bij de eigen klantmanager. "
        + "Andere gegevens (zoals wijk, nationaliteit, taal of geslacht) spelen geen rol.";

    private static TePlannenKlant[] Orden(IReadOnlyList<TePlannenKlant> klanten, Volgorde volgorde)
    {
        var geordend = klanten.ToArray();
        Comparison<TePlannenKlant> vergelijk = volgorde switch
        {
            Volgorde.LangstNietGesprokenEerst => LangstNietGesprokenEerst,
            Volgorde.OpKlantnummer => (a, b) => string.CompareOrdinal(a.Klantnummer, b.Klantnummer),
            _ => throw new ArgumentException($"Onbekende volgorde {volgorde}.", nameof(volgorde)),
        };
        // Klantnummers are unique (validated), so the order is total and the unstable sort is deterministic.
        Array.Sort(geordend, vergelijk);
        return geordend;
    }

    private static int LangstNietGesprokenEerst(TePlannenKlant a, TePlannenKlant b)
    {
        var c = (a.LaatsteGesprek, b.LaatsteGesprek) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            var (x, y) => x.Value.CompareTo(y.Value),
        };
        if (c != 0) return c;
        c = a.StartdatumUitkering.CompareTo(b.StartdatumUitkering);
        return c != 0 ? c : string.CompareOrdinal(a.Klantnummer, b.Klantnummer);
    }

    private static void Valideer(PlanningsVerzoek verzoek)
    {
        if (verzoek.Klanten is null) throw new ArgumentException("Het verzoek heeft geen lijst met klanten.", nameof(verzoek));
        if (verzoek.Capaciteit is null) throw new ArgumentException("Het verzoek heeft geen lijst met capaciteit.", nameof(verzoek));
        if (verzoek.Feestdagen is null || verzoek.Geboekt is null)
            throw new ArgumentException("Feestdagen en geboekte gesprekken mogen niet ontbreken (geef een lege lijst).", nameof(verzoek));
        if (verzoek.PeriodeTot < verzoek.PeriodeVan)
            throw new ArgumentException($"Het einde van de periode ({Datum(verzoek.PeriodeTot)}) ligt voor het begin ({Datum(verzoek.PeriodeVan)}).", nameof(verzoek));
        if (!Enum.IsDefined(verzoek.Volgorde))
            throw new ArgumentException($"Onbekende volgorde {verzoek.Volgorde}.", nameof(verzoek));

        var medewerkers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in verzoek.Capaciteit)
        {
            if (c is null) throw new ArgumentException("De capaciteit bevat een lege regel.", nameof(verzoek));
            if (string.IsNullOrWhiteSpace(c.Medewerker))
                throw new ArgumentException("Capaciteit zonder medewerker-id.", nameof(verzoek));
            var wie = $"klantmanager {c.Medewerker}";
            if (!medewerkers.Add(c.Medewerker))
                throw new ArgumentException($"Voor {wie} is de capaciteit meer dan eens opgegeven.", nameof(verzoek));
            if (c.GesprekkenPerDag < 1)
                throw new ArgumentException($"Het aantal gesprekken per dag van {wie} moet minstens 1 zijn, niet {c.GesprekkenPerDag}.", nameof(verzoek));
            if (c.SlotDuur <= TimeSpan.Zero)
                throw new ArgumentException($"De duur van een gesprek van {wie} moet groter dan nul zijn, niet {c.SlotDuur}.", nameof(verzoek));
            if (c.Eindtijd <= c.Begintijd)
                throw new ArgumentException($"De eindtijd ({c.Eindtijd:HH\\:mm}) van {wie} moet na de begintijd ({c.Begintijd:HH\\:mm}) liggen.", nameof(verzoek));
            if (c.SlotDuur > c.Eindtijd - c.Begintijd)
                throw new ArgumentException($"Een gesprek van {c.SlotDuur.TotalMinutes.ToString(CultureInfo.InvariantCulture)} minuten past niet tussen {c.Begintijd:HH\\:mm} en {c.Eindtijd:HH\\:mm} van {wie}.", nameof(verzoek));
            if (c.Werkdagen is null || c.Afwezigheden is null)
                throw new ArgumentException($"Werkdagen en afwezigheden van {wie} mogen niet ontbreken.", nameof(verzoek));
            foreach (var a in c.Afwezigheden)
                if (a.Tot < a.Van)
                    throw new ArgumentException($"Een afwezigheid van {wie} eindigt ({Datum(a.Tot)}) voor ze begint ({Datum(a.Van)}).", nameof(verzoek));
        }

        var klantnummers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var k in verzoek.Klanten)
        {
            if (k is null || string.IsNullOrWhiteSpace(k.Klantnummer))
                throw new ArgumentException("Een klant zonder klantnummer kan niet worden ingepland.", nameof(verzoek));
            if (!klantnummers.Add(k.Klantnummer))
                throw new ArgumentException($"Klantnummer {k.Klantnummer} komt meer dan eens voor.", nameof(verzoek));
        }
    }

    private static string Datum(DateOnly datum) => datum.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
}
