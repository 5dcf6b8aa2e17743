using System.Net;
using System.Text;
using System.Text.Json;

namespace KenJeKlant.Tests.Api;

/// <summary>
/// The bestand import is a job (202 and a status resource): these post an export and follow the job to its
/// end through the public API, for every test that needs a bestand imported.
/// </summary>
internal static class Importeren
{
    private static readonly TimeSpan Peilen = TimeSpan.FromMilliseconds(100);

    /// <summary>Long enough for the process-cluster tests' 10,000 clients on a busy 2-core machine; a hang still fails.</summary>
    public static readonly TimeSpan Standaard = TimeSpan.FromMinutes(5);

    /// <summary>Only the POST: the answer (202 with the job, or a refusal).</summary>
    public static Task<HttpResponseMessage> StuurAsync(this HttpClient http, string csv, string query = "", Encoding? codering = null) =>
        http.PostAsync(new Uri("/api/v1/bestand" + query, UriKind.Relative), Csv.Inhoud(csv, codering));

    /// <summary>Posts, expects 202 with a Location, and waits until the job is no longer <c>bezig</c>: its last stand.</summary>
    public static async Task<JsonElement> ImporteerEnWachtAsync(this HttpClient http, string csv, string query = "", Encoding? codering = null, TimeSpan? binnen = null)
    {
        using var antwoord = await http.StuurAsync(csv, query, codering);
        Assert.True(antwoord.StatusCode == HttpStatusCode.Accepted, $"import: {(int)antwoord.StatusCode} {await antwoord.Content.ReadAsStringAsync()}");
        return await http.WachtOpEindeAsync(antwoord.Headers.Location!, binnen);
    }

    /// <summary>Imports and returns the report; fails with the job's stand (which says why) unless it ended <c>klaar</c>.</summary>
    public static async Task<JsonElement> ImporteerGoedAsync(this HttpClient http, string csv, string query = "", Encoding? codering = null, TimeSpan? binnen = null)
    {
        var stand = await http.ImporteerEnWachtAsync(csv, query, codering, binnen);
        Assert.True(stand.GetProperty("status").GetString() == "klaar", $"import: {stand}");
        return stand.GetProperty("rapport");
    }

    public static async Task<JsonElement> StandAsync(this HttpClient http, Uri status)
    {
        using var antwoord = await http.GetAsync(status);
        Assert.True(antwoord.StatusCode == HttpStatusCode.OK, $"{status}: {(int)antwoord.StatusCode} {await antwoord.Content.ReadAsStringAsync()}");
        return await antwoord.LeesAsync();
    }

    public static Task<JsonElement> WachtOpEindeAsync(this HttpClient http, Uri status, TimeSpan? binnen = null) =>
        http.WachtOpAsync(status, s => s.GetProperty("status").GetString() != "bezig", "de import eindigde niet", binnen);

    /// <summary>Reads the job's status resource until <paramref name="klaar"/> holds for it; fails with the last stand after <paramref name="binnen"/>.</summary>
    public static async Task<JsonElement> WachtOpAsync(this HttpClient http, Uri status, Func<JsonElement, bool> klaar, string wat, TimeSpan? binnen = null)
    {
        var tot = DateTime.UtcNow + (binnen ?? Standaard);
        while (true)
        {
            var stand = await http.StandAsync(status);
            if (klaar(stand)) return stand;
            if (DateTime.UtcNow > tot) throw new TimeoutException($"{wat}: {stand}");
            await Task.Delay(Peilen);
        }
    }
}
