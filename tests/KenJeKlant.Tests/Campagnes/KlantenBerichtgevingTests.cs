using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Grains.Campagnes;
using Microsoft.Extensions.Logging.Abstractions;

namespace KenJeKlant.Tests.Campagnes;

/// <summary>Telling klant grains without a silo: newest version, a bounded number in flight, confirmations stored, failures retried, missed outcomes handed back.</summary>
public sealed class KlantenBerichtgevingTests
{
    private readonly OpslagInGeheugen _opslag = new();
    private readonly CampagneGesprekken _gesprekken = new();

    /// <summary>Gesprekken the klant grains have not heard of yet (version 1, confirmed 0).</summary>
    private void Nieuw(int aantal)
    {
        var rijen = Enumerable.Range(1, aantal)
            .Select(i => ZonderSilo.Gesprek($"K{i:D3}", ZonderSilo.Begin.AddDays(14).AddMinutes(45 * i)) with { KlantVersie = 0 })
            .ToArray();
        ZonderSilo.Zet(_opslag, _gesprekken, rijen);
    }

    private KlantenBerichtgeving Berichtgeving(Func<string, GesprekStand, Task<GesprekUitkomst?>> werkBij, int tegelijk = 64) =>
        new(ZonderSilo.Campagne, _opslag, _gesprekken, ZonderSilo.Beleid(b => b.KlantenTegelijk = tegelijk), werkBij, NullLogger.Instance);

    [Fact]
    public async Task Elke_klant_hoort_de_nieuwste_versie_en_de_bevestiging_wordt_opgeslagen()
    {
        Nieuw(5);
        _gesprekken.Zet([_gesprekken.Zoek(GesprekIds.Gesprek(ZonderSilo.Campagne, "K002", 1))!.Volgende() with { Status = GesprekStatus.Uitgenodigd }]);
        var gehoord = new List<GesprekStand>();
        var berichtgeving = Berichtgeving((klant, stand) =>
        {
            lock (gehoord) gehoord.Add(stand);
            return Task.FromResult<GesprekUitkomst?>(null);
        });

        Assert.True(berichtgeving.HeeftTeMelden);
        Assert.Empty(await berichtgeving.MeldAsync("Ik doe mee"));

        Assert.Equal(["K001", "K002", "K003", "K004", "K005"], gehoord.Select(s => s.Klantnummer).Order(StringComparer.Ordinal));
        Assert.All(gehoord, s => Assert.Equal("Ik doe mee", s.CampagneNaam));
        Assert.Equal((2, GesprekStatus.Uitgenodigd), gehoord.Where(s => s.Klantnummer == "K002").Select(s => (s.Versie, s.Status)).Single());
        Assert.False(berichtgeving.HeeftTeMelden);
        Assert.All(_gesprekken.Alle, g => Assert.Equal(g.Versie, g.KlantVersie));
        Assert.Equal([1, 2, 1, 1, 1], _opslag.Gesprekken.Values.OrderBy(g => g.Klantnummer, StringComparer.Ordinal).Select(g => g.KlantVersie));
    }

    [Fact]
    public async Task Nooit_meer_klanten_tegelijk_dan_het_beleid_zegt_en_per_ronde_hoogstens_vier_keer_zoveel()
    {
        Nieuw(30);
        int bezig = 0, meest = 0;
        var slot = new object();
        var berichtgeving = Berichtgeving(async (klant, stand) =>
        {
            var nu = Interlocked.Increment(ref bezig);
            lock (slot) meest = Math.Max(meest, nu);
            await Task.Delay(5);
            Interlocked.Decrement(ref bezig);
            return null;
        }, tegelijk: 3);

        await berichtgeving.MeldAsync("Ik doe mee");

        Assert.InRange(meest, 1, 3);
        Assert.Equal(30 - 12, _gesprekken.TeMelden.Count);
        while (berichtgeving.HeeftTeMelden) await berichtgeving.MeldAsync("Ik doe mee");
        Assert.All(_opslag.Gesprekken.Values, g => Assert.Equal(1, g.KlantVersie));
    }

    [Fact]
    public async Task Een_klant_die_niet_te_bereiken_is_blijft_te_melden_en_hoort_het_de_volgende_ronde()
    {
        Nieuw(4);
        var bereikbaar = false;
        var berichtgeving = Berichtgeving((klant, stand) =>
            klant == "K003" && !bereikbaar ? throw new TimeoutException("klant grain antwoordt niet") : Task.FromResult<GesprekUitkomst?>(null));

        await berichtgeving.MeldAsync("Ik doe mee");

        Assert.Equal([GesprekIds.Gesprek(ZonderSilo.Campagne, "K003", 1)], _gesprekken.TeMelden);
        Assert.Equal(["K003"], _opslag.Gesprekken.Values.Where(g => g.KlantVersie == 0).Select(g => g.Klantnummer));

        bereikbaar = true;
        await berichtgeving.MeldAsync("Ik doe mee");
        Assert.False(berichtgeving.HeeftTeMelden);
        Assert.All(_opslag.Gesprekken.Values, g => Assert.Equal(1, g.KlantVersie));
    }

    [Fact]
    public async Task Een_uitkomst_die_alleen_de_klant_kent_komt_terug_om_over_te_nemen()
    {
        Nieuw(3);
        var gehouden = CampagneTests.Gehouden();
        var k3 = _gesprekken.Zoek(GesprekIds.Gesprek(ZonderSilo.Campagne, "K003", 1))!;
        // K003's outcome is known here too: what the klant grain says back about it is nothing new.
        _gesprekken.Zet([k3.Volgende() with { Status = GesprekStatus.Gehouden, Uitkomst = gehouden }]);
        var berichtgeving = Berichtgeving((klant, stand) => Task.FromResult<GesprekUitkomst?>(klant is "K002" or "K003" ? gehouden : null));

        var overnemen = await berichtgeving.MeldAsync("Ik doe mee");

        var (rij, uitkomst) = Assert.Single(overnemen);
        Assert.Equal(("K002", gehouden), (rij.Klantnummer, uitkomst));
        Assert.False(berichtgeving.HeeftTeMelden);
    }
}
