using System.Diagnostics;
using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Gesprekken;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Gesprekken;
using KenJeKlant.Host.Infrastructuur.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace KenJeKlant.Benchmarks;

/// <summary>
/// A klantmanager plans one gesprek at a time while the agenda holds a campaign of N clients (default 100,000):
/// each plan reads the client, their open gesprekken and the day's bookings, checks the agenda, and books under the
/// klantmanager's lock with the invitation in the outbox, then tells the werklijst. Measured per call, end to end
/// through the agenda grain, one klantmanager after another (their agenda is one grain: plans of one klantmanager are
/// serial by design). Baseline: pgbench single-row INSERT commits on the same server, same run.
/// </summary>
internal static class PlanningBenchmark
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        var aantal = Omgeving.IntArg(args, "--aantal", 100_000);
        var plannen = Omgeving.IntArg(args, "--plannen", 1_000);
        var admin = await Omgeving.PostgresAsync();
        var db = await Omgeving.NieuweDatabaseAsync(admin, "kjk_bench_planning");
        await using var data = NpgsqlDataSource.Create(db);
        await new SchemaMigrator(data, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await FanOutBenchmark.ZaaiAsync(data, aantal);

        var klok = new FakeTimeProvider(Start);
        using var silo = await BenchSilo.StartAsync(db, klok);
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        var beleid = new CampagneBeleid();
        beleid.VulStandaarden();
        var campagne = grains.GetGrain<ICampagneGrain>("bench-planning");
        await campagne.MaakAsync(beleid.Definitie("Ik doe mee", null, DateOnly.FromDateTime(Start.UtcDateTime)), "benchmark");
        await campagne.StartAsync("benchmark");
        while ((await campagne.GetAsync())!.UitnodigenKlaar is false) await Task.Delay(50);
        var campagneGesprekken = await FanOutBenchmark.TelAsync(data, "SELECT count(*) FROM gesprek");
        Console.WriteLine($"campaign: {campagneGesprekken:N0} gesprekken booked in the agendas");

        // Clients the campaign did not select (they joined later), ten per klantmanager, for the klantmanagers' own gesprekken.
        var klantmanagers = (int)Math.Ceiling(plannen / 10.0);
        await using (var cmd = data.CreateCommand($"""
            INSERT INTO klant_overzicht (klantnummer, naam, postcode, wijk, klantmanager, huishouden, geboortedatum, startdatum_uitkering,
                statushouder, schoolverlater_pro_vso, arbeidsbeperking, doelgroepregister, in_bestand, bijgewerkt_op)
            SELECT 'P' || lpad(i::text, 7, '0'), 'Nieuwe klant ' || i, '2011AB', 'Centrum', 'KM' || lpad((i / 10)::text, 5, '0'),
                   'Alleenstaand', date '1980-01-01', date '2026-10-01', false, false, false, false, true, now()
            FROM generate_series(0, {klantmanagers * 10 - 1}) AS i
            """)) await cmd.ExecuteNonQueryAsync();

        var agendaOpslag = silo.Services.GetRequiredService<IAgendaOpslag>();
        var zone = klok.LocalTimeZone;
        var werktijden = Werkagenda.Werktijden(beleid);
        var vandaag = DateOnly.FromDateTime(Start.UtcDateTime);
        var tijden = new List<double>(plannen);
        var geweigerd = 0;
        var totaal = Stopwatch.StartNew();
        for (var i = 0; i < plannen; i++)
        {
            var km = $"KM{i / 10:00000}";
            // The form offers free moments (not timed): the agenda's first free one a week ahead.
            var van = vandaag.AddDays(7 + i % 10);
            var geboekt = await agendaOpslag.GeboektAsync(km, Werkagenda.Tijdstip(van, TimeOnly.MinValue, zone), Werkagenda.Tijdstip(van.AddDays(14), TimeOnly.MinValue, zone), null);
            var vrij = Werkagenda.VrijeMomenten(werktijden, van, van.AddDays(14), geboekt, [], Start, zone).First();
            var aanvraag = new GesprekAanvraag($"P{i:0000000}", vrij.Start, 45, GesprekVorm.Telefonisch, GesprekSoort.Herbeoordeling, null, null, "benchmark");
            var t = Stopwatch.GetTimestamp();
            try
            {
                await grains.GetGrain<IAgendaGrain>(km).PlanAsync(aanvraag);
            }
            catch (Exception e) when (e is KenJeKlant.Abstractions.Klanten.OvergangGeweigerdException or KenJeKlant.Abstractions.Klanten.OngeldigeInvoerException)
            {
                geweigerd++;
            }
            tijden.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        var duur = totaal.Elapsed.TotalSeconds;
        await silo.StopAsync();
        var pgbench = await PgBench.InsertsPerSecondAsync(db, clients: 16, seconden: 15);

        tijden.Sort();
        double P(double p) => tijden[Math.Min(tijden.Count - 1, (int)Math.Ceiling(p * tijden.Count) - 1)];
        var perSeconde = plannen / tijden.Sum() * 1000;
        Console.WriteLine();
        Console.WriteLine($"| gesprekken in the agendas | plans | refused | p50 | p95 | p99 | max | plans/s (serial) | ratio to pgbench |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        Console.WriteLine($"| {campagneGesprekken:N0} | {plannen:N0} | {geweigerd} | {P(0.50):F1} ms | {P(0.95):F1} ms | {P(0.99):F1} ms | {tijden[^1]:F1} ms | {perSeconde:N0} | {perSeconde / pgbench:F2} |");
        Console.WriteLine($"| baseline: pgbench single-row INSERT, 16 clients | | | | | | | {pgbench:N0} commits/s | 1.00 |");
        Console.WriteLine($"({duur:F1} s for all plans, including the untimed free-moment lookups)");
        return geweigerd == 0 && P(0.99) < 100 ? 0 : 1;
    }
}
