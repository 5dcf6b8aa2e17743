using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Tests.Storage;

namespace KenJeKlant.Tests.Campagnes;

/// <summary>The fan-out survives a stopped silo, and the campaign's counts equal what the klant grains hold.</summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class CampagneHerstelTests
{
    [Fact]
    public async Task Een_silo_gestopt_midden_in_het_uitnodigen_nodigt_na_de_herstart_iedereen_precies_een_keer_uit()
    {
        await using var o = await CampagneOmgeving.StartAsync("camp-herstel");
        o.Silo.Campagne.CurrentValue = Langzaam();
        var klanten = await o.ImporteerAsync(400, "KM1", "KM2", "KM3", "KM4");
        var campagne = o.Grains.GetGrain<ICampagneGrain>("herstel");
        await campagne.MaakAsync(CampagneOmgeving.Definitie(), "programmaleider");
        await campagne.StartAsync("programmaleider");
        await CampagneOmgeving.WachtTotAsync(async () => await o.ScalarAsync<long>("SELECT count(*) FROM gesprek") > 0, "het uitnodigen begon niet");

        await o.Cluster.StopAllSilosAsync();
        var halverwege = await o.ScalarAsync<long>("SELECT count(*) FROM gesprek");
        Assert.InRange(halverwege, 1, klanten.Count - 1);

        // Only the campaign's reminder brings it back: nobody calls it.
        await o.StartClusterAsync();
        o.Silo.Campagne.CurrentValue = Kernwaarden();
        var opnieuw = o.Grains.GetGrain<ICampagneGrain>("herstel");
        await CampagneOmgeving.WachtTotAsync(async () =>
        {
            o.Silo.Klok.Advance(TimeSpan.FromMinutes(1));
            return await o.ScalarAsync<long>("SELECT count(*) FROM gesprek") == klanten.Count;
        }, "de campagne ging na de herstart niet verder");
        await CampagneOmgeving.WachtTotRustigAsync(opnieuw);

        var gesprekken = await o.GesprekkenAsync();
        Assert.Equal(klanten.Order(StringComparer.Ordinal), gesprekken.Select(g => g.Klantnummer));
        Assert.All(gesprekken, g => Assert.Equal(1, g.Poging));
        Assert.Equal(klanten.Count, (await o.BerichtenAsync()).Count);
        foreach (var dag in gesprekken.GroupBy(g => (g.Klantmanager, g.Start)))
            Assert.True(dag.Count() == 1, $"{dag.Key.Klantmanager} heeft twee gesprekken op {dag.Key.Start}");
        foreach (var nummer in klanten)
            Assert.Single((await o.Grains.GetGrain<IKlantGrain>(nummer).GetDossierAsync())!.Gesprekken);
        var voortgang = (await opnieuw.GetVoortgangAsync())!;
        Assert.Equal((klanten.Count, klanten.Count), (voortgang.Funnel.Geselecteerd, voortgang.Funnel.Ingepland));
        // Counted again from the table after the restart: the wijk came along in the gesprek rows.
        Assert.Equal(0L, await o.ScalarAsync<long>(
            "SELECT count(*) FROM gesprek g JOIN klant_overzicht k USING (klantnummer) WHERE g.wijk IS DISTINCT FROM k.wijk"));
        Assert.Equal([("Centrum", klanten.Count)], voortgang.PerWijk.Select(w => (w.Wijk, w.Ingepland)));
    }

    [Fact]
    public async Task De_voortgang_is_gelijk_aan_de_som_over_de_klantgrains()
    {
        await using var o = await CampagneOmgeving.StartAsync("camp-som");
        var klanten = await o.ImporteerAsync(24, "KM1", "KM2");
        var campagne = await o.StartCampagneAsync(CampagneOmgeving.Definitie());
        var eersteRonde = await o.GesprekkenAsync();
        await o.SpringAsync(eersteRonde.Max(g => g.Eind) - o.Silo.Klok.GetUtcNow(), campagne);

        // A mix like the pilots: most come, some do not, some sent word.
        var uitkomsten = new[]
        {
            CampagneTests.Gehouden(), CampagneTests.Gehouden() with { Indeling = Indeling.ZonderAfstand, Trede = 5 },
            CampagneTests.Gehouden() with { Indeling = Indeling.OnoverbrugbareAfstand, OntheffingTot = DateOnly.FromDateTime(o.Silo.Klok.GetUtcNow().UtcDateTime).AddMonths(6), OntheffingGrond = "art. 9 lid 2" },
            CampagneTests.Gehouden() with { UitstroomReden = "werk (regulier)" },
            CampagneTests.NietVerschenen(AfwezigheidReden.GeenReden), CampagneTests.NietVerschenen(AfwezigheidReden.Afgemeld),
        };
        for (var i = 0; i < eersteRonde.Count - 3; i++) // three are left without an outcome
            await campagne.RegistreerUitkomstAsync(eersteRonde[i].Klantnummer, eersteRonde[i].Id, uitkomsten[i % uitkomsten.Length]);
        await CampagneOmgeving.WachtTotRustigAsync(campagne);

        var dossiers = new List<KlantDossier>();
        foreach (var nummer in klanten) dossiers.Add((await o.Grains.GetGrain<IKlantGrain>(nummer).GetDossierAsync())!);
        var perKlant = dossiers.Select(d => d.Gesprekken.Where(g => g.CampagneId == "ik-doe-mee").OrderBy(g => g.Poging).ToList()).ToList();
        var voortgang = (await campagne.GetVoortgangAsync())!;

        Assert.Equal(perKlant.Count(g => g.Count > 0), voortgang.Funnel.Ingepland);
        Assert.Equal(perKlant.Count(g => g.Any(x => x.UitnodigingVerzondenOp is not null)), voortgang.Funnel.Uitgenodigd);
        Assert.Equal(perKlant.Count(g => g.Any(x => x.HerinneringVerzondenOp is not null)), voortgang.Funnel.Herinnerd);
        Assert.Equal(perKlant.Count(g => g.Any(x => x.Status == GesprekStatus.Gehouden)), voortgang.Funnel.Gesproken);
        Assert.Equal(perKlant.Count(g => g.Count(x => x.Uitkomst?.Afwezigheid == AfwezigheidReden.GeenReden) == 1), voortgang.Funnel.NietVerschenenEenmaal);
        Assert.Equal(perKlant.Count(g => g.Count > 0 && g[^1].IsOpen && g[^1].Eind <= o.Silo.Klok.GetUtcNow()), voortgang.Funnel.ZonderUitkomst);
        Assert.Equal(dossiers.Count(d => d.Indeling?.Indeling == Indeling.OverbrugbareAfstand),
            voortgang.Indelingen.SingleOrDefault(t => t.Naam == "overbrugbare afstand")?.Aantal ?? 0);
        Assert.Equal(dossiers.Count(d => d.Uitstroom is not null), voortgang.Uitkomsten.UitkeringBeeindigd);
        Assert.Equal(dossiers.Count(d => d.Ontheffing is not null), voortgang.Uitkomsten.OntheffingArbeidsplicht);
        Assert.Equal(3, voortgang.Funnel.ZonderUitkomst);
        Assert.True(voortgang.Funnel.Gesproken > 0 && voortgang.Funnel.NietVerschenenEenmaal > 0);
        Assert.Equal(perKlant.Sum(g => g.Count(x => x.Status != GesprekStatus.Geannuleerd)), voortgang.PerWeek.Sum(w => w.Gepland));
    }

    private static KenJeKlant.Grains.Beleid.CampagneBeleid Langzaam()
    {
        // Small batches and short turns, so the stop surely falls between two batches.
        var beleid = Kernwaarden();
        beleid.Batchgrootte = 10;
        beleid.WerkPerBeurt = TimeSpan.FromMilliseconds(1);
        beleid.Tik = TimeSpan.FromMilliseconds(200);
        return beleid;
    }

    private static KenJeKlant.Grains.Beleid.CampagneBeleid Kernwaarden() => Infrastructure.KlantSilo.SnelleCampagne();
}
