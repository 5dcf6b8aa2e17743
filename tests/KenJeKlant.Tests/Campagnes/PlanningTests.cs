using KenJeKlant.Grains.Campagnes.Planning;

namespace KenJeKlant.Tests.Campagnes;

/// <summary>Which client gets which gesprek: capacity, working hours and days, booked slots, order, reasons.</summary>
public sealed class PlanningTests
{
    // 2 March 2026 is a Monday; the examples below read as a week in March.
    private static readonly DateOnly Maandag = new(2026, 3, 2);
    private static readonly DateOnly Dinsdag = Maandag.AddDays(1);
    private static readonly DateOnly Woensdag = Maandag.AddDays(2);
    private static readonly DateOnly Vrijdag = Maandag.AddDays(4);

    private static PlanningsCapaciteit Capaciteit(string km, int perDag = 8, int minuten = 45, int vanUur = 9, int totUur = 17) => new()
    {
        Medewerker = km,
        GesprekkenPerDag = perDag,
        SlotDuur = TimeSpan.FromMinutes(minuten),
        Begintijd = new TimeOnly(vanUur, 0),
        Eindtijd = new TimeOnly(totUur, 0),
    };

    private static TePlannenKlant Klant(string nummer, string km = "KM1", DateOnly? laatsteGesprek = null, DateOnly? start = null) =>
        new(nummer, km, laatsteGesprek, start ?? new DateOnly(2020, 1, 1));

    private static IEnumerable<TePlannenKlant> Klanten(int aantal, string km = "KM1") =>
        Enumerable.Range(1, aantal).Select(i => Klant($"K{i:D3}", km));

    private static PlanningsVerzoek Verzoek(IEnumerable<TePlannenKlant> klanten, IEnumerable<PlanningsCapaciteit> capaciteit, DateOnly? van = null, DateOnly? tot = null) => new()
    {
        Klanten = [.. klanten],
        Capaciteit = [.. capaciteit],
        PeriodeVan = van ?? Maandag,
        PeriodeTot = tot ?? Maandag.AddDays(27),
        Vroegst = van ?? Maandag,
    };

    private static DateTime Op(DateOnly dag, int uur, int minuut = 0) => dag.ToDateTime(new TimeOnly(uur, minuut));

    private static DateTime StartVan(PlanningsResultaat r, string klantnummer) => r.Ingepland.Single(g => g.Klantnummer == klantnummer).Start;

    [Fact]
    public void Een_klantmanager_krijgt_nooit_meer_gesprekken_op_een_dag_dan_opgegeven()
    {
        var r = GesprekPlanner.Plan(Verzoek(Klanten(7), [Capaciteit("KM1", perDag: 3)]));

        Assert.Empty(r.NietIngepland);
        Assert.Equal(
            [Op(Maandag, 9), Op(Maandag, 9, 45), Op(Maandag, 10, 30), Op(Dinsdag, 9), Op(Dinsdag, 9, 45), Op(Dinsdag, 10, 30), Op(Woensdag, 9)],
            r.Ingepland.Select(g => g.Start));
        Assert.All(r.Ingepland, g => Assert.Equal("KM1", g.Klantmanager));
    }

    [Fact]
    public void Van_negen_tot_twaalf_met_gesprekken_van_45_minuten_passen_er_vier_en_het_vierde_eindigt_om_twaalf()
    {
        var r = GesprekPlanner.Plan(Verzoek(Klanten(5), [Capaciteit("KM1", perDag: 10, vanUur: 9, totUur: 12)], van: Maandag, tot: Maandag));

        Assert.Equal([Op(Maandag, 9), Op(Maandag, 9, 45), Op(Maandag, 10, 30), Op(Maandag, 11, 15)], r.Ingepland.Select(g => g.Start));
        Assert.All(r.Ingepland, g => Assert.Equal(TimeSpan.FromMinutes(45), g.Eind - g.Start));
        Assert.Equal(Op(Maandag, 12), r.Ingepland[^1].Eind);
        var niet = Assert.Single(r.NietIngepland);
        Assert.Equal("K005", niet.Klantnummer);
        Assert.Contains("geen capaciteit binnen de periode", niet.Reden);
    }

