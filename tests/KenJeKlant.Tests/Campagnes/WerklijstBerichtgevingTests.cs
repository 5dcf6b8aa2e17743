using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Werklijsten;
using KenJeKlant.Grains.Campagnes;

namespace KenJeKlant.Tests.Campagnes;

/// <summary>Telling werklijsten without a silo: what shows, one call per klantmanager, a few at a time, and "all again" until it succeeded.</summary>
public sealed class WerklijstBerichtgevingTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Een_open_gesprek_staat_er_eenmaal_op_en_een_afgesloten_gaat_eraf()
    {
        var gepland = ZonderSilo.Gesprek("K1", Start);
        var zonderUitkomst = ZonderSilo.Gesprek("K2", Start) with { Status = GesprekStatus.Uitgenodigd, ZonderUitkomstGemeld = true };
        var gehouden = ZonderSilo.Gesprek("K3", Start) with { Status = GesprekStatus.Gehouden };

        var (meld, weg) = WerklijstBerichtgeving.Wijzigingen([gepland, zonderUitkomst, gehouden], "Ik doe mee", TimeZoneInfo.Utc);

        Assert.Equal([("K1", WerklijstSoort.Gesprek), ("K2", WerklijstSoort.GesprekZonderUitkomst)], meld.Select(i => (i.Klantnummer, i.Soort)));
        Assert.Equal("Participatiegesprek 09:00–09:45 (Ik doe mee, uitnodiging 1)", meld[0].Omschrijving);
        Assert.Equal(
            [("K1", WerklijstSoort.GesprekZonderUitkomst), ("K2", WerklijstSoort.Gesprek), ("K3", WerklijstSoort.Gesprek), ("K3", WerklijstSoort.GesprekZonderUitkomst)],
            weg.Select(w => (w.Klantnummer, w.Soort)));
    }

    [Fact]
    public async Task Een_aanroep_per_klantmanager_en_nooit_meer_tegelijk_dan_het_beleid_zegt()
    {
        int bezig = 0, meest = 0;
        var slot = new object();
        var aanroepen = new List<(string Klantmanager, int Meld)>();
        var berichtgeving = new WerklijstBerichtgeving(ZonderSilo.Beleid(b => b.WerklijstenTegelijk = 2), ZonderSilo.Klok(), async (km, meld, weg) =>
        {
            var nu = Interlocked.Increment(ref bezig);
            lock (slot)
            {
                meest = Math.Max(meest, nu);
                aanroepen.Add((km, meld.Count));
            }
            await Task.Delay(5);
            Interlocked.Decrement(ref bezig);
        });
        var rijen = Enumerable.Range(0, 30).Select(i => ZonderSilo.Gesprek($"K{i:D3}", Start.AddHours(i), klantmanager: $"KM{i % 10}")).ToList();

        await berichtgeving.MeldAsync(rijen, "Ik doe mee");

        Assert.Equal(Enumerable.Range(0, 10).Select(i => ($"KM{i}", 3)), aanroepen.OrderBy(a => a.Klantmanager, StringComparer.Ordinal));
        Assert.InRange(meest, 1, 2);
    }

    [Fact]
    public async Task Alles_opnieuw_blijft_gevraagd_tot_het_gelukt_is()
    {
        var bereikbaar = false;
        var gemeld = new List<string>();
        var berichtgeving = new WerklijstBerichtgeving(ZonderSilo.Beleid(), ZonderSilo.Klok(), (km, meld, weg) =>
        {
            if (!bereikbaar) throw new TimeoutException("werklijst antwoordt niet");
            gemeld.AddRange(meld.Select(i => i.Klantnummer));
            return Task.CompletedTask;
        });
        List<GesprekRij> open = [ZonderSilo.Gesprek("K1", Start), ZonderSilo.Gesprek("K2", Start.AddHours(1))];
        Assert.False(berichtgeving.AllesOpnieuw);

        berichtgeving.VraagAllesOpnieuw();
        await Assert.ThrowsAsync<TimeoutException>(() => berichtgeving.MeldAllesOpnieuwAsync(open, "Ik doe mee"));
        Assert.True(berichtgeving.AllesOpnieuw);

        bereikbaar = true;
        await berichtgeving.MeldAllesOpnieuwAsync(open, "Ik doe mee");
        Assert.False(berichtgeving.AllesOpnieuw);
        Assert.Equal(["K1", "K2"], gemeld);
    }
}
