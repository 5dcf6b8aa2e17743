using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KenJeKlant.Host.Infrastructuur.Postgres;
using KenJeKlant.Host.Klantmanagers;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace KenJeKlant.Benchmarks;

/// <summary>
/// Live push, measured from outside: the real host as its own process (one silo, PostgreSQL), the
/// real dashboard pages in Debian's Chromium (<see cref="BrowserSonde"/>), and .NET SignalR clients
/// over WebSockets in this process.
/// (a) Latency from the API call that causes a grain event to the handler of the klantmanager's
///     werklijst page in the browser: a klantmanager sets a client's herbeoordeling date
///     (POST …/herbeoordeling: klant grain → KlantmanagerGrain → the host's werklijst observer → its
///     250 ms buffer → SignalR), idle and during a campaign fan-out of --aantal clients. Same-run
///     baselines: idle, a .NET client on the same hub group, and the POST's own round trip.
/// (b) Dashboard connections one silo serves: N .NET connections and one programmaleider page follow
///     one campaign; a status change (pauzeer/hervat, pushed at once by the campaign grain) is timed
///     from the POST to every connection's handler; N grows until p99 passes 1 s.
/// </summary>
internal static class RealtimeBenchmark
{
    private const string Klantmanager = "KMLAT";
    private const string Meetwijk = "Meetwijk";