    [Fact]
    public void Een_gesprek_dat_niet_voor_de_eindtijd_af_is_wordt_niet_gepland()
    {
        // 09:00-11:00 with 50 minutes: 09:00-09:50 and 09:50-10:40 fit, 10:40-11:30 does not.
        var capaciteit = Capaciteit("KM1", perDag: 10, minuten: 50, vanUur: 9, totUur: 11);
        var r = GesprekPlanner.Plan(Verzoek(Klanten(3), [capaciteit], van: Maandag, tot: Dinsdag));

        Assert.Equal([Op(Maandag, 9), Op(Maandag, 9, 50), Op(Dinsdag, 9)], r.Ingepland.Select(g => g.Start));
    }

    [Fact]
    public void Weekend_feestdag_en_afwezigheid_worden_overgeslagen()
    {
        var capaciteit = Capaciteit("KM1", perDag: 1) with { Afwezigheden = [new Afwezigheid(Maandag.AddDays(8), Maandag.AddDays(9))] };
        var verzoek = Verzoek(Klanten(4), [capaciteit], van: Vrijdag, tot: Maandag.AddDays(11)) with
        {
            Feestdagen = [Maandag.AddDays(7)],
        };

        var r = GesprekPlanner.Plan(verzoek);

        // Fri 6; Sat/Sun 7-8 weekend; Mon 9 feestdag; Tue 10 and Wed 11 absent (inclusive); Thu 12, Fri 13.
        Assert.Equal([Op(Vrijdag, 9), Op(Maandag.AddDays(10), 9), Op(Maandag.AddDays(11), 9)], r.Ingepland.Select(g => g.Start));
        Assert.Equal("K004", Assert.Single(r.NietIngepland).Klantnummer);
    }

    [Fact]
    public void Alleen_op_de_opgegeven_werkdagen()
    {
        var capaciteit = Capaciteit("KM1", perDag: 1) with { Werkdagen = new HashSet<DayOfWeek> { DayOfWeek.Tuesday, DayOfWeek.Thursday } };

        var r = GesprekPlanner.Plan(Verzoek(Klanten(3), [capaciteit]));

        Assert.Equal([Op(Dinsdag, 9), Op(Maandag.AddDays(3), 9), Op(Maandag.AddDays(8), 9)], r.Ingepland.Select(g => g.Start));
    }

    [Fact]
    public void Niet_voor_de_vroegste_datum_ook_als_de_periode_eerder_begint()
    {
        var verzoek = Verzoek(Klanten(1), [Capaciteit("KM1")]) with { Vroegst = Woensdag };

        Assert.Equal(Op(Woensdag, 9), Assert.Single(GesprekPlanner.Plan(verzoek).Ingepland).Start);
    }

    [Fact]
    public void Geboekte_gesprekken_worden_overgeslagen_en_tellen_mee_voor_het_dagmaximum()
    {
        var verzoek = Verzoek(Klanten(4), [Capaciteit("KM1", perDag: 3, vanUur: 9, totUur: 12)]) with
        {
            Geboekt = new Dictionary<string, IReadOnlyList<Bezet>> { ["KM1"] = [new(Op(Maandag, 9, 45), Op(Maandag, 10, 30))] },
        };

        var r = GesprekPlanner.Plan(verzoek);

        Assert.Equal([Op(Maandag, 9), Op(Maandag, 10, 30), Op(Dinsdag, 9), Op(Dinsdag, 9, 45)], r.Ingepland.Select(g => g.Start));
    }

    [Fact]
    public void Een_geboekt_gesprek_buiten_het_raster_schuift_het_volgende_gesprek_op()
    {
        var verzoek = Verzoek(Klanten(3), [Capaciteit("KM1", perDag: 10, vanUur: 9, totUur: 12)], van: Maandag, tot: Maandag) with
        {
            Geboekt = new Dictionary<string, IReadOnlyList<Bezet>> { ["KM1"] = [new(Op(Maandag, 9, 30), Op(Maandag, 10, 15))] },
        };

        var r = GesprekPlanner.Plan(verzoek);

        // 09:00-09:45 would overlap 09:30-10:15; then 10:15-11:00 and 11:00-11:45; 11:45 would end after 12:00.
        Assert.Equal([Op(Maandag, 10, 15), Op(Maandag, 11)], r.Ingepland.Select(g => g.Start));
        Assert.Equal("K003", Assert.Single(r.NietIngepland).Klantnummer);
    }

