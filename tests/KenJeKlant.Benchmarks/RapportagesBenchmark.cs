using System.Diagnostics;
using System.Globalization;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Host.Gemeenten;
using KenJeKlant.Host.Infrastructuur.Postgres;
using KenJeKlant.Host.Peildata;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KenJeKlant.Benchmarks;

/// <summary>
/// Rapportages over N clients (default 400,000, three gemeenten) with Y years (default 3) of daily peildata:
/// <list type="number">
/// <item>the first peildatum ever (every client a new period) and a nightly one after a day's changes, through the
/// real <see cref="PostgresPeildata"/>: target &lt; 60 s;</item>
/// <item>every report through the real host over HTTP, together and for one gemeente: p50 and p95 of R requests,
/// target p95 &lt; 1 s;</item>
/// <item>the storage the peildata take, per year.</item>
/// </list>
/// The history before the measured night is generated in SQL (periods with ~3 changes per client a year, 10 % of them
/// out of the bestand and back), its day counts made by the real count query on the first of each month and carried to
/// the other days, with each day's own in- and uitstroom; plus a gesprek per client per year. Context: pgbench
/// single-row INSERT commits on the same server in the same run.
/// </summary>
internal static class RapportagesBenchmark
{
    private static readonly string[] Gemeenten = ["0453", "0375", "0396"];
    private static readonly int[] GratieDagen = [14, 14, 14];

