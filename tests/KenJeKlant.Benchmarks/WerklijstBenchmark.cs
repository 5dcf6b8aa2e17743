using System.Globalization;
using System.Net.Http.Json;
using KenJeKlant.Host.Infrastructuur.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using Npgsql;

namespace KenJeKlant.Benchmarks;

/// <summary>
/// The klantmanager page with a werklijst of N open afspraken whose deadline came (default 1,000: 250 clients with a
/// plan van aanpak of four afspraken), in Debian's Chromium against the real host process. Measured in the page:
/// from the start of navigation (performance.now() = 0) until the section "Afspraken te controleren" holds all N rows,
/// over several loads. The host reads the afspraken with one indexed query when the werklijst activates; the page
/// builds the table once. Context: pgbench single-row INSERT commits on the same server in the same run.
/// </summary>
internal static class WerklijstBenchmark
{
    private const string Klantmanager = "KM00001";

    public static async Task<int> RunAsync(string[] args)
    {
        var aantal = Omgeving.IntArg(args, "--afspraken", 1_000);
        var keren = Omgeving.IntArg(args, "--keren", 7);
        var admin = await Omgeving.PostgresAsync();
        var db = await Omgeving.NieuweDatabaseAsync(admin, "kjk_bench_werklijst");
        await using (var data = NpgsqlDataSource.Create(db))
        {
            await new SchemaMigrator(data, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
            await ZaaiAsync(data, aantal);
        }

        await using var host = await HostProces.StartAsync(db);
        using var beheerder = await host.AlsAsync("beheerder");
        (await beheerder.PutAsJsonAsync(new Uri($"/api/v1/klantmanagers/{Klantmanager}", UriKind.Relative), new { naam = "Meet" })).EnsureSuccessStatusCode();
        await HostProces.MaakAccountAsync(beheerder, "meet", ["klantmanager"], Klantmanager);

        await using var sonde = await BrowserSonde.StartAsync();
        var page = await sonde.OpenAsync(host.Adres, "meet", HostProces.Wachtwoord, "/klantmanager.html", _ => { });
        var tijden = new List<double>();
        for (var i = 0; i < keren; i++)
        {
            await page.ReloadAsync();
            // On screen: the section's first rows and its "Toon alle N" (N counted from the werklijst the page holds).
            await page.WaitForFunctionAsync($"() => document.querySelector('#te-controleren tbody tr') && (document.querySelector('#te-controleren button[data-actie=alles]')?.textContent.includes('{aantal}') || document.querySelectorAll('#te-controleren tbody tr').length >= {aantal})", null, new() { Timeout = 60_000, PollingInterval = 10 });
            var ms = await page.EvaluateAsync<double>("() => performance.now()");
            var rijen = await page.Locator("#te-controleren tbody tr").CountAsync();
            var ontvangen = await page.EvaluateAsync<double>("() => performance.getEntriesByName('werklijst-ontvangen')[0]?.startTime ?? -1");
            var getekend = await page.EvaluateAsync<double>("() => performance.getEntriesByName('werklijst-getoond').at(-1)?.startTime ?? -1");
            Console.WriteLine($"load {i + 1}: {aantal:N0} afspraken te controleren, the first {rijen:N0} rows on screen after {ms:F0} ms (snapshot in at {ontvangen:F0} ms, drawn by {getekend:F0} ms)");
            if (i == keren - 1)
            {
                // And all of them, on request: the time from the click to the last row on screen.
                var voor = await page.EvaluateAsync<double>("() => performance.now()");
                await page.Locator("#te-controleren button[data-actie=alles]").ClickAsync();
                await page.WaitForFunctionAsync($"() => document.querySelectorAll('#te-controleren tbody tr').length >= {aantal}", null, new() { Timeout = 60_000, PollingInterval = 10 });
                var na = await page.EvaluateAsync<double>("() => performance.now()");
                Console.WriteLine($"'Toon alle {aantal:N0}': every row on screen {na - voor:F0} ms after the click");
            }
            tijden.Add(ms);
            if (i == keren - 1)
            {
                // Where the time of the last load went: each request the page made, from navigation start.
                var verzoeken = await page.EvaluateAsync<string[]>("() => performance.getEntriesByType('resource').map(e => `${Math.round(e.startTime)}–${Math.round(e.responseEnd)} ms ${e.name.replace(location.origin, '')}`)");
                foreach (var v in verzoeken) Console.WriteLine("  " + v);
            }
        }
        var pgbench = await PgBench.InsertsPerSecondAsync(db, clients: 16, seconden: 15);
        tijden.Sort();
        Console.WriteLine();
        Console.WriteLine("| open afspraken on the werklijst | loads | median | slowest | target | pgbench baseline (same run) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        Console.WriteLine($"| {aantal:N0} | {keren} | {tijden[tijden.Count / 2]:F0} ms | {tijden[^1]:F0} ms | < 1000 ms | {pgbench:N0} commits/s |");
        return tijden[^1] < 1000 ? 0 : 1;
    }

    /// <summary>A caseload of N/4 clients, each with a plan van aanpak of four open afspraken whose deadline was yesterday.</summary>
    private static async Task ZaaiAsync(NpgsqlDataSource data, int aantal)
    {
        var klanten = (aantal + 3) / 4;
        await using var cmd = data.CreateCommand($"""
            INSERT INTO klant_overzicht (klantnummer, naam, postcode, wijk, klantmanager, huishouden, geboortedatum, startdatum_uitkering,
                laatste_gesprek, statushouder, schoolverlater_pro_vso, arbeidsbeperking, doelgroepregister, in_bestand, bijgewerkt_op)
            SELECT 'W' || lpad(i::text, 6, '0'), 'Klant ' || i, '2011AB', 'Centrum', '{Klantmanager}', 'Alleenstaand', date '1980-01-01',
                   date '2022-01-01', current_date - 30, false, false, false, false, true, now()
            FROM generate_series(0, {klanten - 1}) AS i;
            INSERT INTO plan_van_aanpak (klantnummer, versie, doel, vastgesteld_door, vastgesteld_op)
            SELECT 'W' || lpad(i::text, 6, '0'), 1, 'Werk vinden', 'benchmark', now() FROM generate_series(0, {klanten - 1}) AS i;
            INSERT INTO afspraak (id, van_versie, klantnummer, omschrijving, wie, deadline)
            SELECT gen_random_uuid(), 1, 'W' || lpad((n / 4)::text, 6, '0'), 'Afspraak ' || n, 'klant', current_date - 1
            FROM generate_series(0, {aantal - 1}) AS n;
            """);
        await cmd.ExecuteNonQueryAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {klanten:N0} clients with {aantal:N0} open afspraken due"));
    }
}