    [Fact]
    public void Opnieuw_plannen_met_de_eerste_ronde_als_geboekt_boekt_nooit_dubbel()
    {
        var capaciteit = Capaciteit("KM1", perDag: 4);
        var eerste = GesprekPlanner.Plan(Verzoek(Klanten(6), [capaciteit]));
        var tweede = GesprekPlanner.Plan(Verzoek(Enumerable.Range(1, 6).Select(i => Klant($"N{i}")), [capaciteit]) with
        {
            Geboekt = new Dictionary<string, IReadOnlyList<Bezet>> { ["KM1"] = [.. eerste.Ingepland.Select(g => new Bezet(g.Start, g.Eind))] },
        });

        var alle = eerste.Ingepland.Concat(tweede.Ingepland).OrderBy(g => g.Start).ToList();
        Assert.Equal(12, alle.Count);
        Assert.Equal(12, alle.Select(g => g.Start).Distinct().Count());
        for (var i = 1; i < alle.Count; i++) Assert.True(alle[i - 1].Eind <= alle[i].Start, $"{alle[i - 1]} overlapt {alle[i]}");
        Assert.All(alle.GroupBy(g => g.Start.Date), dag => Assert.True(dag.Count() <= 4));
        // Monday had 4 (full), Tuesday 2 of the first round; the second round fills Tuesday, then Wednesday.
        Assert.Equal([Op(Dinsdag, 10, 30), Op(Dinsdag, 11, 15), Op(Woensdag, 9)], tweede.Ingepland.Take(3).Select(g => g.Start));
    }

    [Fact]
    public void Wie_nooit_gesproken_is_gaat_voor_daarna_wie_het_langst_niet_gesproken_is()
    {
        var klanten = new[]
        {
            Klant("A", laatsteGesprek: new DateOnly(2025, 6, 1)),
            Klant("B", laatsteGesprek: null, start: new DateOnly(2023, 1, 1)),
            Klant("C", laatsteGesprek: new DateOnly(2022, 6, 1)),
            Klant("D", laatsteGesprek: null, start: new DateOnly(2019, 1, 1)),
            Klant("E", laatsteGesprek: new DateOnly(2022, 6, 1), start: new DateOnly(2018, 5, 1)),
            Klant("F", laatsteGesprek: null, start: new DateOnly(2019, 1, 1)),
        };

        var r = GesprekPlanner.Plan(Verzoek(klanten, [Capaciteit("KM1", perDag: 2)]));

        // Never spoken (D and F share a start date: klantnummer decides), then oldest gesprek (E before C: earlier start).
        Assert.Equal(["D", "F", "B", "E", "C", "A"], r.Ingepland.OrderBy(g => g.Start).Select(g => g.Klantnummer));
        Assert.Equal(Op(Maandag, 9), StartVan(r, "D"));
        Assert.Equal(Op(Woensdag, 9, 45), StartVan(r, "A"));
        Assert.Contains("eerst wie nog nooit gesproken is", r.Uitleg);
        Assert.Contains("langst niet gesproken", r.Uitleg);
        Assert.Contains("startdatum van de uitkering", r.Uitleg);
        Assert.Contains("wijk, nationaliteit, taal of geslacht", r.Uitleg);
    }

    [Fact]
    public void Op_klantnummer_negeert_het_laatste_gesprek_en_legt_dat_uit()
    {
        var klanten = new[] { Klant("K3"), Klant("K1", laatsteGesprek: new DateOnly(2025, 1, 1)), Klant("K2") };

        var r = GesprekPlanner.Plan(Verzoek(klanten, [Capaciteit("KM1")]) with { Volgorde = Volgorde.OpKlantnummer });

        Assert.Equal(["K1", "K2", "K3"], r.Ingepland.OrderBy(g => g.Start).Select(g => g.Klantnummer));
        Assert.Contains("op klantnummer", r.Uitleg);
        Assert.DoesNotContain("nooit gesproken", r.Uitleg);
    }

