using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using KenJeKlant.Host.Infrastructuur.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace KenJeKlant.Benchmarks;

/// <summary>
/// The same campaign fan-out on a cluster of 1, 2 and 3 real host processes (each a silo) on one
/// PostgreSQL: what more silos change on this 2-core machine. The campaign runs on the silo that
/// took the start request; the klant grains it tells are spread over all silos.
/// </summary>
internal static class FanOutSilosBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var aantal = Omgeving.IntArg(args, "--aantal", 20_000);
        var silos = Omgeving.ArgOf(args, "--silos", "1,2,3").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var admin = await Omgeving.PostgresAsync();
        var regels = new List<(int Silos, double Uitgenodigd)>();
        string? laatsteDb = null;
        foreach (var n in silos)
        {
            var db = await Omgeving.NieuweDatabaseAsync(admin, $"kjk_bench_silos_{n}");
            laatsteDb = db;
            await using (var data = NpgsqlDataSource.Create(db))
            {
                await new SchemaMigrator(data, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
                await FanOutBenchmark.ZaaiAsync(data, aantal);
            }
            var hosts = new List<HostProces>();
            try
            {
                for (var i = 0; i < n; i++)
                    hosts.Add(await HostProces.StartAsync(db, new Dictionary<string, string>
                    {
                        ["Cluster__ClusterId"] = $"bench-{n}",
                        ["Cluster__ServiceId"] = $"bench-{n}",
                    }, Path.Combine(Path.GetTempPath(), $"kenjeklant-benchmark-silo{i + 1}.log")));
                await Task.Delay(TimeSpan.FromSeconds(3)); // let the silos see each other
                regels.Add(await MeetAsync(hosts[0], db, n, aantal));
            }
            finally
            {
                foreach (var host in hosts) await host.DisposeAsync();
            }
        }
        var pgbench = await PgBench.InsertsPerSecondAsync(laatsteDb!, clients: 16, seconden: 15);

        Console.WriteLine();
        Console.WriteLine($"| silos ({aantal:N0} clients) | durably invited | clients/s | ratio to pgbench |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (n, uitgenodigd) in regels)
            Console.WriteLine($"| {n} | {uitgenodigd:F1} s | {aantal / uitgenodigd:N0} | {aantal / uitgenodigd / pgbench:F2} |");
        Console.WriteLine($"| baseline: pgbench single-row INSERT, 16 clients | | {pgbench:N0} commits/s | 1.00 |");
        return 0;
    }

    private static async Task<(int, double)> MeetAsync(HostProces host, string db, int silos, int aantal)
    {
        using var http = await host.AlsAsync("programmaleider");
        (await http.PostAsJsonAsync(new Uri("/api/v1/campagnes", UriKind.Relative), new { naam = "Ik doe mee" })).EnsureSuccessStatusCode();
        await using var data = NpgsqlDataSource.Create(db);
        var tijd = Stopwatch.StartNew();
        (await http.PostAsync(new Uri("/api/v1/campagnes/ik-doe-mee/start", UriKind.Relative), null)).EnsureSuccessStatusCode();
        while (await FanOutBenchmark.TelAsync(data, "SELECT count(*) FROM bericht WHERE soort = 'uitnodiging'") < aantal) await Task.Delay(20);
        var uitgenodigd = tijd.Elapsed.TotalSeconds;
        Console.WriteLine($"{silos} silo(s): invited {uitgenodigd:F1} s");
        return (silos, uitgenodigd);
    }
}
