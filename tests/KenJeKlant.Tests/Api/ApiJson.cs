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
}
