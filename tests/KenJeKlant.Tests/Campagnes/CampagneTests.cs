using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Abstractions.Werklijsten;
using KenJeKlant.Tests.Klanten;
using KenJeKlant.Tests.Storage;

namespace KenJeKlant.Tests.Campagnes;

/// <summary>A campaign on PostgreSQL in fake time: planning, lifecycle, the time-driven steps and outcomes.</summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class CampagneTests
{
    [Fact]
    public async Task Start_plant_iedereen_binnen_de_capaciteit_met_precies_een_uitnodiging_per_klant()
    {
        await using var o = await CampagneOmgeving.StartAsync("camp-plan");
        var klanten = await o.ImporteerAsync(30, "KM1", "KM2", "KM3");
        var campagne = await o.StartCampagneAsync(CampagneOmgeving.Definitie(d => d with
        {
            Capaciteit = d.Capaciteit with
            {
                GesprekkenPerDag = 2,
                PerKlantmanager = [new KlantmanagerCapaciteit { Klantmanager = "KM3", Afwezig = [new Periode(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 11))] }],
            },
        }));

        var gesprekken = await o.GesprekkenAsync();
        Assert.All(gesprekken.Where(g => g.Klantmanager == "KM3"), g => Assert.True(g.Start >= new DateTimeOffset(2026, 12, 12, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(klanten.Order(StringComparer.Ordinal), gesprekken.Select(g => g.Klantnummer));
        Assert.All(gesprekken, g => Assert.Equal("gepland", g.Status));
        foreach (var dag in gesprekken.GroupBy(g => (g.Klantmanager, DateOnly.FromDateTime(g.Start.UtcDateTime))))
        {
            Assert.True(dag.Count() <= 2, $"{dag.Key.Klantmanager} heeft {dag.Count()} gesprekken op {dag.Key.Item2}");
            var opVolgorde = dag.OrderBy(g => g.Start).ToList();
            for (var i = 1; i < opVolgorde.Count; i++) Assert.True(opVolgorde[i].Start >= opVolgorde[i - 1].Eind, "overlappende gesprekken");
        }
        Assert.All(gesprekken, g => Assert.True(g.Start >= CampagneOmgeving.Begin.AddDays(10), "een gesprek te vroeg voor de uitnodigingstermijn"));
        var berichten = await o.BerichtenAsync();
        Assert.Equal(gesprekken.Select(g => g.Id).Order(), berichten.Select(b => b.GesprekId).Order());
        Assert.All(berichten, b => Assert.Equal(("uitnodiging", "gepland"), (b.Soort, b.Status)));

        var voortgang = (await campagne.GetVoortgangAsync())!;
        Assert.Equal(30, voortgang.Funnel.Geselecteerd);
        Assert.Equal(30, voortgang.Funnel.Ingepland);
        Assert.Equal(0, voortgang.Funnel.Uitgenodigd);
        Assert.Equal(3, voortgang.PerKlantmanager.Count);
        foreach (var nummer in klanten)
        {
            var dossier = (await o.Grains.GetGrain<IKlantGrain>(nummer).GetDossierAsync())!;
            Assert.Single(dossier.Gesprekken);
            Assert.Contains(dossier.Historie, h => h.Gebeurtenis == "gesprek gepland");
        }
        var werklijst = await o.Grains.GetGrain<IKlantmanagerGrain>("KM1").GetWerklijstAsync();
        Assert.Equal(10, werklijst.Gesprekken.Count);
    }

    [Fact]
    public async Task De_selectie_neemt_alleen_wie_aan_elk_filter_voldoet_en_nooit_wie_al_een_open_gesprek_heeft()
    {
        await using var o = await CampagneOmgeving.StartAsync("camp-selectie");
        var basis = Profielen.Nieuw("KM1") with { Wijk = "Schalkwijk", Doelgroepen = new Doelgroepen { Statushouder = true } };
        KlantProfiel Met(string nummer, Func<KlantProfiel, KlantProfiel> aanpassing) => aanpassing(basis with { Klantnummer = nummer });
        await o.ImporteerAsync(
            Met("S-UITGESTROOMD", p => p),
            Met("S-NOOIT", p => p with { LaatsteGesprek = null }),
            Met("S-ANDEREWIJK", p => p with { Wijk = "Centrum" }),
            Met("S-GEENSTATUS", p => p with { Doelgroepen = Doelgroepen.Geen }),
            Met("S-RECENT", p => p with { LaatsteGesprek = new DateOnly(2026, 6, 1) }),
            Met("S-OUD", p => p with { LaatsteGesprek = new DateOnly(2024, 6, 1) }),
            Met("S-ANDEREKM", p => p with { Klantmanager = "KM2" }));
        await o.Grains.GetGrain<IKlantGrain>("S-UITGESTROOMD").RegistreerUitstroomAsync(new Uitstroom(new DateOnly(2026, 11, 1), "verhuizing", "KM1"));

        var selectie = new CampagneSelectie { Wijk = "Schalkwijk", Doelgroep = Doelgroep.Statushouder, NietGesprokenSinds = new DateOnly(2025, 11, 23), Klantmanager = "KM1" };
        await o.StartCampagneAsync(CampagneOmgeving.Definitie(d => d with { Selectie = selectie }), "schalkwijk");
        Assert.Equal(["S-NOOIT", "S-OUD"], (await o.GesprekkenAsync()).Select(g => g.Klantnummer));

        // A second campaign over everyone skips clients with an open gesprek in the first.
        await o.StartCampagneAsync(CampagneOmgeving.Definitie(), "iedereen");
        var tweede = (await o.GesprekkenAsync()).Where(g => g.Klantnummer is not ("S-NOOIT" or "S-OUD")).Select(g => g.Klantnummer).Order(StringComparer.Ordinal);
        Assert.Equal(["S-ANDEREKM", "S-ANDEREWIJK", "S-GEENSTATUS", "S-RECENT"], tweede);
        Assert.Equal(2, (await o.GesprekkenAsync()).Count(g => g.Klantnummer is "S-NOOIT" or "S-OUD"));
    }

    [Fact]
    public async Task Uitnodiging_op_de_termijn_herinnering_twee_dagen_voor_het_gesprek_en_geen_aanname_van_niet_verschijnen()
    {
        await using var o = await CampagneOmgeving.StartAsync("camp-tijd");
        var klant = (await o.ImporteerAsync(1, "KM1"))[0];
        var campagne = await o.StartCampagneAsync(CampagneOmgeving.Definitie());
        var gesprek = (await o.GesprekkenAsync()).Single();
        var uitnodigingOp = gesprek.Start.AddDays(-10);

        await o.SpringAsync(uitnodigingOp - CampagneOmgeving.Begin - TimeSpan.FromHours(1), campagne);
        Assert.Equal("gepland", (await o.GesprekkenAsync()).Single().Status);
        await o.SpringAsync(TimeSpan.FromHours(1), campagne);
        Assert.Equal("uitgenodigd", (await o.GesprekkenAsync()).Single().Status);
        Assert.Contains(("uitnodiging", "verzonden"), (await o.BerichtenAsync()).Select(b => (b.Soort, b.Status)));

        await o.SpringAsync(gesprek.Start.AddDays(-2) - o.Silo.Klok.GetUtcNow() - TimeSpan.FromHours(1), campagne);
        Assert.DoesNotContain("herinnering", (await o.BerichtenAsync()).Select(b => b.Soort));
        await o.SpringAsync(TimeSpan.FromHours(1), campagne);
        Assert.Contains(("herinnering", "verzonden"), (await o.BerichtenAsync()).Select(b => (b.Soort, b.Status)));

        // The slot passes without an outcome: the klantmanager is prompted; nobody assumes a no-show.
        await o.SpringAsync(gesprek.Eind - o.Silo.Klok.GetUtcNow(), campagne);
        Assert.Equal("herinnerd", (await o.GesprekkenAsync()).Single().Status);
        var werklijst = await o.Grains.GetGrain<IKlantmanagerGrain>("KM1").GetWerklijstAsync();
        Assert.Equal(klant, Assert.Single(werklijst.GesprekkenZonderUitkomst).Klantnummer);
        Assert.Empty(werklijst.Gesprekken);
        var voortgang = (await campagne.GetVoortgangAsync())!;
        Assert.Equal((1, 1, 1, 0, 0), (voortgang.Funnel.Uitgenodigd, voortgang.Funnel.Herinnerd, voortgang.Funnel.ZonderUitkomst,
            voortgang.Funnel.NietVerschenenEenmaal, voortgang.Funnel.Gesproken));
        var historie = (await o.Grains.GetGrain<IKlantGrain>(klant).GetDossierAsync())!.Historie.Select(h => h.Gebeurtenis).ToList();
        Assert.Equal(1, historie.Count(h => h == "uitgenodigd"));
        Assert.Equal(1, historie.Count(h => h == "herinnerd"));
    }

    [Fact]
    public async Task Een_korte_uitnodigingstermijn_wordt_verzonden_ook_als_de_klok_net_na_het_moment_tikt()
    {
        // A campaign may invite one day ahead; the policy's "too late, plan again" minimum (3 days) must not
        // then catch every invitation, or nobody would ever be invited.
        await using var o = await CampagneOmgeving.StartAsync("camp-kort");
        await o.ImporteerAsync(1, "KM1");
        var campagne = await o.StartCampagneAsync(CampagneOmgeving.Definitie(d => d with { UitnodigingDagenVooraf = 1, HerinneringDagenVooraf = 0 }));
        var gesprek = (await o.GesprekkenAsync()).Single();

        await o.SpringAsync(gesprek.Start.AddDays(-1) - CampagneOmgeving.Begin + TimeSpan.FromMinutes(5), campagne);

        var na = (await o.GesprekkenAsync()).Single();
        Assert.Equal((gesprek.Id, gesprek.Start, "uitgenodigd"), (na.Id, na.Start, na.Status));
        Assert.Contains(("uitnodiging", "verzonden"), (await o.BerichtenAsync()).Select(b => (b.Soort, b.Status)));
    }

    [Fact]
    public async Task Twee_keer_niet_verschenen_zonder_reden_geeft_een_signaal_voor_handhaving_en_geen_maatregel()
    {
        await using var o = await CampagneOmgeving.StartAsync("camp-noshow");
        var klant = (await o.ImporteerAsync(1, "KM1"))[0];
        var campagne = await o.StartCampagneAsync(CampagneOmgeving.Definitie());

        var eerste = (await o.GesprekkenAsync()).Single();
        await o.SpringAsync(eerste.Eind - o.Silo.Klok.GetUtcNow(), campagne);
        var verwerking = await campagne.RegistreerUitkomstAsync(klant, eerste.Id, NietVerschenen(AfwezigheidReden.GeenReden));
        Assert.Equal(GesprekGevolg.NieuweUitnodiging, verwerking.Gevolg);
        Assert.NotNull(verwerking.NieuwGesprek);
        Assert.True(verwerking.NieuwGesprek!.Start >= o.Silo.Klok.GetUtcNow().AddDays(10));

        await o.SpringAsync(verwerking.NieuwGesprek.Eind - o.Silo.Klok.GetUtcNow(), campagne);
        var tweede = await campagne.RegistreerUitkomstAsync(klant, verwerking.NieuwGesprek.Id, NietVerschenen(AfwezigheidReden.GeenReden));
        Assert.Equal(GesprekGevolg.Handhavingssignaal, tweede.Gevolg);
        Assert.Null(tweede.NieuwGesprek);

        Assert.Equal(1L, await o.ScalarAsync<long>("SELECT count(*) FROM handhavingssignaal WHERE klantnummer = $1 AND status = 'open'", klant));
        var dossier = (await o.Grains.GetGrain<IKlantGrain>(klant).GetDossierAsync())!;
        Assert.Null(dossier.Uitstroom); // a signal, never a sanction or an end to the benefit
        Assert.True(dossier.InBestand);
        await CampagneOmgeving.WachtTotAsync(async () => (await o.Grains.GetGrain<IKlantGrain>(klant).GetDossierAsync())!
            .Historie.Any(h => h.Gebeurtenis == "handhavingssignaal"), "het signaal staat niet in de historie");
        var voortgang = (await campagne.GetVoortgangAsync())!;
        Assert.Equal((0, 1, 1), (voortgang.Funnel.NietVerschenenEenmaal, voortgang.Funnel.NietVerschenenMeermaals, voortgang.Funnel.Signalen));
        // The campaign closes itself in its next work turn (a real-time timer), not in the call that recorded the outcome.
        await CampagneOmgeving.WachtTotAsync(async () => (await campagne.GetAsync())!.Status == CampagneStatus.Afgerond,
            "de campagne werd niet afgerond na de laatste uitkomst");
    }

    [Fact]
    public async Task Afgemeld_of_niet_bezorgd_telt_niet_mee_en_geeft_een_nieuwe_uitnodiging()
    {
        await using var o = await CampagneOmgeving.StartAsync("camp-afgemeld");
        var klant = (await o.ImporteerAsync(1, "KM1"))[0];
        var campagne = await o.StartCampagneAsync(CampagneOmgeving.Definitie(d => d with
        {
            NietVerschenen = new NietVerschenenBeleid { SignaalNaAantal = 1, MaximaalUitnodigingen = 3 },
        }));
        var eerste = (await o.GesprekkenAsync()).Single();
        await o.SpringAsync(eerste.Eind - o.Silo.Klok.GetUtcNow(), campagne);

        var verwerking = await campagne.RegistreerUitkomstAsync(klant, eerste.Id, NietVerschenen(AfwezigheidReden.NietBezorgd));

        Assert.Equal(GesprekGevolg.NieuweUitnodiging, verwerking.Gevolg);
        Assert.Equal(0L, await o.ScalarAsync<long>("SELECT count(*) FROM handhavingssignaal"));
        var voortgang = (await campagne.GetVoortgangAsync())!;
        Assert.Equal(0, voortgang.Funnel.NietVerschenenEenmaal);
        Assert.Contains(new Telling("uitnodiging niet bezorgd", 1), voortgang.Afwezigheid);
    }

    [Fact]
    public async Task Een_gehouden_gesprek_legt_indeling_trede_route_en_afspraken_vast_en_plant_de_herbeoordeling()
    {
        await using var o = await CampagneOmgeving.StartAsync("camp-gehouden");
        var klant = (await o.ImporteerAsync(1, "KM1"))[0];
        var campagne = await o.StartCampagneAsync(CampagneOmgeving.Definitie());
        var gesprek = (await o.GesprekkenAsync()).Single();
        await o.SpringAsync(gesprek.Eind - o.Silo.Klok.GetUtcNow(), campagne);

        var uitkomst = Gehouden() with { Trede = 3, Route = "Leerwerktraject", Afspraken = "Start taalles in januari." };
        var verwerking = await campagne.RegistreerUitkomstAsync(klant, gesprek.Id, uitkomst);
        Assert.Equal(GesprekStatus.Gehouden, verwerking.Gesprek.Status);
        // The same outcome again is the same answer (a retried request); another outcome is refused.
        Assert.Equal(GesprekStatus.Gehouden, (await campagne.RegistreerUitkomstAsync(klant, gesprek.Id, uitkomst)).Gesprek.Status);
        var fout = await Assert.ThrowsAsync<OvergangGeweigerdException>(() =>
            campagne.RegistreerUitkomstAsync(klant, gesprek.Id, uitkomst with { Indeling = Indeling.ZonderAfstand }));
        Assert.Contains("al vastgelegd", fout.Message, StringComparison.Ordinal);

        var dossier = (await o.Grains.GetGrain<IKlantGrain>(klant).GetDossierAsync())!;
        Assert.Equal(Indeling.OverbrugbareAfstand, dossier.Indeling!.Indeling);
        Assert.Equal(3, dossier.Tredes.Single().Trede);
        Assert.Equal("leerwerktraject", dossier.Route!.Route);
        Assert.Equal(DateOnly.FromDateTime(gesprek.Start.UtcDateTime).AddMonths(6), dossier.Herbeoordeling!.Datum);
        Assert.Equal(1, dossier.Historie.Count(h => h.Gebeurtenis == "participatiegesprek"));
        var voortgang = (await campagne.GetVoortgangAsync())!;
        Assert.Equal(1, voortgang.Funnel.Gesproken);
        Assert.Contains(new Telling("overbrugbare afstand", 1), voortgang.Indelingen);
        Assert.Contains(new Telling("3", 1), voortgang.Tredes);
        Assert.Contains(new Telling("leerwerktraject", 1), voortgang.Uitkomsten.Routes);
        // The klant grain took this gesprek's outcome in once: asked again, it answers with that one.
        var bijKlant = await o.Grains.GetGrain<IKlantGrain>(klant).RegistreerGesprekUitkomstAsync(verwerking.Gesprek, uitkomst with { Trede = 5, Door = "KM2" });
        Assert.Equal(verwerking.Gesprek.Uitkomst, bijKlant);
        Assert.Single((await o.Grains.GetGrain<IKlantGrain>(klant).GetDossierAsync())!.Tredes);

        // "Laatste gesprek" is the gesprek held here (the gesprek table), for lists and for the next selection.
        var gehoudenOp = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(gesprek.Start, o.Silo.Klok.LocalTimeZone).DateTime);
        Assert.Equal(gehoudenOp, await o.ScalarAsync<DateOnly>("SELECT laatste_gesprek(laatste_gesprek, klantnummer) FROM klant_overzicht WHERE klantnummer = $1", klant));
        var daarna = await o.StartCampagneAsync(CampagneOmgeving.Definitie(d => d with { Selectie = new CampagneSelectie { NietGesprokenSinds = gehoudenOp } }), "daarna");
        Assert.Equal(0, (await daarna.GetVoortgangAsync())!.Funnel.Geselecteerd);
    }

    [Fact]
    public async Task Ongeldige_uitkomsten_worden_geweigerd_en_veranderen_niets()
    {
        await using var o = await CampagneOmgeving.StartAsync("camp-weiger");
        var klant = (await o.ImporteerAsync(1, "KM1"))[0];
        var campagne = await o.StartCampagneAsync(CampagneOmgeving.Definitie());
        var gesprek = (await o.GesprekkenAsync()).Single();

        var teVroeg = await Assert.ThrowsAsync<OvergangGeweigerdException>(() => campagne.RegistreerUitkomstAsync(klant, gesprek.Id, Gehouden()));
        Assert.Contains("begint pas", teVroeg.Message, StringComparison.Ordinal);

        await o.SpringAsync(gesprek.Eind - o.Silo.Klok.GetUtcNow(), campagne);
        var zonderIndeling = await Assert.ThrowsAsync<OngeldigeInvoerException>(() =>
            campagne.RegistreerUitkomstAsync(klant, gesprek.Id, Gehouden() with { Indeling = null }));
        Assert.Contains("indeling", zonderIndeling.Fouten.Keys);
        var onbekendeRoute = await Assert.ThrowsAsync<OvergangGeweigerdException>(() =>
            campagne.RegistreerUitkomstAsync(klant, gesprek.Id, Gehouden() with { Trede = 2, Route = "dwangarbeid" }));
        Assert.Contains("routelijst", onbekendeRoute.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<OvergangGeweigerdException>(() =>
            campagne.RegistreerUitkomstAsync(klant, Guid.NewGuid(), Gehouden()));

        var dossier = (await o.Grains.GetGrain<IKlantGrain>(klant).GetDossierAsync())!;
        Assert.Null(dossier.Indeling);
        Assert.Empty(dossier.Tredes);
        Assert.Contains((await o.GesprekkenAsync()).Single().Status, OpenStatussen);
        Assert.Equal(0, (await campagne.GetVoortgangAsync())!.Funnel.Gesproken);
    }

    [Fact]
    public async Task Pauzeren_houdt_uitnodigingen_tegen_hervatten_stuurt_ze_en_annuleren_trekt_alles_in()
    {
        await using var o = await CampagneOmgeving.StartAsync("camp-levensloop");
        await o.ImporteerAsync(8, "KM1");
        var campagne = await o.StartCampagneAsync(CampagneOmgeving.Definitie(d => d with
        {
            Capaciteit = d.Capaciteit with { GesprekkenPerDag = 1 },
        }));
        await Assert.ThrowsAsync<OvergangGeweigerdException>(() => campagne.HervatAsync("programmaleider"));
        await Assert.ThrowsAsync<OvergangGeweigerdException>(() => campagne.StartAsync("programmaleider"));

        await campagne.PauzeerAsync("programmaleider", "capaciteit nodig voor de jaarwisseling");
        var eerste = (await o.GesprekkenAsync()).MinBy(g => g.Start)!;
        await o.SpringAsync(eerste.Start.AddDays(-10) - o.Silo.Klok.GetUtcNow(), campagne);
        Assert.All(await o.GesprekkenAsync(), g => Assert.Equal("gepland", g.Status));

        // Resumed four days later: the first gesprek is six days away, so its invitation still goes out.
        await o.SpringAsync(TimeSpan.FromDays(4), campagne);
        await campagne.HervatAsync("programmaleider");
        await campagne.VerwerkTijdAsync();
        var naHervatten = await o.GesprekkenAsync();
        var uitgenodigd = naHervatten.Where(g => g.Status == "uitgenodigd").Select(g => g.Id).ToList();
        Assert.Contains(eerste.Id, uitgenodigd);
        Assert.All(naHervatten.Where(g => g.Status == "uitgenodigd"), g => Assert.True(g.Start - o.Silo.Klok.GetUtcNow() >= TimeSpan.FromDays(3)));

        await Assert.ThrowsAsync<OvergangGeweigerdException>(() => campagne.AnnuleerAsync("programmaleider", null));
        await campagne.AnnuleerAsync("programmaleider", "de gemeenteraad stopt het programma");
        await CampagneOmgeving.WachtTotRustigAsync(campagne);
        var naAnnuleren = await o.GesprekkenAsync();
        Assert.All(naAnnuleren, g => Assert.Equal("geannuleerd", g.Status));
        var berichten = await o.BerichtenAsync();
        Assert.Equal(uitgenodigd.Order(), berichten.Where(b => b is { Soort: "annulering", Status: "verzonden" }).Select(b => b.GesprekId).Order());
        Assert.Equal(naAnnuleren.Count - uitgenodigd.Count, berichten.Count(b => b is { Soort: "uitnodiging", Status: "ingetrokken" }));
        var stand = (await campagne.GetAsync())!;
        Assert.Equal(CampagneStatus.Geannuleerd, stand.Status);
        Assert.Equal([CampagneStatus.Concept, CampagneStatus.Actief, CampagneStatus.Gepauzeerd, CampagneStatus.Actief, CampagneStatus.Geannuleerd],
            stand.Historie.Select(h => h.Status));
        Assert.Empty((await o.Grains.GetGrain<IKlantmanagerGrain>("KM1").GetWerklijstAsync()).Gesprekken);
        Assert.Equal(8, (await campagne.GetVoortgangAsync())!.Funnel.Geannuleerd);
    }

    private static readonly string[] OpenStatussen = ["uitgenodigd", "herinnerd"];

    [Fact]
    public async Task Wie_uitstroomt_of_uit_het_bestand_gaat_krijgt_het_gesprek_afgezegd()
    {
        await using var o = await CampagneOmgeving.StartAsync("camp-vertrek");
        var klanten = await o.ImporteerAsync(3, "KM1");
        var campagne = await o.StartCampagneAsync(CampagneOmgeving.Definitie());
        var eerste = (await o.GesprekkenAsync()).MinBy(g => g.Start)!;
        await o.SpringAsync(eerste.Start.AddDays(-10) - o.Silo.Klok.GetUtcNow(), campagne); // the first is invited

        await o.Grains.GetGrain<IKlantGrain>(eerste.Klantnummer).RegistreerUitstroomAsync(
            new Uitstroom(DateOnly.FromDateTime(o.Silo.Klok.GetUtcNow().UtcDateTime), "werk (regulier)", "KM1"));
        var anderen = klanten.Where(k => k != eerste.Klantnummer).ToList();
        await o.Grains.GetGrain<IKlantGrain>(anderen[0]).VerlaatBestandAsync("import-2");
        await o.SpringAsync(TimeSpan.FromMinutes(2), campagne); // the campaign's reminder looks

        var gesprekken = (await o.GesprekkenAsync()).ToDictionary(g => g.Klantnummer);
        Assert.Equal("geannuleerd", gesprekken[eerste.Klantnummer].Status);
        Assert.Equal("geannuleerd", gesprekken[anderen[0]].Status);
        Assert.Equal("gepland", gesprekken[anderen[1]].Status);
        var berichten = await o.BerichtenAsync();
        Assert.Contains((eerste.Id, "annulering", "verzonden"), berichten);
        Assert.Contains((gesprekken[anderen[0]].Id, "uitnodiging", "ingetrokken"), berichten);
        Assert.Equal(2, (await campagne.GetVoortgangAsync())!.Funnel.Geannuleerd);
    }

    internal static GesprekUitkomst NietVerschenen(AfwezigheidReden reden) =>
        new() { Verschenen = false, Afwezigheid = reden, Door = "KM1" };

    internal static GesprekUitkomst Gehouden() =>
        new() { Verschenen = true, Indeling = Indeling.OverbrugbareAfstand, Door = "KM1" };
}
