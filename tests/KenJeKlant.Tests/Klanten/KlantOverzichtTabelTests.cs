using KenJeKlant.Abstractions.Herbeoordelingen;
using KenJeKlant.Grains.Werklijsten;
using KenJeKlant.Host.Klanten;
using KenJeKlant.Tests.Infrastructure;
using Npgsql;

namespace KenJeKlant.Tests.Klanten;

/// <summary>The klant read model against its table: every column by name, and an unchanged row is not rewritten.</summary>
public sealed class KlantOverzichtTabelTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Nu = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private string _database = "";
    private NpgsqlDataSource? _db;

    private PostgresKlantOverzichten Overzichten => new(_db ?? throw new InvalidOperationException("Niet gestart."));

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync("klanttabel");
        _db = NpgsqlDataSource.Create(_database);
    }

    public async Task DisposeAsync()
    {
        if (_db is not null) await _db.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(_database);
    }

    private static KlantOverzicht Klant(string klantnummer, string klantmanager = "km1") => new()
    {
        Klantnummer = klantnummer,
        Naam = "Naam " + klantnummer,
        Postcode = "1234AB",
        Klantmanager = klantmanager,
        Huishouden = Huishouden.Alleenstaand,
        Geboortedatum = new DateOnly(1990, 5, 17),
        StartdatumUitkering = new DateOnly(2024, 1, 1),
        Doelgroepen = Doelgroepen.Geen,
        InBestand = true,
        BijgewerktOp = Nu,
    };

    [Fact]
    public async Task Elke_kolom_komt_terug_zoals_hij_geschreven_is()
    {
        var leeg = Klant("K1");
        var vol = Klant("K2") with
        {
            Wijk = "Centrum",
            Huishouden = Huishouden.SamenwonendMetKinderen,
            LaatsteGesprek = new DateOnly(2025, 11, 3),
            Doelgroepen = new Doelgroepen { Statushouder = true, SchoolverlaterProVso = true, Arbeidsbeperking = true, Doelgroepregister = true },
            InBestand = false,
            Indeling = Indeling.OnoverbrugbareAfstand,
            Trede = 2,
            Route = "zorg",
            OntheffingTot = new DateOnly(2026, 12, 31),
            UitstroomReden = "verhuisd",
            HerbeoordelingDatum = new DateOnly(2026, 4, 1),
            HerbeoordelingGrond = "elk jaar",
            HerbeoordelingGemeld = HerbeoordelingStatus.AanDeBeurt,
        };
        await Overzichten.SchrijfAsync(leeg);
        await Overzichten.SchrijfAsync(vol);

        var pagina = await Overzichten.ZoekAsync(new KlantFilter(), 1, 10, default);
        Assert.Equal(2, pagina.Totaal);
        Assert.Equal([leeg, vol], pagina.Items);

        var werklijst = await ((IWerklijstBron)Overzichten).HerbeoordelingenAsync("km1", default);
        var item = Assert.Single(werklijst);
        Assert.Equal(("K2", new DateOnly(2026, 4, 1), "elk jaar"), (item.Klantnummer, item.Datum, item.Omschrijving));
    }

    [Fact]
    public async Task Een_ongewijzigde_klant_wordt_niet_herschreven_een_gewijzigde_wel()
    {
        var klant = Klant("K1");
        await Overzichten.SchrijfAsync(klant);
        await Overzichten.SchrijfAsync(klant with { BijgewerktOp = Nu.AddDays(1) });
        Assert.Equal(Nu, Assert.Single((await Overzichten.ZoekAsync(new KlantFilter(), 1, 10, default)).Items).BijgewerktOp);

        var gewijzigd = klant with { Route = "werk", BijgewerktOp = Nu.AddDays(2) };
        await Overzichten.SchrijfAsync(gewijzigd);
        Assert.Equal(gewijzigd, Assert.Single((await Overzichten.ZoekAsync(new KlantFilter(), 1, 10, default)).Items));
    }

    [Fact]
    public async Task Filters_en_paginas_zoeken_op_naam_en_tellen_alles()
    {
        for (var i = 0; i < 5; i++) await Overzichten.SchrijfAsync(Klant($"K{i}", i < 3 ? "km1" : "km2") with { Wijk = i % 2 == 0 ? "Noord" : "Zuid" });
        await Overzichten.SchrijfAsync(Klant("K_9", "km3") with { Naam = "100% zeker" });

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
