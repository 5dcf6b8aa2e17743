using KenJeKlant.Abstractions.Bestand;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Grains.Bestand;
using KenJeKlant.Grains.Klanten;
using KenJeKlant.Host.Bestand;
using KenJeKlant.Host.Klanten;
using KenJeKlant.Host.Klantmanagers;
using KenJeKlant.Tests.Infrastructure;
using KenJeKlant.Tests.Klanten;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace KenJeKlant.Tests.Bestand;

/// <summary>
/// The import job's second and third steps (<see cref="KlantenBijwerker"/>, <see cref="UitBestandMarkeerder"/>) as plain
/// classes on the real store in PostgreSQL, with the klant grain calls played by the test: which rows go to a grain,
/// which are written or settled in bulk, and how a call that fails is taken up again.
/// </summary>
public sealed class ImportToepassenTests() : DatabaseTest("importtoepassen")
{
    // What a client never seen before gets, under the default policy and a fixed clock.
    private static KlantState Nieuw(KlantProfiel profiel)
    {
        var beleid = new KenJeKlant.Grains.Beleid.HerbeoordelingBeleid();
        beleid.VulStandaarden();
        return NieuweKlant.Staat(profiel, "test", new KenJeKlant.Grains.Domeinklok(new FakeTimeProvider(DateTimeOffset.UnixEpoch)), beleid);
    }

    [Fact]
    public async Task Toepassen_telt_elke_regel_een_keer_en_neemt_wat_mislukte_in_de_volgende_ronde_weer_op()
    {
        var profielen = Enumerable.Range(0, 5).Select(_ => Profielen.Nieuw()).ToList();
        // Known clients with another postcode: each needs its klant grain (a new one would be written in bulk).
        await BewaarAsync([.. profielen.Select(p => Nieuw(p with { Postcode = "1000AA" }))]);
        var (opslag, job) = await StageAsync([.. profielen]);
        var pogingen = new Dictionary<string, int>();
        var onbereikbaar = profielen[1].Klantnummer;
        var bijwerker = new KlantenBijwerker(opslag, p =>
        {
            pogingen[p.Klantnummer] = pogingen.GetValueOrDefault(p.Klantnummer) + 1;
            return p.Klantnummer == onbereikbaar && pogingen[p.Klantnummer] == 1
                ? throw new TimeoutException("silo weg")
                : Task.FromResult(ImportEffect.Gewijzigd);
        }, Nieuw, NullLogger.Instance);

        var stappen = new List<StapUitkomst>();
        do stappen.Add(await bijwerker.VerwerkAsync(job, batchgrootte: 2, tegelijk: 2));
        while (stappen[^1] != StapUitkomst.Klaar && stappen.Count < 20);

        // The look for new clients is one step, for unchanged rows one more; the failed row waits for the next pass;
        // a pass ends on an empty batch and begins again from the top.
        Assert.Equal([StapUitkomst.Verder, StapUitkomst.Verder, StapUitkomst.Wacht, .. Enumerable.Repeat(StapUitkomst.Verder, 5), StapUitkomst.Klaar], stappen);
        Assert.Equal((5, 5), (job.Toegepast, job.Gewijzigd));
        Assert.Equal(2, pogingen[onbereikbaar]);
        Assert.All(profielen.Where(p => p.Klantnummer != onbereikbaar), p => Assert.Equal(1, pogingen[p.Klantnummer]));
        Assert.Equal((5, 5), await LeesTellersAsync(opslag, job));
    }

    [Fact]
    public async Task Toepassen_schrijft_nieuwe_klanten_en_zet_wat_niets_verandert_vooraf_zonder_de_klant_te_vragen()
    {
        var (zelfde, anders, vertrokken, nieuw) = (Profielen.Nieuw(), Profielen.Nieuw(), Profielen.Nieuw(), Profielen.Nieuw());
        var weg = Nieuw(vertrokken);
        weg.InBestand = false; // known, but out of the bestand: coming back is a change
        await BewaarAsync([Nieuw(zelfde), Nieuw(anders with { Postcode = "1000AA" }), weg]);
        var (opslag, job) = await StageAsync([zelfde, anders, vertrokken, nieuw]);
        var gevraagd = new List<string>();
        var bijwerker = new KlantenBijwerker(opslag, p =>
        {
            gevraagd.Add(p.Klantnummer);
            return Task.FromResult(ImportEffect.Gewijzigd);
        }, Nieuw, NullLogger.Instance);

        while (await bijwerker.VerwerkAsync(job, batchgrootte: 10, tegelijk: 2) != StapUitkomst.Klaar) { }

        // The new client is written in bulk and the unchanged one settled, both without a call; the others go to
        // their klant grain once.
        Assert.Equal(new[] { anders, vertrokken }.Select(p => p.Klantnummer).Order(StringComparer.Ordinal), gevraagd.Order(StringComparer.Ordinal));
        Assert.Equal((4, 1, 1, 2), (job.Toegepast, job.Nieuw, job.Ongewijzigd, job.Gewijzigd));
        Assert.Equal((nieuw.Naam, nieuw.Postcode, true), await OverzichtAsync(nieuw.Klantnummer));
    }

