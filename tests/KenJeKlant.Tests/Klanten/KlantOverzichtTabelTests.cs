using KenJeKlant.Abstractions.Herbeoordelingen;
using KenJeKlant.Grains;
using KenJeKlant.Grains.Herbeoordelingen;
using KenJeKlant.Grains.Klanten;
using KenJeKlant.Grains.Werklijsten;
using KenJeKlant.Host.Klanten;
using KenJeKlant.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Orleans.Storage;

namespace KenJeKlant.Tests.Klanten;

/// <summary>
/// The klant storage and the read model against their tables: a write stores the state and its row in one
/// transaction, every column comes back by name, an unchanged row is not rewritten, a stale write is refused.
/// </summary>
public sealed class KlantOverzichtTabelTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Nu = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _klok = new(Nu);
    private string _database = "";
    private NpgsqlDataSource? _db;
    // As Orleans holds it; disposed as the silo would (it owns its pool and its batching workers).
    private IGrainStorage? _opslag;

    private PostgresKlantOverzichten Overzichten => new(_db ?? throw new InvalidOperationException("Niet gestart."));

    private IGrainStorage Opslag => _opslag ?? throw new InvalidOperationException("Niet gestart.");

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync("klanttabel");
        _db = NpgsqlDataSource.Create(_database);
        _opslag = new KlantOpslag(NpgsqlDataSource.Create(_database), new Domeinklok(_klok));
    }

    public async Task DisposeAsync()
    {
        if (_opslag is IAsyncDisposable opslag) await opslag.DisposeAsync();
        if (_db is not null) await _db.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(_database);
    }

    private static KlantState Klant(string klantnummer, string klantmanager = "km1") => new()
    {
        Profiel = new KlantProfiel
        {
            Klantnummer = klantnummer,
            Naam = "Naam " + klantnummer,
            Postcode = "1234AB",
            Klantmanager = klantmanager,
            Huishouden = Huishouden.Alleenstaand,
            Geboortedatum = new DateOnly(1990, 5, 17),
            StartdatumUitkering = new DateOnly(2024, 1, 1),
        },
        InBestand = true,
    };

    private static GrainId Id(string klantnummer) => GrainId.Create("klant", klantnummer);

    /// <summary>Writes through the storage as a klant grain does: read first (for the ETag), then write.</summary>
    private async Task<GrainState<KlantState>> SchrijfAsync(KlantState staat)
    {
        var opgeslagen = new GrainState<KlantState>();
        await Opslag.ReadStateAsync("klant", Id(staat.Profiel!.Klantnummer), opgeslagen);
        opgeslagen.State = staat;
        await Opslag.WriteStateAsync("klant", Id(staat.Profiel.Klantnummer), opgeslagen);
        return opgeslagen;
    }

    [Fact]
    public async Task Elke_kolom_komt_terug_zoals_de_staat_hem_zegt()
    {
        var leeg = Klant("K1");
        var vol = Klant("K2");
        vol.Profiel = vol.Profiel! with
        {
            Wijk = "Centrum",
            Huishouden = Huishouden.SamenwonendMetKinderen,
            LaatsteGesprek = new DateOnly(2025, 11, 3),
            Doelgroepen = new Doelgroepen { Statushouder = true, SchoolverlaterProVso = true, Arbeidsbeperking = true, Doelgroepregister = true },
        };
        vol.InBestand = false;
        vol.Indeling = new IndelingRegistratie(Indeling.OnoverbrugbareAfstand, new DateOnly(2026, 1, 5), "km1");
        vol.Tredes.Add(new TredeMeting(1, new DateOnly(2025, 6, 1), "km1"));
        vol.Tredes.Add(new TredeMeting(2, new DateOnly(2026, 1, 5), "km1"));
        vol.Route = new RouteToewijzing("zorg", new DateOnly(2026, 1, 5), "km1");
        vol.Ontheffing = new Ontheffing(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), "medisch", "km1");
        vol.Uitstroom = new Uitstroom(new DateOnly(2026, 2, 1), "verhuisd", "km1");
        vol.Herbeoordeling = new HerbeoordelingPlanning(new DateOnly(2026, 4, 1), "elk jaar");
        vol.HerbeoordelingGemeld = new HerbeoordelingMelding(new DateOnly(2026, 4, 1), HerbeoordelingStatus.AanDeBeurt, "km1");
        vol.HerbeoordelingControle = new DateTimeOffset(2026, 4, 14, 22, 0, 0, TimeSpan.Zero);
        await SchrijfAsync(leeg);
        await SchrijfAsync(vol);

        var pagina = await Overzichten.ZoekAsync(new KlantFilter(), 1, 10, default);
        Assert.Equal(2, pagina.Totaal);
        Assert.Equal([KlantOverzichtMapper.Van(leeg, Nu), KlantOverzichtMapper.Van(vol, Nu)], pagina.Items);
        Assert.Equal(2, pagina.Items[1].Trede);

        var werklijst = await ((IWerklijstBron)Overzichten).HerbeoordelingenAsync("km1", default);
        var item = Assert.Single(werklijst);
        Assert.Equal(("K2", new DateOnly(2026, 4, 1), "elk jaar"), (item.Klantnummer, item.Datum, item.Omschrijving));

        // The state reads back as it was written (stable JSON names, decision 3).
        var terug = new GrainState<KlantState>();
        await Opslag.ReadStateAsync("klant", Id("K2"), terug);
        Assert.True(terug.RecordExists);
        Assert.Equal(KlantOverzichtMapper.Van(vol, Nu), KlantOverzichtMapper.Van(terug.State!, Nu));
        Assert.Equal(vol.Historie.Count, terug.State!.Historie.Count);
    }

    [Fact]
    public async Task Een_ongewijzigde_klant_wordt_niet_herschreven_een_gewijzigde_wel()
    {
        var klant = Klant("K1");
        await SchrijfAsync(klant);
        _klok.Advance(TimeSpan.FromDays(1));
        await SchrijfAsync(klant);
        Assert.Equal(Nu, Assert.Single((await Overzichten.ZoekAsync(new KlantFilter(), 1, 10, default)).Items).BijgewerktOp);

        klant.Route = new RouteToewijzing("werk", new DateOnly(2026, 3, 2), "km1");
        await SchrijfAsync(klant);
        var rij = Assert.Single((await Overzichten.ZoekAsync(new KlantFilter(), 1, 10, default)).Items);
        Assert.Equal(("werk", Nu.AddDays(1)), (rij.Route, rij.BijgewerktOp));
    }

    [Fact]
    public async Task Een_schrijfactie_van_een_verouderde_activatie_wordt_geweigerd_en_laat_de_rij_staan()
    {
        var eerste = await SchrijfAsync(Klant("K1"));
        var verouderd = new GrainState<KlantState> { State = Klant("K1"), ETag = eerste.ETag, RecordExists = true };
        eerste.State!.Route = new RouteToewijzing("werk", new DateOnly(2026, 3, 2), "km1");
        await Opslag.WriteStateAsync("klant", Id("K1"), eerste);

        verouderd.State.Route = new RouteToewijzing("zorg", new DateOnly(2026, 3, 2), "km1");
        await Assert.ThrowsAsync<InconsistentStateException>(() => Opslag.WriteStateAsync("klant", Id("K1"), verouderd));
        // A second first write (two activations that both found nothing) loses on the key.
        var tweedeNieuwe = new GrainState<KlantState> { State = Klant("K1") };
        await Assert.ThrowsAsync<InconsistentStateException>(() => Opslag.WriteStateAsync("klant", Id("K1"), tweedeNieuwe));

        Assert.Equal("werk", Assert.Single((await Overzichten.ZoekAsync(new KlantFilter(), 1, 10, default)).Items).Route);
    }

    [Fact]
    public async Task Veel_gelijktijdige_schrijfacties_komen_elk_met_hun_eigen_versie_aan()
    {
        var staten = Enumerable.Range(0, 2_000).Select(i => Klant($"K{i:D5}", $"km{i % 7}")).ToList();
        await Task.WhenAll(staten.Select(SchrijfAsync));
        await Task.WhenAll(staten.Select(s => { s.InBestand = false; return SchrijfAsync(s); }));

        Assert.Equal(2_000, await Overzichten.AantalAsync(default));
        Assert.Equal(0, (await Overzichten.ZoekAsync(new KlantFilter(InBestand: true), 1, 10, default)).Totaal);
        await using var cmd = _db!.CreateCommand("SELECT count(*) FILTER (WHERE versie = 2), count(*) FROM klant_staat");
        await using var lezer = await cmd.ExecuteReaderAsync();
        await lezer.ReadAsync();
        Assert.Equal((2_000L, 2_000L), (lezer.GetInt64(0), lezer.GetInt64(1)));
    }

    [Fact]
    public async Task Filters_en_paginas_zoeken_op_naam_en_tellen_alles()
    {
        for (var i = 0; i < 5; i++)
        {
            var klant = Klant($"K{i}", i < 3 ? "km1" : "km2");
            klant.Profiel = klant.Profiel! with { Wijk = i % 2 == 0 ? "Noord" : "Zuid" };
            await SchrijfAsync(klant);
        }
        var procent = Klant("K_9", "km3");
        procent.Profiel = procent.Profiel! with { Naam = "100% zeker" };
        await SchrijfAsync(procent);

        var tweede = await Overzichten.ZoekAsync(new KlantFilter(Caseload: ["km1", "km2"]), 2, 2, default);
        Assert.Equal(5, tweede.Totaal);
        Assert.Equal(["K2", "K3"], tweede.Items.Select(k => k.Klantnummer));
        Assert.Equal(["K0", "K2"], (await Overzichten.ZoekAsync(new KlantFilter(Klantmanager: "km1", Wijk: "Noord"), 1, 10, default)).Items.Select(k => k.Klantnummer));
        // LIKE's wildcards in the search text are meant literally.
        Assert.Equal(["K_9"], (await Overzichten.ZoekAsync(new KlantFilter(Zoek: "0% Z"), 1, 10, default)).Items.Select(k => k.Klantnummer));
        Assert.Equal(["K_9"], (await Overzichten.ZoekAsync(new KlantFilter(Zoek: "k_"), 1, 10, default)).Items.Select(k => k.Klantnummer));
        Assert.Equal("km2", await Overzichten.KlantmanagerVanAsync("K4", default));
        Assert.Null(await Overzichten.KlantmanagerVanAsync("K404", default));
        Assert.Equal(6, await Overzichten.AantalAsync(default));
    }
}
