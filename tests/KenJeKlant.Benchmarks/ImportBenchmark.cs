using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using KenJeKlant.Bestand;
using Npgsql;

namespace KenJeKlant.Benchmarks;

/// <summary>
/// Imports a synthetic bestand of N clients (default 400,000, one klantmanager per 80) into an empty database through the
/// real host's HTTP API, then the same file again (everything unchanged), and prints rows/s, the
/// host's peak memory, and pgbench's single-row INSERT commits/s on the same PostgreSQL as baseline.
/// </summary>
internal static class ImportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var aantal = Omgeving.IntArg(args, "--aantal", 400_000);
        var admin = await Omgeving.PostgresAsync();
        var db = await Omgeving.NieuweDatabaseAsync(admin, "kjk_bench_import");

        // Realistic caseloads: one klantmanager per 80 clients (a 400,000-client bestand is not 50 caseloads).
        IReadOnlyList<string> klantmanagers = [.. Enumerable.Range(1, Math.Max(1, aantal / 80)).Select(i => $"KM{i:D5}")];
        var csv = Path.GetTempFileName();
        var genereer = Stopwatch.StartNew();
        await using (var uit = File.Create(csv))
            await new SyntheticBestandGenerator(new SyntheticBestandOpties { Aantal = aantal, Seed = 2017, Peildatum = DateOnly.FromDateTime(DateTime.Today), Klantmanagers = klantmanagers }).SchrijfAsync(uit);
        Console.WriteLine($"generated {aantal:N0} rows ({new FileInfo(csv).Length / 1048576.0:F1} MiB) in {genereer.Elapsed.TotalSeconds:F1} s");

        await using var host = await HostProces.StartAsync(db);
        await ZetKlantmanagersAsync(db, klantmanagers);
        var basis = host.PiekGeheugenMiB();

        var klok = Stopwatch.StartNew();
        var eerste = await ImporteerAsync(host, csv);
        // New clients are written in bulk; those whose herbeoordeling is due now are prompted by the scanners after.
        var (teMelden, gemeldNa) = await WachtOpScannersAsync(db);
        var totGemeld = klok.Elapsed.TotalSeconds;
        var piekEerste = host.PiekGeheugenMiB();
        var tweede = await ImporteerAsync(host, csv);
        var piekTweede = host.PiekGeheugenMiB();
        File.Delete(csv);

        var pgbench = await PgBench.InsertsPerSecondAsync(db, clients: 16, seconden: 15);

        Console.WriteLine();
        Console.WriteLine($"| import of {aantal:N0} rows | seconds | rows/s | ratio to pgbench | host peak RSS (MiB) |");
        Console.WriteLine("|---|---|---|---|---|");
        Console.WriteLine($"| first import (all new) | {eerste.Seconden:F1} | {aantal / eerste.Seconden:N0} | {aantal / eerste.Seconden / pgbench:F2} | {piekEerste:N0} |");
        Console.WriteLine($"| first import until every due herbeoordeling is on its werklijst ({teMelden:N0} due, the last {gemeldNa:F1} s after `klaar`) | {totGemeld:F1} | {aantal / totGemeld:N0} | {aantal / totGemeld / pgbench:F2} | {piekEerste:N0} |");
        Console.WriteLine($"| re-import (all unchanged) | {tweede.Seconden:F1} | {aantal / tweede.Seconden:N0} | {aantal / tweede.Seconden / pgbench:F2} | {piekTweede:N0} |");
        Console.WriteLine($"| baseline: pgbench single-row INSERT, 16 clients | | {pgbench:N0} commits/s | 1.00 | |");
        Console.WriteLine($"host RSS after start-up: {basis:N0} MiB; report first: {eerste.Samenvatting}; second: {tweede.Samenvatting}");
        Console.WriteLine($"host log: {HostProces.LogPad}");
        return eerste.Ok && tweede.Ok ? 0 : 1;
    }

    private static async Task<(double Seconden, bool Ok, string Samenvatting)> ImporteerAsync(HostProces host, string csv)
    {
        using var http = await host.AlsAsync("beheerder", TimeSpan.FromHours(1));
        await using var bestand = File.OpenRead(csv);
        using var inhoud = new StreamContent(bestand);
        inhoud.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var klok = Stopwatch.StartNew();
        // From the upload until the job has ended: the import is a job now (202, then its status resource).
        var stand = await HostProces.ImporteerAsync(http, inhoud);
        var seconden = klok.Elapsed.TotalSeconds;
        var ok = stand.GetProperty("status").GetString() == "klaar";
        var rapport = stand.GetProperty("rapport");
        var samenvatting = ok
            ? $"nieuw {rapport.GetProperty("nieuw")}, ongewijzigd {rapport.GetProperty("ongewijzigd")}, afgewezen {rapport.GetProperty("afgewezen")}"
            : $"{stand.GetProperty("status")}: {stand.GetProperty("melding")}";
        return (seconden, ok, samenvatting);
    }

    // Due now = a moment that has come; the klant grain moves it on (end of grace, tomorrow) once it has prompted.
    private static async Task<(long TeMelden, double Seconden)> WachtOpScannersAsync(string db)
    {
        await using var data = NpgsqlDataSource.Create(db);
        await using var tel = data.CreateCommand("SELECT count(*) FROM klant_overzicht WHERE herbeoordeling_controle <= now()");
        var teMelden = (long)(await tel.ExecuteScalarAsync())!;
        var klok = Stopwatch.StartNew();
        while ((long)(await tel.ExecuteScalarAsync())! > 0 && klok.Elapsed < TimeSpan.FromMinutes(30))
            await Task.Delay(250);
        return (teMelden, klok.Elapsed.TotalSeconds);
    }

    private static async Task ZetKlantmanagersAsync(string db, IReadOnlyList<string> klantmanagers)
    {
        await using var data = NpgsqlDataSource.Create(db);
        foreach (var id in klantmanagers)
        {
            await using var cmd = data.CreateCommand("INSERT INTO medewerker (id, naam) VALUES ($1, $2) ON CONFLICT DO NOTHING");
            cmd.Parameters.Add(new NpgsqlParameter { Value = id });
            cmd.Parameters.Add(new NpgsqlParameter { Value = "Klantmanager " + id });
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