    [Fact]
    public void Elke_klant_krijgt_een_gesprek_bij_de_eigen_klantmanager_en_klantmanagers_plannen_los_van_elkaar()
    {
        var klanten = new[] { Klant("A1", "KM-A"), Klant("B1", "KM-B"), Klant("A2", "KM-A"), Klant("B2", "KM-B") };

        var r = GesprekPlanner.Plan(Verzoek(klanten, [Capaciteit("KM-A", perDag: 1), Capaciteit("KM-B", perDag: 1, vanUur: 13)]));

        Assert.Equal(new IngeplandGesprek("A1", "KM-A", Op(Maandag, 9), Op(Maandag, 9, 45)), r.Ingepland.Single(g => g.Klantnummer == "A1"));
        Assert.Equal(new IngeplandGesprek("A2", "KM-A", Op(Dinsdag, 9), Op(Dinsdag, 9, 45)), r.Ingepland.Single(g => g.Klantnummer == "A2"));
        Assert.Equal(new IngeplandGesprek("B1", "KM-B", Op(Maandag, 13), Op(Maandag, 13, 45)), r.Ingepland.Single(g => g.Klantnummer == "B1"));
        Assert.Equal(new IngeplandGesprek("B2", "KM-B", Op(Dinsdag, 13), Op(Dinsdag, 13, 45)), r.Ingepland.Single(g => g.Klantnummer == "B2"));
    }

