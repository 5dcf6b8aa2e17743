using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KenJeKlant.Tests.Api;
using Npgsql;

namespace KenJeKlant.Tests.Cluster;

/// <summary>API calls and database checks the process-cluster tests share.</summary>
internal static class ClusterHulp
{
    public const string Herbeoordeling = "herbeoordeling";

    /// <summary>
    /// Adds the klantmanagers and logs every silo's client in as one test account: beheerder and
    /// programmaleider, and klantmanager of the first caseload who covers all the others (the real
    /// waarnemen rule) — these tests are about the cluster, the access rules have their own.
    /// The token was issued by silo 0 and works on every silo: the signing keys are shared in PostgreSQL.
    /// </summary>
    public static async Task MeldAanAsync(this ProcesCluster cluster, params string[] klantmanagers)
    {
        var token = await cluster[0].Http.TokenAsync("beheerder");
        foreach (var silo in cluster.Silos) silo.Http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var http = cluster[0].Http;
        await http.ZetKlantmanagersAsync(klantmanagers);
        (await http.PutAsJsonAsync(new Uri("/api/v1/gebruikers/test", UriKind.Relative), new
        {
            naam = "Test (alle caseloads)", rollen = new[] { "beheerder", "programmaleider", "klantmanager" },
            medewerker = klantmanagers[0], wachtwoord = KenJeKlantApp.DemoWachtwoord,
        })).EnsureSuccessStatusCode();
        foreach (var km in klantmanagers.Skip(1))
            (await http.PutAsJsonAsync(new Uri($"/api/v1/klantmanagers/{km}/vervanging", UriKind.Relative),
                new { vervanger = klantmanagers[0], tot = new DateOnly(2100, 1, 1) })).EnsureSuccessStatusCode();
        token = await http.TokenAsync("test");
        foreach (var silo in cluster.Silos) silo.Http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Token = token;
    }

    /// <summary>The test account's bearer token, after <see cref="MeldAanAsync"/>.</summary>
    public static string? Token { get; private set; }


    public static async Task<long> AantalKlantenAsync(this HttpClient http) =>
        (await (await http.GetAsync(new Uri("/api/v1/klanten?pageSize=1", UriKind.Relative))).LeesAsync()).GetProperty("totaal").GetInt64();

    /// <summary>An import job's row as the database holds it: what survives the silo that ran it.</summary>
    public static async Task<(string Status, int Toegepast, int Geldig)> ImportJobAsync(string connectionString, Guid id)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        await using var cmd = db.CreateCommand("SELECT status, toegepast, geldig FROM bestand_import WHERE id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync(), $"geen import {id}");
        return (r.GetString(0), r.GetInt32(1), r.GetInt32(2));
    }

    public static async Task<JsonElement> DossierAsync(this HttpClient http, string klantnummer)
    {
        using var antwoord = await http.GetAsync(new Uri($"/api/v1/klanten/{klantnummer}", UriKind.Relative));
        antwoord.EnsureSuccessStatusCode();
        return await antwoord.LeesAsync();
    }

    public static IEnumerable<JsonElement> Historie(this JsonElement dossier) => dossier.GetProperty("historie").EnumerateArray();

    public static async Task<JsonElement> WerklijstAsync(this HttpClient http, string klantmanager) =>
        await (await http.GetAsync(new Uri($"/api/v1/klantmanagers/{klantmanager}/werklijst", UriKind.Relative))).LeesAsync();

    /// <summary>A bestand line with a start date of our choosing: never spoken to, so the first gesprek is due 8 weeks after it.</summary>
    public static string Regel(string klantnummer, DateOnly startdatum, string klantmanager = "KM001") =>
        $"{klantnummer};;Klant {klantnummer};12-04-1975;2011AB;Centrum;alleenstaand;{startdatum:dd-MM-yyyy};nee;nee;nee;nee;{klantmanager};";