    [Fact]
    public async Task Delen_tegelijk_schrijven_elke_nieuwe_klant_een_keer_en_tellen_alles()
    {
        // Seven parts of three lines, up to four at once: every part its own transaction, the counters added up by all.
        var profielen = Enumerable.Range(0, 20).Select(_ => Profielen.Nieuw()).ToList();
        var (opslag, job) = await StageAsync([.. profielen]);
        var bijwerker = new KlantenBijwerker(opslag, _ => throw new InvalidOperationException("geen klant hoort een grain-aanroep te krijgen"), Nieuw, NullLogger.Instance);

        while (await bijwerker.VerwerkAsync(job, batchgrootte: 10, tegelijk: 2, nieuwPerDeel: 3, delenTegelijk: 4) != StapUitkomst.Klaar) { }

        Assert.Equal((20, 20), (job.Toegepast, job.Nieuw));
        Assert.Equal((20, 20), await LeesTellersAsync(opslag, job));
        await using var cmd = Db.CreateCommand("SELECT count(*) FROM klant_staat WHERE klantnummer = ANY($1)");
        cmd.Parameters.AddWithValue(profielen.Select(p => p.Klantnummer).ToArray());
        Assert.Equal(20L, (long)(await cmd.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Toepassen_wacht_zolang_er_regels_over_zijn_die_het_niet_kan_krijgen()
    {
        var (opslag, job) = await StageAsync([]);
        job.Geldig = 3; // counted while reading, but not (yet) to be had

        Assert.Equal(StapUitkomst.Wacht, await new KlantenBijwerker(opslag, _ => Task.FromResult(ImportEffect.Nieuw), Nieuw, NullLogger.Instance).VerwerkAsync(job, 10, 4));
    }

    [Fact]
    public async Task Uit_het_bestand_gaat_wie_geen_regel_heeft_ook_een_afgewezen_regel_houdt_een_klant_binnen()
    {
        var klanten = new[] { "K1", "K2", "K3", "K4", "K5" }.Select(k => Profielen.Nieuw() with { Klantnummer = k }).ToList();
        await BewaarAsync([.. klanten.Select(Nieuw)]);
        var (opslag, job) = await StageAsync([klanten[0]], new GelezenRij(10, "K2", null)); // K2's row was refused
        var gevraagd = new List<string>();
        var eersteKeer = true;
        var markeerder = new UitBestandMarkeerder(opslag, async nr =>
        {
            gevraagd.Add(nr);
            if (nr == "K4" && eersteKeer)
            {
                eersteKeer = false;
                throw new TimeoutException("silo weg");
            }
            // What the klant grain does when it leaves: its read-model row says so.
            await using var cmd = Db.CreateCommand("UPDATE klant_overzicht SET in_bestand = false WHERE klantnummer = $1 AND in_bestand");
            cmd.Parameters.AddWithValue(nr);
            return await cmd.ExecuteNonQueryAsync() == 1;
        }, NullLogger.Instance);
        Assert.Equal(3, await opslag.TelUitBestandAsync(job.Id));

        var stappen = new List<StapUitkomst>();
        do stappen.Add(await markeerder.VerwerkAsync(job, batchgrootte: 2, tegelijk: 2));
        while (stappen[^1] != StapUitkomst.Klaar && stappen.Count < 20);

        Assert.Equal([StapUitkomst.Verder, StapUitkomst.Verder, StapUitkomst.Wacht, StapUitkomst.Verder, StapUitkomst.Verder, StapUitkomst.Klaar], stappen);
        Assert.Equal(["K3", "K4", "K5", "K4"], gevraagd);
        Assert.Equal(3, job.UitBestand);
        foreach (var (k, binnen) in new[] { ("K1", true), ("K2", true), ("K3", false), ("K4", false), ("K5", false) })
            Assert.Equal(binnen, (await OverzichtAsync(k)).InBestand);
    }

    // A job whose file was read: these profiles staged on lines 2, 3, … (and any other rows as given), all valid.
    private async Task<(PostgresBestandImport, ImportJob)> StageAsync(KlantProfiel[] profielen, params GelezenRij[] andere)
    {
        var opslag = new PostgresBestandImport(Db, new PostgresMedewerkers(Db));
        var job = ImportJob.Maak(Guid.CreateVersion7(), "tester", null, gedeeltelijk: false, controle: false, BestandTestHulp.Importdatum, DateTimeOffset.UtcNow);
        await opslag.OntvangAsync(job, new MemoryStream([1]), 10, default);
        List<GelezenRij> rijen = [.. profielen.Select((p, i) => new GelezenRij(i + 2, p.Klantnummer, p)), .. andere];
        (job.Regels, job.Geldig, job.Fase) = (rijen.Count, profielen.Length, ImportFase.Toepassen);
        await opslag.SchrijfGelezenAsync(job, new GelezenDeel(rijen, 0, [], 0, [], Klaar: true));
        return (opslag, job);
    }

    // Clients as a klant grain (or an earlier import) left them: stored state and read-model row.
    private async Task BewaarAsync(IReadOnlyList<KlantState> staten)
    {
        await using var conn = await Db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        Assert.Equal(staten.Count, (await KlantOpslag.VoegNieuweToeAsync(conn, tx, staten)).Count);
        await tx.CommitAsync();
    }

    private async Task<(string Naam, string Postcode, bool InBestand)> OverzichtAsync(string klantnummer)
    {
        await using var cmd = Db.CreateCommand("SELECT naam, postcode, in_bestand FROM klant_overzicht WHERE klantnummer = $1");
        cmd.Parameters.AddWithValue(klantnummer);
        await using var lezer = await cmd.ExecuteReaderAsync();
        Assert.True(await lezer.ReadAsync(), $"{klantnummer} staat niet in klant_overzicht");
        return (lezer.GetString(0), lezer.GetString(1), lezer.GetBoolean(2));
    }

    // The counters as stored in the job's row, not only as held in memory.
    private static async Task<(int Toegepast, int Effect)> LeesTellersAsync(PostgresBestandImport opslag, ImportJob job)
    {
        var opnieuw = await opslag.LeesAsync(job.Id);
        return (opnieuw!.Toegepast, Math.Max(opnieuw.Nieuw, opnieuw.Gewijzigd));
    }
}