    public static async Task<int> RunAsync(string[] args)
    {
        var aantal = Omgeving.IntArg(args, "--aantal", 10_000);
        var sonden = Omgeving.IntArg(args, "--sonden", 4);
        var idleMetingen = Omgeving.IntArg(args, "--metingen", 200);
        var stappen = Omgeving.ArgOf(args, "--verbindingen", "100,250,500,1000,2000,4000,8000")
            .Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();

        var admin = await Omgeving.PostgresAsync();
        var db = await Omgeving.NieuweDatabaseAsync(admin, "kjk_bench_realtime");
        await using (var data = NpgsqlDataSource.Create(db))
            await new SchemaMigrator(data, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await using var host = await HostProces.StartAsync(db);
        // One account that sets up (beheerder), runs the campaigns (programmaleider) and holds the
        // measured caseload (klantmanager Meet), so every call and connection carries a real token.
        using (var beheerder = await host.AlsAsync("beheerder"))
        {
            (await beheerder.PutAsJsonAsync(new Uri($"/api/v1/klantmanagers/{Klantmanager}", UriKind.Relative), new { naam = "Meet" })).EnsureSuccessStatusCode();
            await HostProces.MaakAccountAsync(beheerder, "meet", ["beheerder", "programmaleider", "klantmanager"], Klantmanager);
        }
        using var http = await host.AlsAsync("meet", TimeSpan.FromMinutes(5));
        var token = http.DefaultRequestHeaders.Authorization!.Parameter!;

        // The probes' clients are imported for real (their grains hold a herbeoordeling). The import
        // marks clients missing from the export as gone, so the bulk is seeded after it, straight
        // into the read model the campaign's selection reads (as the fan-out benchmark does).
        var probeKlanten = Enumerable.Range(1, sonden).Select(i => $"L{i:D4}").ToList();
        var import = await HostProces.ImporteerAsync(http, Bestand(probeKlanten));
        if (import.GetProperty("status").GetString() != "klaar") throw new InvalidOperationException($"import: {import}");
        // For (b): a small campaign over the probes' wijk, started before the big one selects everybody
        // else; it stays active, so pauzeer/hervat can alternate.
        (await http.PostAsJsonAsync(new Uri("/api/v1/campagnes", UriKind.Relative), new { naam = "Volg mij", selectie = new { wijk = Meetwijk } })).EnsureSuccessStatusCode();
        (await http.PostAsync(new Uri("/api/v1/campagnes/volg-mij/start", UriKind.Relative), null)).EnsureSuccessStatusCode();
        await using (var data = NpgsqlDataSource.Create(db)) await FanOutBenchmark.ZaaiAsync(data, aantal);

        await using var werklijst = await VerbindAsync(host.Adres, "/hubs/werklijsten", token);
        var wachtend = new ConcurrentDictionary<string, Verwacht>();
        werklijst.On<JsonElement>("WerklijstGewijzigd", batch =>
        {
            var nu = Stopwatch.GetTimestamp();
            foreach (var w in batch.EnumerateArray())
            {
                var item = w.GetProperty("item");
                if (item.GetProperty("soort").GetString() != "herbeoordeling") continue;
                var klant = item.GetProperty("klantnummer").GetString()!;
                if (wachtend.TryGetValue(klant, out var verwacht) && verwacht.Verwijderd == w.GetProperty("verwijderd").GetBoolean())
                    verwacht.DotNet.TrySetResult(nu);
            }
        });
        werklijst.Closed += fout =>
        {
            // Closed by the host or the network (not by this process at the end): the probes would wait in vain.
            if (fout is not null) Console.WriteLine($"werklijst connection lost: {fout.Message}");
            return Task.CompletedTask;
        };
        await werklijst.InvokeAsync("Volg", Klantmanager);

        // The klantmanager's own werklijst page (the account's medewerker is the measured caseload).
        await using var browser = await BrowserSonde.StartAsync();
        var werklijstPagina = await browser.OpenAsync(host.Adres, "meet", HostProces.Wachtwoord, "/klantmanager.html", o =>
        {
            if (o.Methode != "WerklijstGewijzigd") return;
            foreach (var w in o.Samenvatting.EnumerateArray())
            {
                if (w.GetProperty("soort").GetString() != "herbeoordeling") continue;
                if (wachtend.TryGetValue(w.GetProperty("klant").GetString()!, out var verwacht) && verwacht.Verwijderd == w.GetProperty("verwijderd").GetBoolean())
                    verwacht.Browser.TrySetResult(o);
            }
        });
        var (klokVerschil, klokOnzeker) = await BrowserSonde.KlokVerschilAsync(werklijstPagina);
        Console.WriteLine($"browser clock vs this process: {klokVerschil:F1} ms apart at most (reading uncertainty ±{klokOnzeker:F1} ms)");

        // Warm-up (JIT, first activations), not counted.
        await MeetLatentieAsync(http, probeKlanten, wachtend, () => false, 10, null);

        var idle = await MeetLatentieAsync(http, probeKlanten, wachtend, () => false, idleMetingen, null);
        Console.WriteLine($"idle: {idle.Count} samples");

        // Under load: the whole bestand invited by one campaign while the probes keep measuring.
        (await http.PostAsJsonAsync(new Uri("/api/v1/campagnes", UriKind.Relative), new { naam = "Belasting" })).EnsureSuccessStatusCode();
        await using var tabellen = NpgsqlDataSource.Create(db);
        var fase = "durable";
        var klaar = false;
        var fanOut = Stopwatch.StartNew();
        (await http.PostAsync(new Uri("/api/v1/campagnes/belasting/start", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var volger = Task.Run(async () =>
        {
            while (await FanOutBenchmark.TelAsync(tabellen, "SELECT count(*) FROM bericht WHERE soort = 'uitnodiging'") < aantal) await Task.Delay(50);
            Console.WriteLine($"fan-out: durably invited after {fanOut.Elapsed.TotalSeconds:F1} s");
            klaar = true;
        });
        var belast = await MeetLatentieAsync(http, probeKlanten, wachtend, () => Volatile.Read(ref klaar), int.MaxValue, () => Volatile.Read(ref fase));
        await volger;
        var duurFanOut = fanOut.Elapsed.TotalSeconds;


        Console.WriteLine();
        Console.WriteLine($"(a) API call → werklijst page's SignalR handler in Chromium (herbeoordeling afspraak → werklijst push), {sonden} probes, fan-out of {aantal:N0} clients ({duurFanOut:F0} s)");
        Console.WriteLine("| phase | samples | browser handler p50 | p99 | max | next frame p99 | .NET client p50 / p99 | API round trip p50 / p99 | browser p99 ÷ idle | browser p99 ÷ .NET p99 |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        var idleP99 = Percentiel(idle.Select(m => m.Browser), 0.99);
        Regel("idle", idle, idleP99);
        foreach (var groep in belast.GroupBy(m => m.Fase))
            Regel($"during fan-out: {groep.Key}", [.. groep], idleP99);
        Regel("during fan-out: all", belast, idleP99);

        // (a) is printed before (b) starts: opening thousands of connections may end the run.
        await werklijstPagina.Context.CloseAsync();
        var statussen = new ConcurrentQueue<(string Status, double Binnen)>();
        var campagnePagina = await browser.OpenAsync(host.Adres, "meet", HostProces.Wachtwoord, "/programmaleider.html?campagne=volg-mij", o =>
        {
            if (o.Methode == "Voortgang") statussen.Enqueue((o.Samenvatting.GetProperty("status").GetString()!, o.Binnen));
        });
        var verbindingen = await MeetVerbindingenAsync(host.Adres, http, token, stappen, statussen);
        Console.WriteLine();
        Console.WriteLine("(b) dashboard connections following one campaign (N .NET clients + one programmaleider page in Chromium); status change → every handler");
        Console.WriteLine("| connections | pushes received | p50 | p99 | max | p99 / p99 at the first step | browser page: pushes, p50, max |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var eerste = verbindingen.Count > 0 ? verbindingen[0].P99 : double.NaN;
        foreach (var v in verbindingen)
            Console.WriteLine($"| {v.Aantal:N0} | {v.Ontvangen:N0} | {v.P50:F0} ms | {v.P99:F0} ms | {v.Max:F0} ms | {v.P99 / eerste:F1} | {v.Browser.Count}, {Percentiel(v.Browser, 0.5):F0} ms, {v.Browser.DefaultIfEmpty(double.NaN).Max():F0} ms |");
        await campagnePagina.Context.CloseAsync();
        var gehaald = verbindingen.Where(v => v.P99 < 1000).Select(v => v.Aantal).DefaultIfEmpty(0).Max();
        Console.WriteLine($"largest step with p99 < 1 s: {gehaald:N0} connections");
        return 0;
    }

    /// <summary>A probe's change on its way: which kind (upsert or removal) it is, and where it arrived.</summary>
    private sealed record Verwacht(bool Verwijderd, TaskCompletionSource<long> DotNet, TaskCompletionSource<BrowserOntvangst> Browser);

    /// <summary>Milliseconds from just before the POST: to the browser page's handler, to its next frame, to the .NET client's handler; the POST's round trip.</summary>
    private sealed record Meting(string Fase, double Browser, double Frame, double DotNet, double Api);

    private static void Regel(string fase, IReadOnlyList<Meting> m, double idleP99)
    {
        if (m.Count == 0) return;
        var p99 = Percentiel(m.Select(x => x.Browser), 0.99);
        var dotNetP99 = Percentiel(m.Select(x => x.DotNet), 0.99);
        Console.WriteLine($"| {fase} | {m.Count} | {Percentiel(m.Select(x => x.Browser), 0.5):F0} ms | {p99:F0} ms | {m.Max(x => x.Browser):F0} ms | " +
            $"{Percentiel(m.Select(x => x.Frame), 0.99):F0} ms | {Percentiel(m.Select(x => x.DotNet), 0.5):F0} / {dotNetP99:F0} ms | " +
            $"{Percentiel(m.Select(x => x.Api), 0.5):F0} / {Percentiel(m.Select(x => x.Api), 0.99):F0} ms | {p99 / idleP99:F2} | {p99 / dotNetP99:F2} |");
    }

    /// <summary>Per probe client, the number of its change (0, 1, …): an even one removes the item, an odd one upserts it.</summary>
    private static readonly ConcurrentDictionary<string, int> Volgende = new();

    /// <summary>
    /// Each probe owns one client and alternates its date between today (aan de beurt: the item is
    /// upserted) and a year ahead (gepland: the item is removed), so every call changes the werklijst.
    /// Timed from just before the POST is sent to the handlers (browser page and .NET client) seeing that client's change.
    /// </summary>
    private static async Task<List<Meting>> MeetLatentieAsync(
        HttpClient http, List<string> klanten, ConcurrentDictionary<string, Verwacht> wachtend,
        Func<bool> stop, int totaal, Func<string>? fase)
    {
        var metingen = new ConcurrentBag<Meting>();
        var perSonde = totaal == int.MaxValue ? int.MaxValue : Math.Max(1, totaal / klanten.Count);
        await Task.WhenAll(klanten.Select(async klant =>
        {
            var vandaag = DateOnly.FromDateTime(DateTime.Now);
            for (var i = 0; i < perSonde && !stop(); i++)
            {
                // Alternates across calls of this method too: a phase that started with the state the last one
                // left would change nothing, and no push would come.
                var verwijderen = Volgende.AddOrUpdate(klant, 0, (_, n) => n + 1) % 2 == 0;
                var verwacht = new Verwacht(verwijderen,
                    new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously),
                    new TaskCompletionSource<BrowserOntvangst>(TaskCreationOptions.RunContinuationsAsynchronously));
                wachtend[klant] = verwacht;
                var huidigeFase = fase?.Invoke() ?? "idle";
                var beginUnix = BrowserSonde.UnixMs();
                var begin = Stopwatch.GetTimestamp();
                var antwoord = await http.PostAsJsonAsync(new Uri($"/api/v1/klanten/{klant}/herbeoordeling", UriKind.Relative),
                    new { datum = verwijderen ? vandaag.AddYears(1) : vandaag, reden = "meting" });
                var api = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
                antwoord.EnsureSuccessStatusCode();
                var binnen = await verwacht.DotNet.Task.WaitAsync(TimeSpan.FromSeconds(60));
                var inBrowser = await verwacht.Browser.Task.WaitAsync(TimeSpan.FromSeconds(60));
                metingen.Add(new Meting(huidigeFase, inBrowser.Binnen - beginUnix, inBrowser.Frame - beginUnix,
                    Stopwatch.GetElapsedTime(begin, binnen).TotalMilliseconds, api));
                wachtend.TryRemove(klant, out _);
                // A random pause: back to back, each call would start just after a flush of the host's
                // 250 ms werklijst buffer and always wait the whole period — real events do not line up.
                await Task.Delay(Random.Shared.Next(0, 250));
            }
        }));
        return [.. metingen];
    }

    private sealed record Stap(int Aantal, int Ontvangen, double P50, double P99, double Max, List<double> Browser);

    /// <summary>
    /// Opens connections step by step; at each step times 5 status changes to every connection and to the
    /// browser page, whose handler calls arrive in <paramref name="pagina"/>.
    /// </summary>
    private static async Task<List<Stap>> MeetVerbindingenAsync(Uri adres, HttpClient http, string token, IReadOnlyList<int> stappen,
        ConcurrentQueue<(string Status, double Binnen)> pagina)
    {
        var verbindingen = new List<HubConnection>();
        var ontvangen = new ConcurrentQueue<long>();
        string? verwacht = null;
        var wissels = 0; // across steps: the campaign alternates actief → gepauzeerd → actief …
        var resultaten = new List<Stap>();
        try
        {
            foreach (var doel in stappen)
            {
                try
                {
                    while (verbindingen.Count < doel)
                    {
                        var erbij = Math.Min(50, doel - verbindingen.Count);
                        verbindingen.AddRange(await Task.WhenAll(Enumerable.Range(0, erbij).Select(async _ =>
                        {
                            var c = await VerbindAsync(adres, "/hubs/campagnes", token, zonderNegotiate: true);
                            c.On<JsonElement>("Voortgang", v =>
                            {
                                if (v.GetProperty("status").GetString() == Volatile.Read(ref verwacht)) ontvangen.Enqueue(Stopwatch.GetTimestamp());
                            });
                            await c.InvokeAsync("Volg", "volg-mij");
                            return c;
                        })));
                    }
                }
                catch (Exception e) when (e is HttpRequestException or AggregateException or IOException)
                {
                    // Connections this process cannot open (ports, file descriptors, the silo's accept queue) end the ramp.
                    Console.WriteLine($"stopped opening connections at {verbindingen.Count:N0}: {e.Message}");
                    break;
                }
                await Task.Delay(TimeSpan.FromSeconds(1)); // snapshots delivered, the machine quiet again
                var latenties = new List<double>();
                var inBrowser = new List<double>();
                var rondes = 5;
                for (var r = 0; r < rondes; r++)
                {
                    ontvangen.Clear();
                    var pauzeer = wissels++ % 2 == 0;
                    Volatile.Write(ref verwacht, pauzeer ? "gepauzeerd" : "actief");
                    pagina.Clear();
                    var beginUnix = BrowserSonde.UnixMs();
                    var begin = Stopwatch.GetTimestamp();
                    var pad = pauzeer ? "/api/v1/campagnes/volg-mij/pauzeer" : "/api/v1/campagnes/volg-mij/hervat";
                    (await http.PostAsJsonAsync(new Uri(pad, UriKind.Relative), new { toelichting = "meting" })).EnsureSuccessStatusCode();
                    var tot = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 30;
                    while (ontvangen.Count < verbindingen.Count && Stopwatch.GetTimestamp() < tot) await Task.Delay(5);
                    latenties.AddRange(ontvangen.Select(t => Stopwatch.GetElapsedTime(begin, t).TotalMilliseconds));
                    // The page's report comes back after its next frame; the pause gives it that long beyond the last .NET client.
                    await Task.Delay(300);
                    var status = pauzeer ? "gepauzeerd" : "actief";
                    var eerstePagina = pagina.Where(p => p.Status == status).Select(p => p.Binnen - beginUnix).DefaultIfEmpty(double.NaN).First();
                    if (!double.IsNaN(eerstePagina)) inBrowser.Add(eerstePagina);
                }
                var stap = new Stap(verbindingen.Count, latenties.Count, Percentiel(latenties, 0.5), Percentiel(latenties, 0.99), latenties.DefaultIfEmpty(double.NaN).Max(), inBrowser);
                resultaten.Add(stap);
                Console.WriteLine($"{stap.Aantal} connections: {stap.Ontvangen}/{stap.Aantal * rondes} pushes, p50 {stap.P50:F0} ms, p99 {stap.P99:F0} ms");
                if (stap.P99 >= 1000 || stap.Ontvangen < stap.Aantal * rondes) break;
            }
        }
        finally
        {
            await Task.WhenAll(verbindingen.Select(async c => await c.DisposeAsync()));
        }
        return resultaten;
    }

    private static async Task<HubConnection> VerbindAsync(Uri adres, string pad, string token, bool zonderNegotiate = false)
    {
        var c = new HubConnectionBuilder()
            .WithUrl(new Uri(adres, pad), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                // Straight to the WebSocket (ramp only): without the negotiate request each client holds one socket,
                // not two, so this process's file-descriptor limit (20,000 here, not raisable) allows more clients.
                o.SkipNegotiation = zonderNegotiate;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        c.ServerTimeout = TimeSpan.FromMinutes(2);
        await c.StartAsync();
        return c;
    }

    private static StringContent Bestand(IEnumerable<string> klanten)
    {
        var csv = new StringBuilder("klantnummer;bsn;naam;geboortedatum;postcode;wijk;huishouden;startdatum_uitkering;statushouder;schoolverlater_pro_vso;arbeidsbeperking;doelgroepregister;klantmanager;laatste_gesprek\n");
        foreach (var k in klanten) csv.Append(CultureInfo.InvariantCulture, $"{k};;Meet {k};01-01-1980;2011AB;{Meetwijk};alleenstaand;01-01-2020;nee;nee;nee;nee;{Klantmanager};\n");
        return new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
    }

    private static double Percentiel(IEnumerable<double> waarden, double p)
    {
        var gesorteerd = waarden.Order().ToList();
        if (gesorteerd.Count == 0) return double.NaN;
        return gesorteerd[Math.Min(gesorteerd.Count - 1, (int)Math.Ceiling(p * gesorteerd.Count) - 1)];
    }
}
