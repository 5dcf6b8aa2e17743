using System.Diagnostics;
using System.Globalization;
using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Host.Infrastructuur.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace KenJeKlant.Benchmarks;

/// <summary>
/// A campaign started over N clients (default 3,800 and 100,000) on one silo with everything in
/// PostgreSQL. "Durably invited" = the client's gesprek (slot, klantmanager) and its invitation in
/// the outbox are committed; the invitation letter itself is released at its lead time. Measured
/// separately: until every klant grain has stored its gesprek (one grain-state write per client).
/// The bestand is seeded straight into the klant read model (the selection reads it), so the
/// figure is the fan-out, not the import. Baseline: pgbench single-row INSERT on the same server.
/// </summary>
internal static class FanOutBenchmark
{
    private const int PerKlantmanager = 80;
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        var aantallen = Omgeving.ArgOf(args, "--aantallen", "3800,100000").Split(',').Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList();
        var admin = await Omgeving.PostgresAsync();
        var metingen = new List<(int Aantal, double Uitgenodigd, double RssVoor, double RssNa, double Heap)>();
        var ok = true;
        string? laatsteDb = null;
        foreach (var aantal in aantallen)
        {
            var db = await Omgeving.NieuweDatabaseAsync(admin, $"kjk_bench_fanout_{aantal}");
            laatsteDb = db;
            await using (var data = NpgsqlDataSource.Create(db))
            {
                await new SchemaMigrator(data, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
                await ZaaiAsync(data, aantal);
            }
            var (uitgenodigd, rssVoor, rssNa, heap, geteld) = await MeetAsync(db, aantal);
            ok &= geteld == aantal;
            metingen.Add((aantal, uitgenodigd, rssVoor, rssNa, heap));
        }
        var pgbench = await PgBench.InsertsPerSecondAsync(laatsteDb!, clients: 16, seconden: 15);

        Console.WriteLine();
        // The gesprek row is the client's gesprek (its one truth): durably invited is also "every klant holds its new state".
        Console.WriteLine("| clients | durably invited (gesprek + outbox) | clients/s | ratio to pgbench | process RSS (peak) | managed heap after |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var (aantal, uitgenodigd, rssVoor, rssNa, heap) in metingen)
            Console.WriteLine($"| {aantal:N0} | {uitgenodigd:F2} s | {aantal / uitgenodigd:N0} | {aantal / uitgenodigd / pgbench:F2} | {rssVoor:N0} → {rssNa:N0} MiB | {heap:N0} MiB |");
        Console.WriteLine($"| baseline: pgbench single-row INSERT, 16 clients | | {pgbench:N0} commits/s | 1.00 | | |");
        return ok ? 0 : 1;
    }

    private static async Task<(double Uitgenodigd, double RssVoor, double RssNa, double Heap, long Geteld)> MeetAsync(string db, int aantal)
    {
        var klok = new FakeTimeProvider(Start);
        using var silo = await BenchSilo.StartAsync(db, klok);
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        var beleid = new CampagneBeleid();
        beleid.VulStandaarden();
        var definitie = beleid.Definitie("Ik doe mee", null, DateOnly.FromDateTime(Start.UtcDateTime));
        var campagne = grains.GetGrain<ICampagneGrain>($"bench-{aantal}");
        await campagne.MaakAsync(definitie, "benchmark");
        var rssVoor = Rss();

        var tijd = Stopwatch.StartNew();
        await campagne.StartAsync("benchmark");
        while ((await campagne.GetAsync())!.UitnodigenKlaar is false) await Task.Delay(5);
        var uitgenodigd = tijd.Elapsed.TotalSeconds;
        await using var data = NpgsqlDataSource.Create(db);

        var geteld = await TelAsync(data, "SELECT count(*) FROM bericht WHERE soort = 'uitnodiging'");
        var rssNa = Rss();
        var heap = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
        Console.WriteLine($"{aantal:N0}: {geteld:N0} invitations in the outbox, {(await campagne.GetVoortgangAsync())!.Funnel.Ingepland:N0} planned");
        await silo.StopAsync();
        return (uitgenodigd, rssVoor, rssNa, heap, geteld);
    }

    /// <summary>N clients in the read model, 80 per klantmanager, a third never spoken to.</summary>
    internal static async Task ZaaiAsync(NpgsqlDataSource data, int aantal)
    {
        await using var cmd = data.CreateCommand($"""
            INSERT INTO klant_overzicht (klantnummer, naam, postcode, wijk, klantmanager, huishouden, geboortedatum,
                startdatum_uitkering, laatste_gesprek, statushouder, schoolverlater_pro_vso, arbeidsbeperking,
                doelgroepregister, in_bestand, bijgewerkt_op)
            SELECT 'F' || lpad(i::text, 7, '0'), 'Klant ' || i, '2011AB', 'Centrum', 'KM' || lpad((i / {PerKlantmanager})::text, 5, '0'),
                   'Alleenstaand', date '1980-01-01', date '2020-01-01' + (i % 1000),
                   CASE WHEN i % 3 = 0 THEN NULL ELSE date '2023-01-01' + (i % 700) END,
                   false, false, false, false, true, now()
            FROM generate_series(0, {aantal - 1}) AS i
            """);
        await cmd.ExecuteNonQueryAsync();
    }

    internal static async Task<long> TelAsync(NpgsqlDataSource data, string sql)
    {
        await using var cmd = data.CreateCommand(sql);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static double Rss()
    {
        var regel = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(regel.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
