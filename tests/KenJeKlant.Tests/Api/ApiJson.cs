using System.Net.Http.Json;
using System.Text.Json;

namespace KenJeKlant.Tests.Api;

internal static class ApiJson
{
    public static async Task<JsonElement> LeesAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>());

    public static async Task ZetKlantmanagersAsync(this HttpClient client, params string[] ids)
    {
        foreach (var id in ids)
            (await client.PutAsJsonAsync($"/api/v1/klantmanagers/{id}", new { naam = $"Klantmanager {id}" })).EnsureSuccessStatusCode();
    }

    /// <summary>A bearer token from the real token endpoint (the demo password unless given).</summary>
    public static async Task<string> TokenAsync(this HttpClient client, string gebruikersnaam, string wachtwoord = KenJeKlantApp.DemoWachtwoord)
    {
        using var antwoord = await client.PostAsJsonAsync(new Uri("/api/v1/tokens", UriKind.Relative), new { gebruikersnaam, wachtwoord });
        antwoord.EnsureSuccessStatusCode();
        return (await antwoord.LeesAsync()).GetProperty("accessToken").GetString()!;
    }
}
