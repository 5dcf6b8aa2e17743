using System.Net.Http.Json;
using System.Text.Json;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Campagnes;
using KenJeKlant.Tests.Storage;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace KenJeKlant.Tests.Realtime;

/// <summary>The campaign hub on one real host: snapshot first, then coalesced pushes that end where the API is.</summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class CampagneHubTests : IAsyncLifetime
{
    private KenJeKlantApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        (_app, var als) = await VierKlanten.StartAsync("live");
        _client = als.Programmaleider;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Wie_een_campagne_volgt_krijgt_eerst_de_stand_en_dan_de_voortgang_tot_die_van_de_API()
    {
        (await _client.PostAsJsonAsync("/api/v1/campagnes", LiveCampagne.Definitie("Live"))).EnsureSuccessStatusCode();
        await using var live = await LiveVerbinding.StartAsync(_app, "programmaleider", "/hubs/campagnes", "Voortgang");

        await Assert.ThrowsAsync<HubException>(() => live.Verbinding.InvokeAsync("Volg", "bestaat-niet"));
        await live.Verbinding.InvokeAsync("Volg", "live");
        var eerste = Assert.Single(await live.WachtOpAsync(1)).Inhoud;
        Assert.Equal("concept", eerste.GetProperty("status").GetString());
        Assert.Equal("live", eerste.GetProperty("campagneId").GetString());

        (await _client.PostAsync("/api/v1/campagnes/live/start", null)).EnsureSuccessStatusCode();
        var api = "";
        await CampagneOmgeving.WachtTotAsync(async () =>
        {
            api = (await (await _client.GetAsync("/api/v1/campagnes/live/voortgang")).LeesAsync()).GetRawText();
            var laatste = live.Van("Voortgang")[^1];
            return laatste.GetProperty("funnel").GetProperty("ingepland").GetInt32() == 4 && laatste.GetRawText() == api;
        }, "de laatste push is niet de voortgang die de API geeft", seconden: 20);

        var pushes = live.Van("Voortgang");
        Assert.Contains(pushes, p => p.GetProperty("status").GetString() == "actief");
        Assert.DoesNotContain("K1", api, StringComparison.Ordinal);
        // Coalesced: never two identical pushes in a row.
        Assert.All(pushes.Zip(pushes.Skip(1)), p => Assert.NotEqual(p.First.GetRawText(), p.Second.GetRawText()));
    }
}

internal static class LiveCampagne
{
    public static object Definitie(string naam) => new
    {
        naam,
        capaciteit = new { gesprekkenPerDag = 2, slotMinuten = 60, begintijd = "09:00:00", eindtijd = "17:00:00", werkdagen = new[] { "monday", "wednesday" } },
    };

    public static JsonElement Laatste(this LiveVerbinding live, string soort) => live.Van(soort)[^1];
}
