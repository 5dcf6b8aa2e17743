using System.Collections.Concurrent;
using System.Diagnostics;
using KenJeKlant.Abstractions.Herbeoordelingen;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Abstractions.Werklijsten;
using KenJeKlant.Grains;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Klanten;
using KenJeKlant.Host.Klanten;
using Microsoft.Extensions.Options;
using KenJeKlant.Host.Infrastructuur.Postgres;
using KenJeKlant.Host.Klantmanagers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace KenJeKlant.Benchmarks;

/// <summary>
/// N clients (default 100,000) whose reassessment falls due at the same midnight: time to register them
/// (the import's bulk path: state, plan, the moment in its indexed column), silo start-up time and heap with them scheduled, and
/// prompts per second delivered to the werklijsten when they all fall due at once. Caseloads are
/// realistic (80 clients per klantmanager). Baseline: pgbench single-row INSERT on the same server.
/// The mass-due phase moves the domain clock past midnight and has every scanner look at once (what
/// each scanner's reminder tick does); HerbeoordelingScannerTests prove a tick gets there.
/// </summary>
internal static class HerbeoordelingBenchmark
{
    private const int PerKlantmanager = 80;
    // Noon: nothing is due until the clock is moved past midnight.
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        var aantal = Omgeving.IntArg(args, "--aantal", 100_000);
        var admin = await Omgeving.PostgresAsync();
        var db = await Omgeving.NieuweDatabaseAsync(admin, "kjk_bench_herbeoordeling");
        await using (var data = NpgsqlDataSource.Create(db))
            await new SchemaMigrator(data, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var klok = new FakeTimeProvider(Start);

        var silo = await BenchSilo.StartAsync(db, klok);
        var registreren = await RegistreerAsync(silo, db, aantal);
        var gepland = await TelGeplandAsync(db);
        await silo.StopAsync();
        silo.Dispose();
        GC.Collect();

        var start = Stopwatch.StartNew();
        silo = await BenchSilo.StartAsync(db, klok);
        var opstart = start.Elapsed.TotalSeconds;
        await Task.Delay(TimeSpan.FromSeconds(5)); // let the reminder service read its range and the scanners take a first look
        var heapNaStart = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;

        var (seconden, ontvangen) = await LaatVervallenAsync(silo, klok, aantal);
        await silo.StopAsync();
        var pgbench = await PgBench.InsertsPerSecondAsync(db, clients: 16, seconden: 15);

        Console.WriteLine();
        Console.WriteLine($"| herbeoordeling, {aantal:N0} clients, moments in klant_overzicht, scanners | figure | per second | ratio to pgbench |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| register (the import's bulk path: state, read-model row and moment, 10,000 per transaction) | {registreren:F1} s | {aantal / registreren:N0} clients/s | {aantal / registreren / pgbench:F2} |");
        Console.WriteLine($"| clients with a planned moment after registering | {gepland:N0} | | |");
        Console.WriteLine($"| silo start-up with them scheduled | {opstart:F1} s | | |");
        Console.WriteLine($"| managed heap 5 s after start-up | {heapNaStart:N0} MiB | | |");
        Console.WriteLine($"| all fall due at one midnight: prompts delivered (every scanner looks once) | {ontvangen:N0} in {seconden:F1} s | {ontvangen / seconden:N0} prompts/s | {ontvangen / seconden / pgbench:F2} |");
        Console.WriteLine($"| baseline: pgbench single-row INSERT, 16 clients | | {pgbench:N0} commits/s | 1.00 |");
        return ontvangen == aantal && gepland == aantal ? 0 : 1;
    }

