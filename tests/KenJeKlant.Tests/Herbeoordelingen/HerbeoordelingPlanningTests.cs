using KenJeKlant.Abstractions.Herbeoordelingen;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Abstractions.Werklijsten;
using KenJeKlant.Tests.Infrastructure;
using KenJeKlant.Tests.Klanten;
using KenJeKlant.Tests.Storage;

namespace KenJeKlant.Tests.Herbeoordelingen;

/// <summary>Due dates per policy, prompts on the werklijst, rescheduling, reassignment, policy change.</summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class HerbeoordelingPlanningTests(KlantClusterFixture fixture) : IClassFixture<KlantClusterFixture>
{
    private static readonly DateOnly Vandaag = DateOnly.FromDateTime(KlantClusterFixture.Start.UtcDateTime);

    private async Task<(IKlantGrain Grain, KlantProfiel Profiel)> ImporteerAsync(Func<KlantProfiel, KlantProfiel>? aanpassen = null)
    {
        var profiel = Profielen.Nieuw(klantmanager: $"KM-{Guid.NewGuid():N}");
        profiel = aanpassen?.Invoke(profiel) ?? profiel;
        var grain = fixture.Grains.GetGrain<IKlantGrain>(profiel.Klantnummer);
        await grain.ImporteerAsync(profiel, "import-1");
        return (grain, profiel);
    }

    private static async Task<HerbeoordelingStand> StandAsync(IKlantGrain grain) => (await grain.GetDossierAsync())!.Herbeoordeling!;

    private Task<Werklijst> WerklijstAsync(string klantmanager) => fixture.Grains.GetGrain<IKlantmanagerGrain>(klantmanager).GetWerklijstAsync();

    // What an import does for a client it has never seen: the state written in bulk, no grain activated.
    private async Task<KlantProfiel> SchrijfInBulkAsync(KlantProfiel profiel)
    {
        var klok = new KenJeKlant.Grains.Domeinklok(fixture.Silo.Klok);
        var staat = KenJeKlant.Grains.Klanten.NieuweKlant.Staat(profiel, "import-1", klok, fixture.Silo.Herbeoordeling.CurrentValue);
        await using var db = Npgsql.NpgsqlDataSource.Create(fixture.Database);
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        Assert.Equal([profiel.Klantnummer], await KenJeKlant.Host.Klanten.KlantOpslag.VoegNieuweToeAsync(conn, tx, [staat]));
        await tx.CommitAsync();
        return profiel;
    }

    [Fact]
    public async Task Een_nieuwe_klant_in_bulk_geschreven_is_dezelfde_als_een_die_de_grain_importeerde()
    {
        var (viaGrain, profiel) = await ImporteerAsync(p => p with { LaatsteGesprek = Vandaag.AddMonths(-2) });
        var inBulk = await SchrijfInBulkAsync(profiel with { Klantnummer = profiel.Klantnummer + "-B" });

        var verwacht = (await viaGrain.GetDossierAsync())!;
        var gelezen = (await fixture.Grains.GetGrain<IKlantGrain>(inBulk.Klantnummer).GetDossierAsync())!;
        Assert.Equal(inBulk, gelezen.Profiel);
        Assert.Equal(verwacht.Herbeoordeling, gelezen.Herbeoordeling);
        Assert.Equal(verwacht.Historie, gelezen.Historie);
        Assert.Equal((verwacht.InBestand, verwacht.Indeling, verwacht.Route), (gelezen.InBestand, gelezen.Indeling, gelezen.Route));
        var rijen = await fixture.Overzichten.ZoekAsync(new(Zoek: profiel.Klantnummer), 1, 10, CancellationToken.None);
        Assert.Equal(2, rijen.Items.Count);
        Assert.Single(rijen.Items.Select(r => (r.Naam, r.Klantmanager, r.HerbeoordelingDatum)).Distinct());
    }

    [Fact]
    public async Task Een_nieuwe_klant_in_bulk_geschreven_die_al_aan_de_beurt_is_krijgt_zijn_melding_van_de_scanners()
    {
        var profiel = await SchrijfInBulkAsync(Profielen.Nieuw(klantmanager: $"KM-{Guid.NewGuid():N}"));
        Assert.Empty((await WerklijstAsync(profiel.Klantmanager)).HerbeoordelingenTeLaat);

        var scanners = fixture.Silo.Herbeoordeling.CurrentValue.Scanners;
        var bijgewerkt = await Task.WhenAll(Enumerable.Range(0, scanners).Select(n => fixture.Grains.GetGrain<IHerbeoordelingScannerGrain>(n).ScanAsync()));

        Assert.True(bijgewerkt.Sum() >= 1);
        var item = Assert.Single((await WerklijstAsync(profiel.Klantmanager)).HerbeoordelingenTeLaat);
        Assert.Equal(profiel.Klantnummer, item.Klantnummer);
        Assert.Equal(HerbeoordelingStatus.TeLaat, (await StandAsync(fixture.Grains.GetGrain<IKlantGrain>(profiel.Klantnummer))).Status);
    }

    [Fact]
    public async Task Wie_nooit_gesproken_is_komt_acht_weken_na_de_start_aan_de_beurt_en_staat_te_laat_op_de_werklijst()
    {
        var (grain, profiel) = await ImporteerAsync();

        var stand = await StandAsync(grain);
        Assert.Equal(profiel.StartdatumUitkering.AddDays(56), stand.Datum);
        Assert.Contains("nog nooit gesproken", stand.Grond);
        Assert.Equal(HerbeoordelingStatus.TeLaat, stand.Status);
        var item = Assert.Single((await WerklijstAsync(profiel.Klantmanager)).HerbeoordelingenTeLaat);
        Assert.Equal(profiel.Klantnummer, item.Klantnummer);
    }

    [Fact]
    public async Task Wie_gesproken_maar_niet_ingedeeld_is_komt_een_jaar_na_dat_gesprek_terug()
    {
        var (grain, _) = await ImporteerAsync(p => p with { LaatsteGesprek = Vandaag.AddMonths(-2) });

        var stand = await StandAsync(grain);
        Assert.Equal(Vandaag.AddMonths(10), stand.Datum);
        Assert.Equal(HerbeoordelingStatus.Gepland, stand.Status);
    }

    [Theory]
    [InlineData(Indeling.ZonderAfstand, 3)]
    [InlineData(Indeling.OverbrugbareAfstand, 6)]
    [InlineData(Indeling.OnoverbrugbareAfstand, 12)]
    public async Task Een_indeling_plant_de_volgende_herbeoordeling_en_haalt_de_melding_weg(Indeling indeling, int maanden)
    {
        var (grain, profiel) = await ImporteerAsync();
        Assert.Single((await WerklijstAsync(profiel.Klantmanager)).HerbeoordelingenTeLaat);

        await grain.RegistreerIndelingAsync(new IndelingRegistratie(indeling, Vandaag, "KM001"));

        var stand = await StandAsync(grain);
        Assert.Equal(Vandaag.AddMonths(maanden), stand.Datum);
        Assert.Equal(HerbeoordelingStatus.Gepland, stand.Status);
        var werklijst = await WerklijstAsync(profiel.Klantmanager);
        Assert.Empty(werklijst.HerbeoordelingenTeLaat);
        Assert.Empty(werklijst.HerbeoordelingenAanDeBeurt);
    }

    [Fact]
    public async Task Een_ontheffing_wordt_op_haar_einddatum_herbeoordeeld()
    {
        var (grain, _) = await ImporteerAsync();
        await grain.RegistreerIndelingAsync(new IndelingRegistratie(Indeling.OnoverbrugbareAfstand, Vandaag.AddDays(-1), "KM001"));

        await grain.VerleenOntheffingAsync(new Ontheffing(Vandaag, Vandaag.AddMonths(4), "art. 9 lid 2", "KM001"));

        var stand = await StandAsync(grain);
        Assert.Equal(Vandaag.AddMonths(4), stand.Datum);
        Assert.Contains("einde ontheffing", stand.Grond);
    }

    [Fact]
    public async Task Een_alleenstaande_ouder_met_ontheffing_op_grond_van_art_9a_wordt_elk_half_jaar_gezien()
    {
        var (grain, _) = await ImporteerAsync(p => p with { Huishouden = Huishouden.AlleenstaandeOuder });

        await grain.VerleenOntheffingAsync(new Ontheffing(Vandaag, Vandaag.AddMonths(12), "art. 9a", "KM001"));

        var stand = await StandAsync(grain);
        Assert.Equal(Vandaag.AddMonths(6), stand.Datum);
        Assert.Contains("alleenstaande ouder", stand.Grond);
    }

    [Fact]
    public async Task Een_afgesproken_datum_geldt_tot_de_volgende_beoordeling()
    {
        var (grain, _) = await ImporteerAsync();

        await Assert.ThrowsAsync<OvergangGeweigerdException>(() => grain.SpreekHerbeoordelingAfAsync(new HerbeoordelingAfspraak(Vandaag.AddDays(10), " ", "KM001")));
        await Assert.ThrowsAsync<OvergangGeweigerdException>(() => grain.SpreekHerbeoordelingAfAsync(new HerbeoordelingAfspraak(Vandaag.AddDays(-1), "te vroeg", "KM001")));
        await grain.SpreekHerbeoordelingAfAsync(new HerbeoordelingAfspraak(Vandaag.AddDays(10), "na afronding schuldhulptraject", "KM001"));
        var afgesproken = await StandAsync(grain);
        Assert.Equal(Vandaag.AddDays(10), afgesproken.Datum);
        Assert.Contains("schuldhulptraject", afgesproken.Grond);

        await grain.RegistreerIndelingAsync(new IndelingRegistratie(Indeling.ZonderAfstand, Vandaag, "KM001"));

        Assert.Equal(Vandaag.AddMonths(3), (await StandAsync(grain)).Datum);
    }

    [Fact]
    public async Task Na_uitstroom_is_er_geen_herbeoordeling_en_geen_melding_meer()
    {
        var (grain, profiel) = await ImporteerAsync();

        await grain.RegistreerUitstroomAsync(new Uitstroom(Vandaag, "verhuizing", "KM001"));

        Assert.Null((await grain.GetDossierAsync())!.Herbeoordeling);
        Assert.Empty((await WerklijstAsync(profiel.Klantmanager)).HerbeoordelingenTeLaat);
    }

    [Fact]
    public async Task Herverdeling_verplaatst_de_melding_naar_de_nieuwe_klantmanager()
    {
        var (grain, profiel) = await ImporteerAsync();
        var nieuweKlantmanager = $"KM-{Guid.NewGuid():N}";

        await grain.ImporteerAsync(profiel with { Klantmanager = nieuweKlantmanager }, "import-2");

        Assert.Empty((await WerklijstAsync(profiel.Klantmanager)).HerbeoordelingenTeLaat);
        Assert.Equal(profiel.Klantnummer, Assert.Single((await WerklijstAsync(nieuweKlantmanager)).HerbeoordelingenTeLaat).Klantnummer);
    }

    [Fact]
    public async Task Een_beleidswijziging_plant_de_betrokken_klanten_opnieuw()
    {
        var (grain, _) = await ImporteerAsync();
        await grain.RegistreerIndelingAsync(new IndelingRegistratie(Indeling.ZonderAfstand, Vandaag, "KM001"));
        Assert.Equal(Vandaag.AddMonths(3), (await StandAsync(grain)).Datum);
        try
        {
            var strenger = KlantSilo.StandaardHerbeoordeling();
            strenger.MaandenPerIndeling[Indeling.ZonderAfstand] = 1;
            fixture.Silo.Herbeoordeling.CurrentValue = strenger;

            Assert.True(await grain.HerplanHerbeoordelingAsync());
            Assert.False(await grain.HerplanHerbeoordelingAsync());
            Assert.Equal(Vandaag.AddMonths(1), (await StandAsync(grain)).Datum);
        }
        finally
        {
            fixture.Silo.Herbeoordeling.CurrentValue = KlantSilo.StandaardHerbeoordeling();
        }
    }
}
