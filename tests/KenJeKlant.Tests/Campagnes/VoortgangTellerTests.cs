using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Grains.Campagnes;

namespace KenJeKlant.Tests.Campagnes;

/// <summary>Counting as gesprekken change gives the same progress as counting all stored gesprekken afresh.</summary>
public sealed class VoortgangTellerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Bijhouden_per_wijziging_is_gelijk_aan_opnieuw_tellen(int seed)
    {
        var kans = new Random(seed);
        var bijgehouden = new CampagneGesprekken();
        var alle = new Dictionary<Guid, GesprekRij>();
        for (var stap = 0; stap < 3000; stap++)
        {
            var klant = $"K{kans.Next(60):D3}";
            var bestaand = alle.Values.Where(r => r.Klantnummer == klant).OrderBy(r => r.Poging).ToList();
            var rij = bestaand.Count == 0 || (kans.Next(4) == 0 && !bestaand[^1].IsOpen)
                ? Nieuw(klant, bestaand.Count + 1, kans)
                : Wijzig(bestaand[kans.Next(bestaand.Count)], kans);
            alle[rij.Id] = rij;
            bijgehouden.Zet([rij]);
        }

        var opnieuw = new CampagneGesprekken();
        opnieuw.Zet(alle.Values.OrderBy(_ => kans.Next()));
        var nietIngepland = new Dictionary<string, int> { ["geen capaciteit"] = 2 };
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(opnieuw.Teller.Maak("c", CampagneStatus.Actief, 62, nietIngepland)),
            System.Text.Json.JsonSerializer.Serialize(bijgehouden.Teller.Maak("c", CampagneStatus.Actief, 62, nietIngepland)));
        var v = bijgehouden.Teller.Maak("c", CampagneStatus.Actief, 62, nietIngepland);
        Assert.Equal(alle.Values.Select(r => r.Klantnummer).Distinct().Count(), v.Funnel.Ingepland);
        // Every client counts in exactly one wijk (its newest gesprek's), like in exactly one klantmanager.
        Assert.Equal(v.Funnel.Ingepland, v.PerWijk.Sum(w => w.Ingepland));
        Assert.Equal(v.Funnel.Uitgenodigd, v.PerWijk.Sum(w => w.Uitgenodigd));
        Assert.Equal(v.Funnel.Gesproken, v.PerWijk.Sum(w => w.Gesproken));
        Assert.Equal(v.Funnel.ZonderUitkomst, v.PerWijk.Sum(w => w.ZonderUitkomst));
        Assert.Equal(v.Funnel.NietVerschenenEenmaal + v.Funnel.NietVerschenenMeermaals, v.PerWijk.Sum(w => w.NietVerschenen));
        Assert.Contains(v.PerWijk, w => w.Wijk == "onbekend");
        Assert.True(v.PerWijk.Count >= 3, "the random walk visits several wijken");
    }

    [Fact]
    public void Per_wijk_telt_de_wijk_van_het_nieuwste_gesprek_en_staat_op_naam()
    {
        var gesprekken = new CampagneGesprekken();
        gesprekken.Zet([
            Nieuw("K1", 1, new Random(1)) with { Wijk = "Schalkwijk", UitnodigingVerzondenOp = Begin },
            Nieuw("K2", 1, new Random(2)) with { Wijk = "Centrum" },
            Nieuw("K3", 1, new Random(3)) with { Wijk = "  " },
        ]);
        var v = gesprekken.Teller.Maak("c", CampagneStatus.Actief, 3, new Dictionary<string, int>());
        Assert.Equal(["Centrum", "Schalkwijk", "onbekend"], v.PerWijk.Select(w => w.Wijk));
        Assert.Equal((1, 1), (v.PerWijk[1].Ingepland, v.PerWijk[1].Uitgenodigd));
        Assert.Equal(0, v.PerWijk[0].Uitgenodigd);

        // A second poging planned after the client moved counts the client once, in the new wijk.
        gesprekken.Zet([Nieuw("K1", 2, new Random(4)) with { Wijk = "Centrum" }]);
        v = gesprekken.Teller.Maak("c", CampagneStatus.Actief, 3, new Dictionary<string, int>());
        Assert.Equal([("Centrum", 2), ("onbekend", 1)], v.PerWijk.Select(w => (w.Wijk, w.Ingepland)));
        Assert.Equal(1, v.PerWijk[0].Uitgenodigd);
    }

    [Fact]
    public void Een_klant_telt_een_keer_per_fase_en_alleen_afwezigheid_zonder_reden_telt_als_niet_verschenen()
    {
        var gesprekken = new CampagneGesprekken();
        var eerste = Nieuw("K1", 1, new Random(1)) with
        {
            Status = GesprekStatus.NietVerschenen, UitnodigingVerzondenOp = Begin,
            Uitkomst = new GesprekUitkomst { Verschenen = false, Afwezigheid = AfwezigheidReden.Afgemeld, Door = "KM1" },
        };
        var tweede = Nieuw("K1", 2, new Random(2)) with
        {
            Status = GesprekStatus.Gehouden, UitnodigingVerzondenOp = Begin,
            Uitkomst = new GesprekUitkomst { Verschenen = true, Indeling = Indeling.ZonderAfstand, UitstroomReden = "werk (regulier)", Door = "KM1" },
        };
        gesprekken.Zet([eerste, tweede]);

        var v = gesprekken.Teller.Maak("c", CampagneStatus.Actief, 1, new Dictionary<string, int>());
        Assert.Equal((1, 1, 1, 0), (v.Funnel.Ingepland, v.Funnel.Uitgenodigd, v.Funnel.Gesproken, v.Funnel.NietVerschenenEenmaal));
        Assert.Equal([new Telling("afgemeld", 1)], v.Afwezigheid);
        Assert.Equal((1, 1), (v.Uitkomsten.UitkeringBeeindigd, v.Uitkomsten.BeeindigdPerReden.Single().Aantal));
        Assert.Equal(2, v.PerWeek.Sum(w => w.Gepland));
    }

    private static readonly DateTimeOffset Begin = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly string?[] Wijken = ["Centrum", "Schalkwijk", "Haarlem-Noord", null];

    private static GesprekRij Nieuw(string klant, int poging, Random kans)
    {
        var start = Begin.AddDays(kans.Next(0, 60)).AddHours(kans.Next(0, 7));
        return new GesprekRij
        {
            Id = GesprekIds.Gesprek("c", klant, poging), CampagneId = "c", Klantnummer = klant, Naam = klant,
            Klantmanager = $"KM{kans.Next(3)}", Wijk = Wijken[kans.Next(Wijken.Length)], Poging = poging, Start = start, Eind = start.AddMinutes(45),
            Status = GesprekStatus.Gepland, UitnodigingOp = start.AddDays(-10), Versie = 1,
        };
    }

    private static GesprekRij Wijzig(GesprekRij rij, Random kans) => (kans.Next(7) switch
    {
        0 => rij with { Status = GesprekStatus.Uitgenodigd, UitnodigingVerzondenOp = Begin },
        1 => rij with { Status = GesprekStatus.Herinnerd, HerinneringVerzondenOp = Begin },
        2 => rij with { ZonderUitkomstGemeld = !rij.ZonderUitkomstGemeld },
        3 => rij with { Status = GesprekStatus.Gehouden, Uitkomst = new GesprekUitkomst { Verschenen = true, Indeling = (Indeling)kans.Next(3), Trede = kans.Next(1, 7), Route = "zorg", Door = "KM" } },
        4 => rij with { Status = GesprekStatus.NietVerschenen, Uitkomst = new GesprekUitkomst { Verschenen = false, Afwezigheid = (AfwezigheidReden)kans.Next(4), Door = "KM" }, Gevolg = (GesprekGevolg)kans.Next(4) },
        5 => rij with { Status = GesprekStatus.Geannuleerd },
        _ => rij with { Start = rij.Start.AddDays(kans.Next(-20, 20)), Klantmanager = $"KM{kans.Next(3)}", Wijk = Wijken[kans.Next(Wijken.Length)] },
    }).Volgende();
}