    // The way an import registers clients it has never seen (decision 29): the state a klant grain would store, written
    // with its read-model row and herbeoordeling moment in bulk, 10,000 per transaction, no grain activated.
    private static async Task<double> RegistreerAsync(IHost silo, string db, int aantal)
    {
        var klok = silo.Services.GetRequiredService<Domeinklok>();
        var beleid = silo.Services.GetRequiredService<IOptionsMonitor<HerbeoordelingBeleid>>().CurrentValue;
        // Spoken to a year ago tomorrow, never classified: due at the coming midnight under the default policy.
        var laatsteGesprek = DateOnly.FromDateTime(Start.UtcDateTime).AddDays(1).AddMonths(-12);
        await using var data = NpgsqlDataSource.Create(db);
        var tijd = Stopwatch.StartNew();
        foreach (var deel in Enumerable.Range(0, aantal).Chunk(10_000))
        {
            var staten = deel.Select(i => NieuweKlant.Staat(new KlantProfiel
            {
                Klantnummer = $"B{i:D7}",
                Naam = $"Klant {i}",
                Geboortedatum = new DateOnly(1980, 1, 1),
                Postcode = "2011AB",
                Huishouden = Huishouden.Alleenstaand,
                StartdatumUitkering = new DateOnly(2020, 1, 1),
                Klantmanager = KlantmanagerVan(i),
                LaatsteGesprek = laatsteGesprek,
            }, "bench", klok, beleid)).ToList();
            await using var conn = await data.OpenConnectionAsync();
            await using var tx = await conn.BeginTransactionAsync();
            await KlantOpslag.VoegNieuweToeAsync(conn, tx, staten);
            await tx.CommitAsync();
        }
        return tijd.Elapsed.TotalSeconds;
    }

    private static async Task<(double Seconden, int Ontvangen)> LaatVervallenAsync(IHost silo, FakeTimeProvider klok, int aantal)
    {
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        var teller = new Teller();
        var referentie = grains.CreateObjectReference<IWerklijstObserver>(teller);
        foreach (var km in Enumerable.Range(0, (aantal + PerKlantmanager - 1) / PerKlantmanager).Select(i => KlantmanagerVan(i * PerKlantmanager)))
            await grains.GetGrain<IKlantmanagerGrain>(km).AbonneerAsync(referentie);

        klok.SetUtcNow(Start.AddHours(12).AddMinutes(1)); // just past midnight: everyone is due
        var tijd = Stopwatch.StartNew();
        var scanners = silo.Services.GetRequiredService<IOptionsMonitor<HerbeoordelingBeleid>>().CurrentValue.Scanners;
        // One-way, as the import asks: a scan of 50,000 clients outlasts a grain call's 30 s response timeout.
        foreach (var n in Enumerable.Range(0, scanners)) await grains.GetGrain<IHerbeoordelingScannerGrain>(n).KijkAsync();
        // Prompts arrive through the werklijst observers; stop when all have, or when none came for a minute.
        var laatste = (Aantal: 0, Op: Stopwatch.StartNew());
        while (teller.Aantal < aantal && laatste.Op.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(100);
            if (teller.Aantal != laatste.Aantal) laatste = (teller.Aantal, Stopwatch.StartNew());
        }
        return (tijd.Elapsed.TotalSeconds, teller.Aantal);
    }

    private static string KlantmanagerVan(int klant) => $"KM{klant / PerKlantmanager:D5}";

    private static async Task<long> TelGeplandAsync(string db)
    {
        await using var data = NpgsqlDataSource.Create(db);
        await using var cmd = data.CreateCommand("SELECT count(*) FROM klant_overzicht WHERE herbeoordeling_controle IS NOT NULL");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private sealed class Teller : IWerklijstObserver
    {
        private readonly ConcurrentDictionary<string, byte> _klanten = new();
        public int Aantal => _klanten.Count;

        public void WerklijstGewijzigd(WerklijstWijziging wijziging)
        {
            if (!wijziging.Verwijderd && wijziging.Item.Status == HerbeoordelingStatus.AanDeBeurt)
                _klanten.TryAdd(wijziging.Item.Klantnummer, 0);
        }
    }
}
