using System.Diagnostics;
using System.Globalization;
using System.Net;
using KenJeKlant.Bestand;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Infrastructure;
using KenJeKlant.Tests.Storage;
using Orleans.Runtime;
using Xunit.Abstractions;

namespace KenJeKlant.Tests.Cluster;

/// <summary>
/// Issue #7 acceptance: real host processes (not in-process silos) on PostgreSQL, crashed with
/// SIGKILL, stopped with SIGTERM, restarted, and cut off from their database. Serial with the other
/// silo tests: on two cores parallel clusters starve each other into Orleans' timeouts.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class ProcesClusterTests(ITestOutputHelper output)
{
    private static DateOnly Vandaag => DateOnly.FromDateTime(DateTime.Now);

    [Fact]
    public async Task Een_silo_die_tijdens_een_import_met_SIGKILL_sterft_laat_een_taak_na_die_een_andere_silo_zonder_verlies_afmaakt()
    {
        const int aantal = 3000;
        var db = await PostgresServer.CreateDatabaseAsync("cluster-kill");
        // Small parts and few calls in flight: the import lasts long enough to die in the middle of it.
        var instellingen = new Dictionary<string, string> { ["Import__Batchgrootte"] = "50", ["Import__KlantenTegelijk"] = "8", ["Import__NieuwPerDeel"] = "10" };
        try
        {
            await using var cluster = await ProcesCluster.StartAsync(3, db, output, instellingen);
            await cluster.MetLogsBijFoutAsync(async () =>
            {
                var (eerste, tweede, slachtoffer) = (cluster[0], cluster[1], cluster[2]);
                await cluster.MeldAanAsync([.. SyntheticBestandOpties.StandaardKlantmanagers]);
                var csv = await eerste.Http.GetStringAsync(new Uri($"/api/v1/bestand/synthetisch?aantal={aantal}&seed=7", UriKind.Relative));

                // Uploaded through the victim: the job's grain runs on the silo that took the upload.
                using var antwoord = await slachtoffer.Http.StuurAsync(csv);
                Assert.True(antwoord.StatusCode == HttpStatusCode.Accepted, await antwoord.Content.ReadAsStringAsync());
                var status = antwoord.Headers.Location!;
                var id = (await antwoord.LeesAsync()).GetProperty("id").GetGuid();
                await ClusterHulp.WachtTotAsync(async () => (await ClusterHulp.ImportJobAsync(db, id)).Toegepast >= aantal / 5,
                    TimeSpan.FromSeconds(90), "de import kwam niet op gang");
                await slachtoffer.KillAsync();
                var gedood = Stopwatch.StartNew();
                var bijDeDood = await ClusterHulp.ImportJobAsync(db, id);
                output.WriteLine($"SIGKILL {slachtoffer.Naam} with {bijDeDood.Toegepast} of {bijDeDood.Geldig} rows applied ({bijDeDood.Status})");
                Assert.True(bijDeDood.Status == "bezig" && bijDeDood.Toegepast < aantal, "the import was already done when the silo died");

                // Nobody asks about the job: its reminder brings it back on a survivor, which goes on from the checkpoint.
                await ClusterHulp.WachtTotAsync(async () => (await ClusterHulp.ImportJobAsync(db, id)).Status != "bezig",
                    TimeSpan.FromSeconds(240), "de import werd na de crash niet afgemaakt");
                output.WriteLine($"the job ended {gedood.Elapsed.TotalSeconds:F1} s after the SIGKILL");
                Assert.Equal(SiloStatus.Dead, await cluster.StatusVanAsync(slachtoffer));
                Assert.True(await eerste.IsGezondAsync() && await tweede.IsGezondAsync(), "the survivors are not healthy");

                var stand = await tweede.Http.StandAsync(status);
                output.WriteLine(stand.GetProperty("rapport").ToString());
                Assert.Equal("klaar", stand.GetProperty("status").GetString());
                var rapport = stand.GetProperty("rapport");
                Assert.Equal(aantal, rapport.GetProperty("regels").GetInt32());
                Assert.Equal(aantal, stand.GetProperty("regelsToegepast").GetInt32());
                // Rows applied just before the crash whose effect was not stored yet count as unchanged the second time.
                Assert.Equal(aantal, rapport.GetProperty("nieuw").GetInt32() + rapport.GetProperty("ongewijzigd").GetInt32());
                Assert.Equal(0, rapport.GetProperty("uitBestand").GetInt32());

                Assert.Equal(aantal, await eerste.Http.AantalKlantenAsync());
                Assert.Equal(aantal, await tweede.Http.AantalKlantenAsync());
                var (rijen, uniek, metHerbeoordeling) = await ClusterHulp.OverzichtAsync(db);
                Assert.Equal(aantal, rijen);
                Assert.Equal(aantal, uniek);
                // Every client with a reassessment date has its next moment for the scanners (written with its state),
                // and the reminders are the scanners' and the jobs', not one per client.
                var momenten = await ClusterHulp.HerbeoordelingMomentenAsync(db);
                output.WriteLine($"{metHerbeoordeling.Count} clients with a reassessment date, {momenten.Count} with a next moment, {metHerbeoordeling.Count(k => !momenten.ContainsKey(k))} missing");
                Assert.Empty(metHerbeoordeling.Where(k => !momenten.ContainsKey(k)).Take(20));
                Assert.Empty(momenten.Keys.Where(k => !metHerbeoordeling.Contains(k)).Take(20));
                Assert.DoesNotContain(ClusterHulp.Herbeoordeling, (await ClusterHulp.RemindersAsync(db, cluster.ServiceId)).Keys);
                // Nobody was imported twice: "in bestand" once in every history (a sample: each is a grain call).
                foreach (var klantnummer in metHerbeoordeling.Order(StringComparer.Ordinal).Where((_, i) => i % 60 == 0))
                    Assert.Single((await tweede.Http.DossierAsync(klantnummer)).Historie(), h => h.GetProperty("gebeurtenis").GetString() == "in bestand");
                // The job's own bookkeeping is cleared: the file and the staged rows go when it ends.
                Assert.Equal(0, await TelAsync(db, "SELECT count(*) FROM bestand_import_blok") + await TelAsync(db, "SELECT count(*) FROM bestand_import_rij"));
            });
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(db);
        }
    }

    private static async Task<long> TelAsync(string connectionString, string sql)
    {
        await using var data = Npgsql.NpgsqlDataSource.Create(connectionString);
        await using var cmd = data.CreateCommand(sql);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Na_een_volledige_stop_en_start_is_alles_er_nog_en_een_herbeoordeling_die_in_de_stilstand_viel_komt_een_keer()
    {
        var db = await PostgresServer.CreateDatabaseAsync("cluster-herstart");
        // Reminders look again every minute after a missed tick (the default is an hour).
        var instellingen = new Dictionary<string, string> { ["Beleid__Herbeoordeling__Controle"] = "00:01:00" };
        try
        {
            await using var cluster = await ProcesCluster.StartAsync(2, db, output, instellingen);
            await cluster.MetLogsBijFoutAsync(async () =>
            {
                var http = cluster[0].Http;
                await cluster.MeldAanAsync("KM001");
                // K-STIL: never spoken to, benefit started 7 weeks ago: first gesprek due in a week.
                var regels = Enumerable.Range(1, 20).Select(i => Csv.Regel($"K{i:D2}", bsn: "")).Append(ClusterHulp.Regel("K-STIL", Vandaag.AddDays(-49)));
                await http.ImporteerGoedAsync(Csv.Bestand([.. regels]));
                var stil = await http.DossierAsync("K-STIL");
                Assert.Equal("gepland", stil.GetProperty("herbeoordeling").GetProperty("status").GetString());
                var historieVoor = new Dictionary<string, string>();
                foreach (var k in Enumerable.Range(1, 20).Select(i => $"K{i:D2}").Append("K-STIL"))
                    historieVoor[k] = (await http.DossierAsync(k)).GetProperty("historie").GetRawText();
                var momentenVoor = await ClusterHulp.HerbeoordelingMomentenAsync(db);
                Assert.Equal(21, momentenVoor.Count);
                var werklijstVoor = await http.WerklijstAsync("KM001");
                var moment = momentenVoor["K-STIL"];

                var stop = Stopwatch.StartNew();
                await cluster.StopAllesAsync(TimeSpan.FromSeconds(45));
                output.WriteLine($"cluster stopped (SIGTERM) in {stop.Elapsed.TotalSeconds:F1} s");
                Assert.All(cluster.Silos, s => Assert.Equal(0, s.ExitCode));

                // While the cluster is down, K-STIL's due moment passes (the domain clock starts again just after it). The
                // scanners look right after the start and then every minute: late and missed ticks are the normal case
                // after a downtime, and the client must be prompted exactly once.
                var verschuiving = moment - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
                await cluster.StartAllesOpnieuwAsync(s => s.Instellingen["Klok__Verschuiving"] = verschuiving.ToString("c", CultureInfo.InvariantCulture));
                output.WriteLine($"cluster started again with the domain clock {verschuiving} ahead, {stop.Elapsed.TotalSeconds:F1} s after the stop began");

                http = cluster[1].Http;
                Assert.Equal(21, await http.AantalKlantenAsync());
                foreach (var (k, historie) in historieVoor.Where(h => h.Key != "K-STIL"))
                    Assert.StartsWith(historie.TrimEnd(']'), (await http.DossierAsync(k)).GetProperty("historie").GetRawText(), StringComparison.Ordinal);
                Assert.Equal(Items(werklijstVoor).Order(StringComparer.Ordinal), Items(await http.WerklijstAsync("KM001")).Where(k => k != "K-STIL").Order(StringComparer.Ordinal));

                var gemeld = await ClusterHulp.WachtTotAsync(async () => Items(await http.WerklijstAsync("KM001")).Contains("K-STIL"),
                    TimeSpan.FromSeconds(150), "K-STIL kwam na de herstart niet op de werklijst");
                output.WriteLine($"K-STIL prompted {gemeld.TotalSeconds:F1} s after the cluster was healthy again");

                Assert.Single(Items(await http.WerklijstAsync("KM001")), k => k == "K-STIL");
                var na = await cluster[0].Http.DossierAsync("K-STIL");
                Assert.Equal("aan-de-beurt", na.GetProperty("herbeoordeling").GetProperty("status").GetString());
                Assert.Single(na.Historie(), h => h.GetProperty("gebeurtenis").GetString() == ClusterHulp.Herbeoordeling);
                Assert.StartsWith(historieVoor["K-STIL"].TrimEnd(']'), na.GetProperty("historie").GetRawText(), StringComparison.Ordinal);
                // Everyone keeps a next moment; K-STIL's moved on to the end of its grace period.
                var momentenNa = await ClusterHulp.HerbeoordelingMomentenAsync(db);
                Assert.Equal(momentenVoor.Keys.Order(StringComparer.Ordinal), momentenNa.Keys.Order(StringComparer.Ordinal));
                Assert.True(momentenNa["K-STIL"] > moment, $"K-STIL's next moment {momentenNa["K-STIL"]} did not move past {moment}.");
            });
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(db);
        }

        static List<string> Items(System.Text.Json.JsonElement werklijst) =>
            [.. werklijst.GetProperty("herbeoordelingenTeLaat").EnumerateArray().Concat(werklijst.GetProperty("herbeoordelingenAanDeBeurt").EnumerateArray())
                .Select(i => i.GetProperty("klantnummer").GetString()!)];
    }

    [Fact]
    public async Task Zonder_database_antwoorden_verzoeken_snel_met_503_en_daarna_herstelt_het_cluster_zich_zonder_verlies()
    {
        await using var postgres = await WegwerpPostgres.StartAsync();
        await using var cluster = await ProcesCluster.StartAsync(2, postgres.ConnectionString, output);
        await cluster.MetLogsBijFoutAsync(async () =>
        {
            await cluster.MeldAanAsync("KM001");
            var klanten = Enumerable.Range(1, 60).Select(i => $"K{i:D3}").ToList();
            await cluster[0].Http.ImporteerGoedAsync(Csv.Bestand([.. klanten.Select(k => Csv.Regel(k, bsn: ""))]));

            var schrijver = new Schrijver(klanten, Vandaag.AddDays(30));
            using var stop = new CancellationTokenSource();
            var schrijvers = cluster.Silos.Select(s => schrijver.SchrijfTotAsync(s.Http, s.Naam, stop.Token)).ToList();
            await Task.Delay(TimeSpan.FromSeconds(2));

            await postgres.StopAsync();
            var weg = DateTime.UtcNow;
            output.WriteLine("PostgreSQL stopped");
            await Task.Delay(TimeSpan.FromSeconds(10));
            await postgres.StartAsync(CancellationToken.None);
            var terug = DateTime.UtcNow;
            output.WriteLine("PostgreSQL started again");

            // Recovers by itself: both silos healthy and writing again, nobody restarted them.
            var hersteld = await ClusterHulp.WachtTotAsync(async () =>
                    await cluster[0].IsGezondAsync() && await cluster[1].IsGezondAsync()
                    && cluster.Silos.All(s => schrijver.Bevestigd.Any(p => p.Via == s.Naam && p.Klaar > terug.AddSeconds(1))),
                TimeSpan.FromSeconds(90), "het cluster herstelde niet binnen 90 s nadat PostgreSQL terug was");
            output.WriteLine($"recovered {hersteld.TotalSeconds:F1} s after PostgreSQL came back");
            await stop.CancelAsync();
            await Task.WhenAll(schrijvers);
            output.WriteLine(schrijver.Samenvatting());

            Assert.All(cluster.Silos, s => Assert.True(s.Draait, $"{s.Naam} stopped"));
            var tijdensUitval = schrijver.Pogingen.Where(p => p.Klaar > weg.AddSeconds(1) && p.Klaar < terug).ToList();
            Assert.NotEmpty(tijdensUitval);
            // Clear and prompt: every answer is stored (204) or "database unreachable" (503 problem+json), never a hang.
            Assert.All(schrijver.Pogingen, p => Assert.True(
                p.Status == HttpStatusCode.NoContent || (p.Status == HttpStatusCode.ServiceUnavailable && p.ProbleemType is not null),
                $"{p.Via} {p.Klant}: {(int)p.Status} {p.ProbleemType}"));
            Assert.Contains(tijdensUitval, p => p.ProbleemType == "https://kenjeklant.nl/problemen/database-onbereikbaar");
            Assert.All(schrijver.Pogingen, p => Assert.True(p.Duur < TimeSpan.FromSeconds(35), $"{p.Via} {p.Klant} took {p.Duur}"));

            Assert.Empty(await schrijver.VerlorenAsync(cluster[0].Http));
            Assert.Equal(klanten.Count, await cluster[1].Http.AantalKlantenAsync());
        });
    }

    [Fact]
    public async Task Een_silo_die_SIGTERM_krijgt_verlaat_het_cluster_netjes_en_geen_bevestigde_schrijfactie_gaat_verloren()
    {
        var db = await PostgresServer.CreateDatabaseAsync("cluster-sigterm");
        try
        {
            var instellingen = new Dictionary<string, string> { ["Cluster__AfsluitTijd"] = "00:00:20" };
            await using var cluster = await ProcesCluster.StartAsync(2, db, output, instellingen);
            await cluster.MetLogsBijFoutAsync(async () =>
            {
                var (blijft, gaat) = (cluster[0], cluster[1]);
                await cluster.MeldAanAsync("KM001");
                var klanten = Enumerable.Range(1, 100).Select(i => $"K{i:D3}").ToList();
                await blijft.Http.ImporteerGoedAsync(Csv.Bestand([.. klanten.Select(k => Csv.Regel(k, bsn: ""))]));

                var schrijver = new Schrijver(klanten, Vandaag.AddDays(30));
                using var stop = new CancellationTokenSource();
                var schrijvers = Enumerable.Range(0, 4).Select(_ => schrijver.SchrijfTotAsync(blijft.Http, blijft.Naam, stop.Token)).ToList();
                await Task.Delay(TimeSpan.FromSeconds(2));

                var klok = Stopwatch.StartNew();
                var afgesloten = gaat.StopAsync(TimeSpan.FromSeconds(40));
                var verlaten = await ClusterHulp.WachtTotAsync(async () => await cluster.StatusVanAsync(gaat) is SiloStatus.ShuttingDown or SiloStatus.Stopping or SiloStatus.Dead,
                    TimeSpan.FromSeconds(30), $"{gaat.Naam} meldde zich niet af");
                var duur = await afgesloten;
                var status = await cluster.StatusVanAsync(gaat);
                output.WriteLine($"{gaat.Naam}: leaving in the membership table after {verlaten.TotalSeconds:F1} s, process exited after {duur.TotalSeconds:F1} s (exit {gaat.ExitCode}), status now {status}");
                await Task.Delay(TimeSpan.FromSeconds(2));
                await stop.CancelAsync();
                await Task.WhenAll(schrijvers);
                output.WriteLine(schrijver.Samenvatting());

                Assert.Equal(0, gaat.ExitCode);
                Assert.Equal(SiloStatus.Dead, status);
                Assert.True(duur < TimeSpan.FromSeconds(20), $"graceful shutdown took {duur}");
                Assert.True(await blijft.IsGezondAsync());
                Assert.Contains(schrijver.Bevestigd, p => p.Klaar > DateTime.UtcNow.AddSeconds(-2));
                Assert.All(schrijver.Pogingen, p => Assert.True(p.Status is HttpStatusCode.NoContent or HttpStatusCode.ServiceUnavailable, $"{p.Klant}: {(int)p.Status} {p.ProbleemType}"));
                Assert.Empty(await schrijver.VerlorenAsync(blijft.Http));
            });
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(db);
        }
    }
}