    /// <summary>klant_overzicht rows, distinct klantnummers, and the in-bestand clients with a reassessment date.</summary>
    public static async Task<(long Rijen, long Klantnummers, HashSet<string> MetHerbeoordeling)> OverzichtAsync(string connectionString)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        long rijen, uniek;
        await using (var cmd = db.CreateCommand("SELECT count(*), count(DISTINCT klantnummer) FROM klant_overzicht"))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            await r.ReadAsync();
            (rijen, uniek) = (r.GetInt64(0), r.GetInt64(1));
        }
        var met = new HashSet<string>(StringComparer.Ordinal);
        await using (var cmd = db.CreateCommand("SELECT klantnummer FROM klant_overzicht WHERE in_bestand AND herbeoordeling_datum IS NOT NULL"))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync()) met.Add(r.GetString(0));
        }
        return (rijen, uniek, met);
    }

    /// <summary>Each client's next herbeoordeling moment (the scanners' due date), for those that have one.</summary>
    public static async Task<Dictionary<string, DateTimeOffset>> HerbeoordelingMomentenAsync(string connectionString)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        await using var cmd = db.CreateCommand("SELECT klantnummer, herbeoordeling_controle FROM klant_overzicht WHERE herbeoordeling_controle IS NOT NULL");
        await using var r = await cmd.ExecuteReaderAsync();
        var per = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        while (await r.ReadAsync()) per[r.GetString(0)] = new DateTimeOffset(r.GetDateTime(1), TimeSpan.Zero);
        return per;
    }

    /// <summary>The names of this cluster's reminders and how many of each: the scanners', not one per client.</summary>
    public static async Task<Dictionary<string, long>> RemindersAsync(string connectionString, string serviceId)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        await using var cmd = db.CreateCommand("SELECT remindername, count(*) FROM orleansreminderstable WHERE serviceid = $1 GROUP BY remindername");
        cmd.Parameters.Add(new NpgsqlParameter { Value = serviceId });
        await using var r = await cmd.ExecuteReaderAsync();
        var per = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await r.ReadAsync()) per[r.GetString(0)] = r.GetInt64(1);
        return per;
    }

    /// <summary>Polls until <paramref name="klaar"/> holds; fails with <paramref name="wat"/> after <paramref name="binnen"/>.</summary>
    public static async Task<TimeSpan> WachtTotAsync(Func<Task<bool>> klaar, TimeSpan binnen, string wat)
    {
        var klok = Stopwatch.StartNew();
        while (klok.Elapsed < binnen)
        {
            if (await klaar()) return klok.Elapsed;
            await Task.Delay(250);
        }
        throw new TimeoutException($"Niet binnen {binnen}: {wat}");
    }

    public static async Task<bool> IsGezondAsync(this SiloProces silo)
    {
        try
        {
            using var kort = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            using var antwoord = await silo.Http.GetAsync(new Uri("/health", UriKind.Relative), kort.Token);
            return antwoord.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }
}

/// <summary>
/// Writes that can be checked afterwards: each one sets a client's next reassessment with a unique
/// reason, which lands in the client's history only if the write was stored. Records status and
/// duration of every request, so a test can tell acknowledged writes, clear refusals and hangs apart.
/// </summary>
internal sealed class Schrijver(IReadOnlyList<string> klantnummers, DateOnly datum)
{
    private int _volgnummer;

    public ConcurrentBag<Schrijfpoging> Pogingen { get; } = [];

    public IEnumerable<Schrijfpoging> Bevestigd => Pogingen.Where(p => p.Status == HttpStatusCode.NoContent);

    /// <summary>Writes one after another through <paramref name="http"/> until <paramref name="stop"/>.</summary>
    public async Task SchrijfTotAsync(HttpClient http, string via, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var nummer = Interlocked.Increment(ref _volgnummer);
            var klant = klantnummers[nummer % klantnummers.Count];
            var kenmerk = string.Create(CultureInfo.InvariantCulture, $"[schrijf-{nummer}]");
            var klok = Stopwatch.StartNew();
            HttpStatusCode status;
            string? type = null;
            try
            {
                using var antwoord = await http.PostAsJsonAsync(new Uri($"/api/v1/klanten/{klant}/herbeoordeling", UriKind.Relative),
                    new { datum = datum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reden = "proces-test " + kenmerk }, CancellationToken.None);
                status = antwoord.StatusCode;
                if (antwoord.Content.Headers.ContentType?.MediaType == "application/problem+json")
                    type = (await antwoord.LeesAsync()).TryGetProperty("type", out var t) ? t.GetString() : null;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                status = 0; // connection refused/reset or our 100 s timeout: no answer at all
                type = e.GetType().Name + ": " + e.Message;
            }
            Pogingen.Add(new Schrijfpoging(nummer, klant, kenmerk, via, status, type, klok.Elapsed, DateTime.UtcNow));
            if (status != HttpStatusCode.NoContent) await Task.Delay(100, CancellationToken.None);
        }
    }

    /// <summary>Acknowledged writes whose reason is missing from the client's history.</summary>
    public async Task<IReadOnlyList<Schrijfpoging>> VerlorenAsync(HttpClient http)
    {
        var verloren = new List<Schrijfpoging>();
        foreach (var groep in Bevestigd.GroupBy(p => p.Klant))
        {
            var historie = (await http.DossierAsync(groep.Key)).GetProperty("historie").GetRawText();
            verloren.AddRange(groep.Where(p => !historie.Contains(p.Kenmerk, StringComparison.Ordinal)));
        }
        return verloren;
    }

    public string Samenvatting() => string.Join(", ", Pogingen.GroupBy(p => (p.Status, p.ProbleemType))
        .Select(g => string.Create(CultureInfo.InvariantCulture, $"{(int)g.Key.Status} {g.Key.ProbleemType}: {g.Count()} (max {g.Max(p => p.Duur.TotalSeconds):F1} s)")));
}

internal sealed record Schrijfpoging(int Nummer, string Klant, string Kenmerk, string Via, HttpStatusCode Status, string? ProbleemType, TimeSpan Duur, DateTime Klaar);