    [Fact]
    public void Wie_niet_ingepland_kan_worden_staat_erbij_met_de_reden_en_iedere_klant_staat_er_precies_eenmaal_in()
    {
        var klanten = new[] { Klant("K1"), Klant("K2"), Klant("K3", km: "KM9"), Klant("K4"), Klant("K5", km: " ") };

        var r = GesprekPlanner.Plan(Verzoek(klanten, [Capaciteit("KM1", perDag: 1)], van: Maandag, tot: Dinsdag));

        Assert.Equal(["K1", "K2"], r.Ingepland.Select(g => g.Klantnummer));
        var redenen = r.NietIngepland.ToDictionary(n => n.Klantnummer, n => n.Reden);
        Assert.Equal("klantmanager KM9 heeft geen capaciteit opgegeven", redenen["K3"]);
        Assert.Equal("geen capaciteit binnen de periode (02-03-2026 t/m 03-03-2026) bij klantmanager KM1", redenen["K4"]);
        Assert.Equal("klant heeft geen klantmanager", redenen["K5"]);
        Assert.Equal(
            klanten.Select(k => k.Klantnummer).Order(StringComparer.Ordinal),
            r.Ingepland.Select(g => g.Klantnummer).Concat(r.NietIngepland.Select(n => n.Klantnummer)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Als_de_vroegste_datum_na_de_periode_ligt_zegt_de_reden_dat()
    {
        var verzoek = Verzoek(Klanten(1), [Capaciteit("KM1")], van: Maandag, tot: Vrijdag) with { Vroegst = Vrijdag.AddDays(3) };

        var r = GesprekPlanner.Plan(verzoek);

        Assert.Empty(r.Ingepland);
        var reden = Assert.Single(r.NietIngepland).Reden;
        Assert.Contains("geen capaciteit binnen de periode", reden);
        Assert.Contains("eindigt voor de vroegste datum 09-03-2026", reden);
    }

    [Fact]
    public void Dezelfde_invoer_geeft_dezelfde_uitkomst_ook_als_de_klanten_in_een_andere_volgorde_binnenkomen()
    {
        var random = new Random(7);
        var klanten = Enumerable.Range(0, 300).Select(i => Klant(
            $"K{i:D4}", $"KM{i % 4}",
            random.Next(3) == 0 ? null : new DateOnly(2020, 1, 1).AddDays(random.Next(60)),
            new DateOnly(2015, 1, 1).AddDays(random.Next(30)))).ToList();
        var capaciteit = Enumerable.Range(0, 3).Select(i => Capaciteit($"KM{i}", perDag: 5)).ToList();

        var eerste = GesprekPlanner.Plan(Verzoek(klanten, capaciteit));
        var tweede = GesprekPlanner.Plan(Verzoek(klanten, capaciteit));
        var omgekeerd = GesprekPlanner.Plan(Verzoek(Enumerable.Reverse(klanten), capaciteit));

        Assert.NotEmpty(eerste.Ingepland);
        Assert.NotEmpty(eerste.NietIngepland);
        foreach (var ander in new[] { tweede, omgekeerd })
        {
            Assert.Equal(eerste.Ingepland, ander.Ingepland);
            Assert.Equal(eerste.NietIngepland, ander.NietIngepland);
            Assert.Equal(eerste.Uitleg, ander.Uitleg);
        }
    }

    [Theory]
    [InlineData("slotduur nul", "duur van een gesprek")]
    [InlineData("slotduur negatief", "duur van een gesprek")]
    [InlineData("eindtijd voor begintijd", "eindtijd")]
    [InlineData("eindtijd gelijk aan begintijd", "eindtijd")]
    [InlineData("slot langer dan werkdag", "past niet")]
    [InlineData("periode omgekeerd", "einde van de periode")]
    [InlineData("nul gesprekken per dag", "gesprekken per dag")]
    [InlineData("dubbel klantnummer", "Klantnummer K001 komt meer dan eens voor")]
    [InlineData("leeg klantnummer", "zonder klantnummer")]
    [InlineData("dubbele capaciteit", "meer dan eens opgegeven")]
    [InlineData("afwezigheid omgekeerd", "afwezigheid")]
    public void Ongeldige_invoer_wordt_geweigerd_met_een_nederlandse_melding(string geval, string melding)
    {
        var goed = Capaciteit("KM1");
        var verzoek = Verzoek(Klanten(2), [goed]);
        verzoek = geval switch
        {
            "slotduur nul" => verzoek with { Capaciteit = [goed with { SlotDuur = TimeSpan.Zero }] },
            "slotduur negatief" => verzoek with { Capaciteit = [goed with { SlotDuur = TimeSpan.FromMinutes(-45) }] },
            "eindtijd voor begintijd" => verzoek with { Capaciteit = [goed with { Eindtijd = new TimeOnly(8, 0) }] },
            "eindtijd gelijk aan begintijd" => verzoek with { Capaciteit = [goed with { Eindtijd = goed.Begintijd }] },
            "slot langer dan werkdag" => verzoek with { Capaciteit = [goed with { Eindtijd = new TimeOnly(9, 30) }] },
            "periode omgekeerd" => verzoek with { PeriodeVan = Vrijdag, PeriodeTot = Maandag },
            "nul gesprekken per dag" => verzoek with { Capaciteit = [goed with { GesprekkenPerDag = 0 }] },
            "dubbel klantnummer" => verzoek with { Klanten = [Klant("K001"), Klant("K001", km: "KM2")] },
            "leeg klantnummer" => verzoek with { Klanten = [Klant("")] },
            "dubbele capaciteit" => verzoek with { Capaciteit = [goed, goed with { GesprekkenPerDag = 2 }] },
            "afwezigheid omgekeerd" => verzoek with { Capaciteit = [goed with { Afwezigheden = [new Afwezigheid(Vrijdag, Maandag)] }] },
            _ => throw new ArgumentOutOfRangeException(nameof(geval), geval, null),
        };

        var fout = Assert.Throws<ArgumentException>(() => GesprekPlanner.Plan(verzoek));
        Assert.Contains(melding, fout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Willekeurige_verzoeken_houden_zich_aan_alle_regels_en_komen_overeen_met_een_eenvoudige_referentie()
    {
        var random = new Random(20260302);
        var metIngepland = 0;
        var metNietIngepland = 0;
        for (var ronde = 0; ronde < 400; ronde++)
        {
            var verzoek = WillekeurigVerzoek(random);
            var r = GesprekPlanner.Plan(verzoek);
            ControleerRegels(verzoek, r, ronde);

            var (ingepland, nietIngepland) = Referentie(verzoek);
            Assert.Equal(ingepland, r.Ingepland);
            Assert.Equal(nietIngepland, r.NietIngepland.Select(n => n.Klantnummer));
            metIngepland += r.Ingepland.Count > 0 ? 1 : 0;
            metNietIngepland += r.NietIngepland.Count > 0 ? 1 : 0;
        }

        // The generator must exercise both outcomes, or the comparison above proves little.
        Assert.True(metIngepland > 100, $"{metIngepland} rondes met ingeplande klanten");
        Assert.True(metNietIngepland > 100, $"{metNietIngepland} rondes met niet ingeplande klanten");
    }

    private static PlanningsVerzoek WillekeurigVerzoek(Random random)
    {
        var van = Maandag.AddDays(random.Next(7));
        var tot = van.AddDays(random.Next(21));
        var dagen = tot.DayNumber - van.DayNumber + 1;
        DateOnly DagInPeriode() => van.AddDays(random.Next(-2, dagen + 2));

        var capaciteit = new List<PlanningsCapaciteit>();
        var geboekt = new Dictionary<string, IReadOnlyList<Bezet>>();
        for (var i = 0; i < random.Next(1, 5); i++)
        {
            var begin = random.Next(7, 11);
            var werkdagen = Enum.GetValues<DayOfWeek>().Where(_ => random.Next(4) > 0).ToHashSet();
            var c = Capaciteit($"KM{i}", perDag: random.Next(1, 6), minuten: 15 * random.Next(1, 5), vanUur: begin, totUur: begin + random.Next(1, 9)) with
            {
                Werkdagen = werkdagen,
                Afwezigheden = [.. Enumerable.Range(0, random.Next(3)).Select(_ => DagInPeriode()).Select(d => new Afwezigheid(d, d.AddDays(random.Next(3))))],
            };
            capaciteit.Add(c);
            geboekt[c.Medewerker] = [.. Enumerable.Range(0, random.Next(8)).Select(_ =>
            {
                // Bookings of any length on the quarter hour: campaign slots and a klantmanager's own gesprekken alike.
                var start = DagInPeriode().ToDateTime(new TimeOnly(7, 0)).AddMinutes(15 * random.Next(44));
                return new Bezet(start, start.AddMinutes(15 * random.Next(1, 9)));
            })];
        }

        var klanten = Enumerable.Range(0, random.Next(60)).Select(k => new TePlannenKlant(
            $"K{random.Next(100_000):D5}-{k}",
            random.Next(15) == 0 ? "KM-onbekend" : $"KM{random.Next(capaciteit.Count)}",
            random.Next(3) == 0 ? null : new DateOnly(2024, 1, 1).AddDays(random.Next(20)),
            new DateOnly(2020, 1, 1).AddDays(random.Next(20)))).ToList();

        return new PlanningsVerzoek
        {
            Klanten = klanten,
            Capaciteit = capaciteit,
            PeriodeVan = van,
            PeriodeTot = tot,
            Vroegst = van.AddDays(random.Next(-3, 6)),
            Feestdagen = [.. Enumerable.Range(0, random.Next(3)).Select(_ => DagInPeriode())],
            Volgorde = random.Next(2) == 0 ? Volgorde.LangstNietGesprokenEerst : Volgorde.OpKlantnummer,
            Geboekt = geboekt,
        };
    }

    private static void ControleerRegels(PlanningsVerzoek v, PlanningsResultaat r, int ronde)
    {
        Assert.Equal(
            v.Klanten.Select(k => k.Klantnummer).Order(StringComparer.Ordinal),
            r.Ingepland.Select(g => g.Klantnummer).Concat(r.NietIngepland.Select(n => n.Klantnummer)).Order(StringComparer.Ordinal));

        var eerste = v.Vroegst > v.PeriodeVan ? v.Vroegst : v.PeriodeVan;
        var capaciteit = v.Capaciteit.ToDictionary(c => c.Medewerker);
        foreach (var g in r.Ingepland)
        {
            var c = capaciteit[g.Klantmanager];
            var dag = DateOnly.FromDateTime(g.Start);
            Assert.Equal(v.Klanten.Single(k => k.Klantnummer == g.Klantnummer).Klantmanager, g.Klantmanager);
            Assert.Equal(c.SlotDuur, g.Eind - g.Start);
            Assert.True(dag >= eerste && dag <= v.PeriodeTot, $"ronde {ronde}: {g} buiten de periode");
            Assert.True(TimeOnly.FromDateTime(g.Start) >= c.Begintijd && g.Eind <= dag.ToDateTime(c.Eindtijd), $"ronde {ronde}: {g} buiten werktijd");
            Assert.Contains(dag.DayOfWeek, c.Werkdagen);
            Assert.DoesNotContain(dag, v.Feestdagen);
            Assert.DoesNotContain(c.Afwezigheden, a => a.Van <= dag && dag <= a.Tot);
        }

        foreach (var perKm in r.Ingepland.GroupBy(g => g.Klantmanager))
        {
            var c = capaciteit[perKm.Key];
            var geboekt = v.Geboekt[perKm.Key];
            // Every new slot against everything else of this klantmanager: bookings of any length and the other new slots.
            var alle = perKm.Select(g => (g.Start, g.Eind)).Concat(geboekt.Select(b => (b.Start, b.Eind))).ToList();
            foreach (var g in perKm)
                Assert.True(alle.Count(a => a.Start < g.Eind && g.Start < a.Eind) == 1, $"ronde {ronde}: {perKm.Key} dubbel geboekt rond {g.Start}");
            foreach (var dag in perKm.GroupBy(g => g.Start.Date))
                Assert.True(dag.Count() + geboekt.Count(b => b.Start.Date == dag.Key) <= c.GesprekkenPerDag, $"ronde {ronde}: {perKm.Key} te vol op {dag.Key:d}");
        }
    }

    /// <summary>
    /// The same rules written the slow, obvious way: all free slots of a klantmanager in the period, looking
    /// at every quarter of an hour (the random requests use quarter-hour slots and bookings), handed out in order.
    /// </summary>
    private static (List<IngeplandGesprek> Ingepland, List<string> NietIngepland) Referentie(PlanningsVerzoek v)
    {
        var vrij = new Dictionary<string, Queue<DateTime>>();
        foreach (var c in v.Capaciteit)
        {
            var geboekt = v.Geboekt[c.Medewerker];
            var slots = new Queue<DateTime>();
            for (var dag = v.PeriodeVan; dag <= v.PeriodeTot; dag = dag.AddDays(1))
            {
                if (dag < v.Vroegst || !c.Werkdagen.Contains(dag.DayOfWeek) || v.Feestdagen.Contains(dag)) continue;
                if (c.Afwezigheden.Any(a => a.Van <= dag && dag <= a.Tot)) continue;
                var over = c.GesprekkenPerDag - geboekt.Count(b => DateOnly.FromDateTime(b.Start) == dag);
                for (var t = dag.ToDateTime(c.Begintijd); over > 0 && t + c.SlotDuur <= dag.ToDateTime(c.Eindtijd); t = t.AddMinutes(15))
                {
                    var begin = t;
                    if (geboekt.Any(b => b.Start < begin + c.SlotDuur && begin < b.Eind)) continue;
                    slots.Enqueue(t);
                    over--;
                    t += c.SlotDuur - TimeSpan.FromMinutes(15);
                }
            }

            vrij[c.Medewerker] = slots;
        }

        IEnumerable<TePlannenKlant> volgorde = v.Volgorde == Volgorde.OpKlantnummer
            ? v.Klanten.OrderBy(k => k.Klantnummer, StringComparer.Ordinal)
            : v.Klanten.OrderBy(k => k.LaatsteGesprek.HasValue).ThenBy(k => k.LaatsteGesprek).ThenBy(k => k.StartdatumUitkering).ThenBy(k => k.Klantnummer, StringComparer.Ordinal);
        var ingepland = new List<IngeplandGesprek>();
        var niet = new List<string>();
        foreach (var k in volgorde)
        {
            if (vrij.TryGetValue(k.Klantmanager, out var slots) && slots.TryDequeue(out var start))
                ingepland.Add(new(k.Klantnummer, k.Klantmanager, start, start + v.Capaciteit.Single(c => c.Medewerker == k.Klantmanager).SlotDuur));
            else
                niet.Add(k.Klantnummer);
        }

        return (ingepland, niet);
    }
}
