using System.Net;
using System.Net.Http.Json;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Storage;

namespace KenJeKlant.Tests.Beveiliging;

/// <summary>An installation as in production: HTTPS-only cookies and the default login rate limit.</summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class AanmeldLimietTests
{
    [Fact]
    public async Task Te_veel_inlogpogingen_per_minuut_krijgen_429_en_de_sessiecookie_is_alleen_voor_https()
    {
        await using var app = await KenJeKlantApp.StartAsync("aanmeldlimiet", new Dictionary<string, string>
        {
            ["Beveiliging:AanmeldingenPerMinuut"] = "3",
            ["Beveiliging:AlleenHttps"] = "true",
        });
        using var client = app.CreateClient(new() { HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        var antwoorden = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
            antwoorden.Add(await client.PostAsJsonAsync("/api/v1/sessie", new { gebruikersnaam = "programmaleider", wachtwoord = KenJeKlantApp.DemoWachtwoord }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], antwoorden.Select(a => a.StatusCode));
        var cookie = Assert.Single(antwoorden[0].Headers.GetValues("Set-Cookie"), c => c.StartsWith("kjk.sessie=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        foreach (var a in antwoorden) a.Dispose();
    }
}