    public static async Task<int> RunAsync(string[] args)
    {
        var aantal = Omgeving.IntArg(args, "--aantal", 400_000);
        var jaren = Omgeving.IntArg(args, "--jaren", 3);
        var keren = Omgeving.IntArg(args, "--keren", 20);
        var admin = await Omgeving.PostgresAsync();
        var db = await Omgeving.NieuweDatabaseAsync(admin, "kjk_bench_rapportages");
        var vandaag = DateOnly.FromDateTime(DateTime.Now);
        var begin = vandaag.AddYears(-jaren);
        await using var data = NpgsqlDataSource.Create(db);
        await new SchemaMigrator(data, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var peildata = Peildata(data);

        var klok = Stopwatch.StartNew();
        await VoerUitAsync(data, KlantenSql(aantal));
        Console.WriteLine($"seeded {aantal:N0} clients in {klok.Elapsed.TotalSeconds:F0} s");

        // 1. The first peildatum ever: every client a new period, and its counts.
        var eerste = await peildata.NeemAsync(begin.AddDays(-1));
        Console.WriteLine($"first peildatum ever: {eerste.Klanten:N0} clients, {eerste.Gewijzigd:N0} periods, {eerste.DuurMs / 1000.0:F1} s");
        await VoerUitAsync(data, "TRUNCATE peildatum_telling, klant_peildata; DELETE FROM peildatum_run;");

        klok.Restart();
        await VoerUitAsync(data, GeschiedenisSql(begin, vandaag.AddDays(-2)));
        await VoerUitAsync(data, GesprekkenSql(aantal, jaren));
        await VulTellingenAsync(data, begin, vandaag.AddDays(-2));
        foreach (var tabel in new[] { "klant_peildata", "peildatum_telling", "gesprek" }) await VoerUitAsync(data, $"VACUUM ANALYZE {tabel}");
        Console.WriteLine($"generated {jaren} years of peildata history in {klok.Elapsed.TotalSeconds:F0} s");

        // 2. A night: 1 % of the clients changed during the day (a gesprek held, a trede measured, a few leaving).
        await VoerUitAsync(data, $"""
            UPDATE klant_overzicht SET laatste_gesprek = current_date - 1, trede = least(6, coalesce(trede, 1) + 1)
            WHERE hashtext(klantnummer) % 100 = 7;
            UPDATE klant_overzicht SET in_bestand = false, uitstroom_reden = 'werk (regulier)' WHERE hashtext(klantnummer) % 1000 = 3;
            """);
        klok.Restart();
        var nacht = await peildata.NeemAsync(vandaag.AddDays(-1));
        Console.WriteLine($"nightly peildatum: {nacht.Klanten:N0} clients, {nacht.Gewijzigd:N0} changed periods, {nacht.DuurMs / 1000.0:F1} s (with the vacuum after it: {klok.Elapsed.TotalSeconds:F1} s)");

        var omvang = await GroottesAsync(data);
        var perJaar = omvang.Sum(o => o.Bytes) / (double)jaren;
        foreach (var (tabel, rijen, bytes) in omvang) Console.WriteLine($"{tabel}: {rijen:N0} rows, {bytes / 1048576.0:N0} MiB");
        Console.WriteLine($"storage per year of peildata: {perJaar / 1048576.0:N0} MiB for {aantal:N0} clients");

        // 3. Every report through the host, together and for Velsen.
        var tijden = new List<(string Soort, string Gebied, List<double> Ms)>();
        await using (var host = await HostProces.StartAsync(db, new Dictionary<string, string>
        {
            ["Gemeenten__0__Code"] = "0453", ["Gemeenten__0__Naam"] = "Velsen",
            ["Gemeenten__1__Code"] = "0375", ["Gemeenten__1__Naam"] = "Beverwijk",
            ["Gemeenten__2__Code"] = "0396", ["Gemeenten__2__Naam"] = "Heemskerk",
        }))
        {
            using var programmaleider = await host.AlsAsync("programmaleider", TimeSpan.FromMinutes(2));
            var jaarTerug = vandaag.AddYears(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var alles = begin.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var vragen = new (string Soort, string Query)[]
            {
                ("bestand", ""), ("stromen", $"van={alles}"), ("gesprekken", $"van={jaarTerug}"), ("ladder", $"van={jaarTerug}"),
                ("herbeoordeling", $"van={jaarTerug}"), ("handhaving", $"van={alles}"), ("uitkomsten", $"van={alles}"), ("doelenboom", $"van={alles}"),
            };
            foreach (var (soort, query) in vragen)
                foreach (var gemeente in new[] { "", "0453" })
                {
                    var adres = $"/api/v1/rapportages/{soort}?{query}" + (gemeente == "" ? "" : $"&gemeente={gemeente}");
                    (await programmaleider.GetAsync(new Uri(adres, UriKind.Relative))).EnsureSuccessStatusCode(); // warm
                    var ms = new List<double>();
                    for (var i = 0; i < keren; i++)
                    {
                        var t = Stopwatch.StartNew();
                        using var antwoord = await programmaleider.GetAsync(new Uri(adres, UriKind.Relative));
                        await antwoord.Content.ReadAsByteArrayAsync();
                        antwoord.EnsureSuccessStatusCode();
                        ms.Add(t.Elapsed.TotalMilliseconds);
                    }
                    ms.Sort();
                    tijden.Add((soort, gemeente == "" ? "samen" : "Velsen", ms));
                }
        }

        var pgbench = await PgBench.InsertsPerSecondAsync(db, clients: 16, seconden: 15);
        Console.WriteLine();
        Console.WriteLine($"| peildatum run ({aantal:N0} clients) | periods written | time | target | clients/s | pgbench (same run) | ratio |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (naam, run) in new[] { ("first ever", eerste), ("nightly, 1 % changed", nacht) })
        {
            var perSeconde = run.Klanten / Math.Max(0.001, run.DuurMs / 1000.0);
            Console.WriteLine($"| {naam} | {run.Gewijzigd:N0} | {run.DuurMs / 1000.0:F1} s | < 60 s | {perSeconde:N0} | {pgbench:N0} commits/s | {perSeconde / pgbench:F1} |");
        }
        Console.WriteLine();
        Console.WriteLine($"| report ({jaren} years of daily peildata) | gemeente | requests | p50 | p95 | target |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var (soort, gebied, ms) in tijden)
            Console.WriteLine($"| {soort} | {gebied} | {ms.Count} | {ms[ms.Count / 2]:F0} ms | {P95(ms):F0} ms | < 1000 ms |");
        var goed = tijden.All(t => P95(t.Ms) < 1000) && nacht.DuurMs < 60_000 && eerste.DuurMs < 60_000;
        return goed ? 0 : 1;
    }

    private static double P95(List<double> ms) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(ms.Count * 0.95) - 1)];

    private static PostgresPeildata Peildata(NpgsqlDataSource data)
    {
        var gemeenten = new GemeentenInstellingen();
        foreach (var (code, naam) in Gemeenten.Zip(["Velsen", "Beverwijk", "Heemskerk"]))
            gemeenten.Gemeenten.Add(new GemeenteInstelling { Code = code, Naam = naam });
        var beleid = new HerbeoordelingBeleid();
        beleid.VulStandaarden();
        return new PostgresPeildata(data, new Gemeentelijst(Options.Create(gemeenten)), new VasteOpties<HerbeoordelingBeleid>(beleid));
    }

    private sealed class VasteOpties<T>(T waarde) : IOptionsMonitor<T>
    {
        public T CurrentValue => waarde;
        public T Get(string? name) => waarde;
        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }

    private static async Task VoerUitAsync(NpgsqlDataSource data, string sql)
    {
        await using var cmd = data.CreateCommand(sql);
        cmd.CommandTimeout = 3600;
        await cmd.ExecuteNonQueryAsync();
    }

    private static string KlantenSql(int aantal) => $"""
        INSERT INTO klant_overzicht (klantnummer, naam, postcode, wijk, klantmanager, huishouden, geboortedatum, startdatum_uitkering,
            laatste_gesprek, statushouder, schoolverlater_pro_vso, arbeidsbeperking, doelgroepregister, in_bestand, indeling, trede, route,
            ontheffing_tot, herbeoordeling_datum, gemeente, bijgewerkt_op)
        SELECT 'R' || lpad(i::text, 7, '0'), 'Klant ' || i, '1971AB', 'Centrum', 'KM' || lpad((i % 80)::text, 5, '0'), 'alleenstaand',
               date '1980-01-01', date '2020-01-01', current_date - (i % 900), false, false, false, false, true,
               (ARRAY['zonder-afstand', 'overbrugbare-afstand', 'onoverbrugbare-afstand', NULL])[1 + i % 4],
               CASE WHEN i % 4 = 3 THEN NULL ELSE 1 + (i * 7) % 6 END,
               (ARRAY['directe bemiddeling', 'werkfit', 'taal', 'zorg', NULL])[1 + (i * 3) % 5],
               CASE WHEN i % 20 = 0 THEN current_date + 90 END, current_date + (i % 400) - 100,
               (ARRAY['0453', '0375', '0396'])[1 + i % 3], now()
        FROM generate_series(1, {aantal}) AS i;
        ANALYZE klant_overzicht;
        """;

    // Per client about three changes a year before its current state; one period in ten out of the bestand (and back).
    private static string GeschiedenisSql(DateOnly begin, DateOnly laatste) => GeschiedenisSql(begin, laatste, (laatste.DayNumber - begin.DayNumber) / 10);

    private static string GeschiedenisSql(DateOnly begin, DateOnly laatste, int stap) => $"""
        INSERT INTO klant_peildata (klantnummer, geldig_van, geldig_tot, gemeente, in_bestand, indeling, trede, route, ontheffing_tot,
            herbeoordeling_datum, laatste_gesprek, uitstroom_reden, stroom, stroom_reden, vorige_trede, vorige_route)
        SELECT klantnummer, van, coalesce(lead(van) OVER w, 'infinity'), gemeente, in_bestand, indeling, trede, route, ontheffing_tot,
               herbeoordeling_datum, laatste_gesprek, uitstroom_reden,
               CASE WHEN lag(in_bestand) OVER w IS NULL THEN NULL WHEN in_bestand AND NOT lag(in_bestand) OVER w THEN 'instroom'
                    WHEN NOT in_bestand AND lag(in_bestand) OVER w THEN 'uitstroom' END,
               CASE WHEN lag(in_bestand) OVER w IS NULL THEN NULL WHEN in_bestand AND NOT lag(in_bestand) OVER w THEN 'terug in bestand'
                    WHEN NOT in_bestand AND lag(in_bestand) OVER w THEN uitstroom_reden END,
               lag(trede) OVER w, lag(route) OVER w
        FROM (
            SELECT k.klantnummer, (date '{begin:yyyy-MM-dd}' + s.n * {stap} + (hashtext(k.klantnummer || s.n) & 1023) % {Math.Max(1, stap / 2)})::date AS van,
                   k.gemeente, hashtext(k.klantnummer || s.n) % 10 <> 0 AS in_bestand,
                   (ARRAY['zonder-afstand', 'overbrugbare-afstand', 'onoverbrugbare-afstand', NULL])[1 + (hashtext(k.klantnummer || s.n) & 3)] AS indeling,
                   1 + (hashtext(k.klantnummer || s.n) & 1023) % 6 AS trede,
                   (ARRAY['directe bemiddeling', 'werkfit', 'taal', 'zorg', NULL])[1 + (hashtext(k.klantnummer || s.n) & 1023) % 5] AS route,
                   NULL::date AS ontheffing_tot, (date '{begin:yyyy-MM-dd}' + s.n * 100 + 180)::date AS herbeoordeling_datum,
                   (date '{begin:yyyy-MM-dd}' + s.n * 100 - 30)::date AS laatste_gesprek,
                   (ARRAY['werk (regulier)', 'verhuizing', 'reden onbekend', 'garantiebaan'])[1 + (hashtext(k.klantnummer || s.n) & 1023) % 4] AS uitstroom_reden
            FROM klant_overzicht k CROSS JOIN generate_series(0, 8) AS s(n)
            UNION ALL
            SELECT klantnummer, date '{laatste:yyyy-MM-dd}', gemeente, in_bestand, indeling, trede, route, ontheffing_tot,
                   herbeoordeling_datum, laatste_gesprek, uitstroom_reden
            FROM klant_overzicht
        ) p
        WINDOW w AS (PARTITION BY klantnummer ORDER BY van);
        INSERT INTO peildatum_run (peildatum, uitgevoerd_op, klanten, gewijzigd, duur_ms)
        SELECT d::date, now(), 0, 0, 0 FROM generate_series(date '{begin:yyyy-MM-dd}', date '{laatste:yyyy-MM-dd}', interval '1 day') AS d;
        """;

    private static async Task VulTellingenAsync(NpgsqlDataSource data, DateOnly begin, DateOnly laatste)
    {
        // The real count query on the first of each month (and the last day), carried to the days in between, whose
        // in- and uitstroom are their own.
        var maanden = new List<DateOnly>();
        for (var m = new DateOnly(begin.Year, begin.Month, 1).AddMonths(1); m <= laatste; m = m.AddMonths(1)) maanden.Add(m);
        maanden.Insert(0, begin);
        maanden.Add(laatste);
        foreach (var dag in maanden.Distinct())
        {
            await using var cmd = data.CreateCommand(PostgresPeildata.Tellen);
            cmd.CommandTimeout = 600;
            cmd.Parameters.AddWithValue("peildatum", dag);
            cmd.Parameters.AddWithValue("standaard", Gemeenten[0]);
            cmd.Parameters.AddWithValue("teLaat", 14);
            cmd.Parameters.AddWithValue("codes", Gemeenten);
            cmd.Parameters.AddWithValue("dagen", GratieDagen);
            await cmd.ExecuteNonQueryAsync();
        }
        await VoerUitAsync(data, $"""
            INSERT INTO peildatum_telling (peildatum, gemeente, soort, sleutel, aantal)
            SELECT d.dag, t.gemeente, t.soort, t.sleutel, t.aantal
            FROM (SELECT g::date AS dag FROM generate_series(date '{begin:yyyy-MM-dd}', date '{laatste:yyyy-MM-dd}', interval '1 day') g) d
            JOIN LATERAL (SELECT max(peildatum) AS bron FROM peildatum_telling WHERE peildatum <= d.dag) b ON true
            JOIN peildatum_telling t ON t.peildatum = b.bron
             AND t.soort IN ('bestand', 'indeling', 'trede', 'route', 'ontheffing', 'herbeoordeling', 'gesproken')
            WHERE NOT EXISTS (SELECT 1 FROM peildatum_telling x WHERE x.peildatum = d.dag);
            INSERT INTO peildatum_telling (peildatum, gemeente, soort, sleutel, aantal)
            SELECT geldig_van, gemeente, stroom, stroom_reden, count(*) FROM klant_peildata
            WHERE stroom IS NOT NULL AND geldig_van BETWEEN date '{begin:yyyy-MM-dd}' AND date '{laatste:yyyy-MM-dd}'
            GROUP BY 1, 2, 3, 4
            ON CONFLICT DO NOTHING;
            INSERT INTO peildatum_telling (peildatum, gemeente, soort, sleutel, aantal)
            SELECT d, gemeente, s, k, count(*) FROM (
                SELECT (uitkomst_op AT TIME ZONE 'Europe/Amsterdam')::date AS d, gemeente, 'gesprek' AS s, soort AS k FROM gesprek
                UNION ALL
                SELECT (uitkomst_op AT TIME ZONE 'Europe/Amsterdam')::date, gemeente, 'route-gesprek', route FROM gesprek WHERE route IS NOT NULL) g
            WHERE d BETWEEN date '{begin:yyyy-MM-dd}' AND date '{laatste:yyyy-MM-dd}'
            GROUP BY 1, 2, 3, 4
            ON CONFLICT DO NOTHING;
            """);
    }

    // A gesprek per client per year (held), some of them herbeoordelingen; one in a hundred a no-show signal.
    private static string GesprekkenSql(int aantal, int jaren) => $"""
        INSERT INTO gesprek (id, campagne_id, klantnummer, poging, naam, klantmanager, start, eind, status, uitnodiging_op, versie,
                             soort, route, ontheffing_tot, gemeente, uitkomst_op)
        SELECT gen_random_uuid(), 'bench', k.klantnummer, j, 'Klant', k.klantmanager,
               now() - make_interval(days => j * 365 - (hashtext(k.klantnummer) & 255)), now() - make_interval(days => j * 365 - (hashtext(k.klantnummer) & 255)) + interval '45 minutes',
               'gehouden', now() - make_interval(days => j * 365 + 14), 1,
               CASE WHEN hashtext(k.klantnummer) % 3 = 0 THEN 'herbeoordeling' ELSE 'participatiegesprek' END, k.route, k.ontheffing_tot, k.gemeente,
               now() - make_interval(days => j * 365 - (hashtext(k.klantnummer) & 255)) + interval '1 hour'
        FROM klant_overzicht k CROSS JOIN generate_series(1, {jaren}) AS j;
        INSERT INTO handhavingssignaal (id, gesprek_id, campagne_id, klantnummer, reden, status, aangemaakt_op, besluit, gemeente)
        SELECT gen_random_uuid(), id, campagne_id, klantnummer, 'niet verschenen', 'besloten', start + interval '1 day',
               (ARRAY['geen-maatregel', 'waarschuwing', 'voorstel-maatregel'])[1 + (hashtext(klantnummer) & 3) % 3], gemeente
        FROM gesprek WHERE hashtext(id::text) % 100 = 0;
        """;

    private static async Task<List<(string Tabel, long Rijen, long Bytes)>> GroottesAsync(NpgsqlDataSource data)
    {
        var uit = new List<(string, long, long)>();
        foreach (var tabel in new[] { "klant_peildata", "peildatum_telling" })
        {
            await using var cmd = data.CreateCommand($"SELECT count(*), pg_total_relation_size('{tabel}') FROM {tabel}");
            await using var lezer = await cmd.ExecuteReaderAsync();
            await lezer.ReadAsync();
            uit.Add((tabel, lezer.GetInt64(0), lezer.GetInt64(1)));
        }
        return uit;
    }
}
