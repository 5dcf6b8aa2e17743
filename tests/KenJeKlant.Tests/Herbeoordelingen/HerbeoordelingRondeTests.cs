using System.Collections.Concurrent;
using Dapper;
using KenJeKlant.Grains.Herbeoordelingen;
using KenJeKlant.Host.Herbeoordelingen;
using KenJeKlant.Tests.Infrastructure;

namespace KenJeKlant.Tests.Herbeoordelingen;

/// <summary>
/// One scanner's look on the real agenda in PostgreSQL, with pages far smaller than in production so that every
/// look spans many: each due client of the scanner's buckets is called once, a few at a time, while the calls move
/// clients on (as klant grains do).
/// </summary>
public sealed class HerbeoordelingRondeTests() : DatabaseTest("herbeoordelingronde")
{
    private static readonly DateTimeOffset Nu = new(2026, 11, 24, 0, 1, 0, TimeSpan.Zero);

    [Fact]
    public async Task Elke_klant_die_aan_de_beurt_is_in_de_vakken_van_de_scanner_een_keer_met_hooguit_drie_tegelijk()
    {
        // 600 clients: due at one of three moments before now, due later, or without a moment.
        await VoegKlantenToeAsync(Enumerable.Range(0, 600).Select(i => ($"K{i:D4}", (i % 5) switch
        {
            0 => Nu.AddDays(-3),
            1 => Nu.AddHours(-1),
            2 => Nu,
            3 => Nu.AddMinutes(1),
            _ => (DateTimeOffset?)null,
        })));
        var vakken = HerbeoordelingVakken.VanScanner(1, 4);
        var verwacht = await AanDeBeurtAsync(vakken);
        Assert.True(verwacht.Count > 50, $"Te weinig klanten aan de beurt in de vakken om iets te bewijzen: {verwacht.Count}.");

        var gevraagd = new ConcurrentDictionary<string, int>();
        int bezig = 0, hoogstens = 0;
        async Task<bool> Bijwerken(string klantnummer)
        {
            gevraagd.AddOrUpdate(klantnummer, 1, (_, n) => n + 1);
            var nu = Interlocked.Increment(ref bezig);
            InterlockedMax(ref hoogstens, nu);
            try
            {
                await Task.Delay(2);
                // One that fails keeps its moment; the others move to tomorrow, as a klant grain does.
                if (Faalt(klantnummer)) return false;
                await using var conn = await Db.OpenConnectionAsync();
                await conn.ExecuteAsync("UPDATE klant_overzicht SET herbeoordeling_controle = @morgen WHERE klantnummer = @klantnummer",
                    new { morgen = Nu.AddDays(1).UtcDateTime, klantnummer });
                return true;
            }
            finally
            {
                Interlocked.Decrement(ref bezig);
            }
        }

        var gelukt = await new HerbeoordelingRonde(new PostgresHerbeoordelingAgenda(Db), perVraag: 7, tegelijk: 3)
            .BijwerkenAsync(vakken, Nu, Bijwerken);

        Assert.Equal(verwacht.Order(StringComparer.Ordinal), gevraagd.Keys.Order(StringComparer.Ordinal));
        Assert.All(gevraagd, g => Assert.Equal(1, g.Value));
        Assert.Equal(3, hoogstens);
        var mislukt = verwacht.Where(Faalt).ToList();
        Assert.Equal(verwacht.Count - mislukt.Count, gelukt);

        // The moment is the fact: the next look finds exactly those whose call failed.
        Assert.Equal(mislukt.Order(StringComparer.Ordinal), (await AanDeBeurtAsync(vakken)).Order(StringComparer.Ordinal));
    }

    // Every seventh client's call fails.
    private static bool Faalt(string klantnummer) => int.Parse(klantnummer[1..], System.Globalization.CultureInfo.InvariantCulture) % 7 == 0;

    private static void InterlockedMax(ref int doel, int waarde)
    {
        int huidig;
        while ((huidig = Volatile.Read(ref doel)) < waarde && Interlocked.CompareExchange(ref doel, waarde, huidig) != huidig) { }
    }

    private async Task<List<string>> AanDeBeurtAsync(short[] vakken)
    {
        await using var conn = await Db.OpenConnectionAsync();
        return [.. await conn.QueryAsync<string>(
            "SELECT klantnummer FROM klant_overzicht WHERE vak = ANY(@vakken) AND herbeoordeling_controle <= @nu",
            new { vakken, nu = Nu.UtcDateTime })];
    }

    private async Task VoegKlantenToeAsync(IEnumerable<(string Klantnummer, DateTimeOffset? Controle)> klanten)
    {
        var lijst = klanten.ToList();
        await using var conn = await Db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            INSERT INTO klant_overzicht (klantnummer, naam, postcode, klantmanager, huishouden, geboortedatum, startdatum_uitkering,
                statushouder, schoolverlater_pro_vso, arbeidsbeperking, doelgroepregister, in_bestand, bijgewerkt_op, herbeoordeling_controle)
            SELECT k, 'Klant ' || k, '2011AA', 'KM001', 'alleenstaand', DATE '1980-01-01', DATE '2020-01-01',
                false, false, false, false, true, now(), c
            FROM unnest(@klantnummers::text[], @controles::timestamptz[]) AS i(k, c)
            """, new
        {
            klantnummers = lijst.Select(k => k.Klantnummer).ToArray(),
            controles = lijst.Select(k => k.Controle?.UtcDateTime).ToArray(),
        });
    }
}
