using Microsoft.AspNetCore.SignalR.Client;
using System.Net;
using System.Net.Http.Json;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Realtime;
using KenJeKlant.Tests.Storage;

namespace KenJeKlant.Tests.Beveiliging;

/// <summary>Logging in and what protects a session: lock-out, anti-forgery, cookie flags, headers, rate limit, the hub's audit entry.</summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class AanmeldenTests(BeveiligingOmgeving omgeving) : IClassFixture<BeveiligingOmgeving>
{
    private const string Wachtwoord = "een-goed-wachtwoord";

    [Fact]
    public async Task Na_vijf_verkeerde_wachtwoorden_is_het_account_geblokkeerd_tot_de_beheerder_een_nieuw_wachtwoord_geeft()
    {
        var beheerder = omgeving.Als["beheerder"];
        (await beheerder.PutAsJsonAsync("/api/v1/gebruikers/pim", new { naam = "Pim", rollen = new[] { "programmaleider" }, wachtwoord = Wachtwoord })).EnsureSuccessStatusCode();
        using var anoniem = omgeving.App.CreateClient(new() { HandleCookies = false });
        Task<HttpResponseMessage> Token(string wachtwoord) => anoniem.PostAsJsonAsync("/api/v1/tokens", new { gebruikersnaam = "pim", wachtwoord });

        Assert.Equal(HttpStatusCode.OK, (await Token(Wachtwoord)).StatusCode);
        for (var i = 0; i < 4; i++) Assert.Equal("Inloggen mislukt", await TitelAsync(await Token("fout")));
        Assert.Equal("Account tijdelijk geblokkeerd", await TitelAsync(await Token("fout")));
        Assert.Equal("Account tijdelijk geblokkeerd", await TitelAsync(await Token(Wachtwoord)));
        var overzicht = await (await beheerder.GetAsync("/api/v1/gebruikers")).LeesAsync();
        var pim = overzicht.EnumerateArray().Single(g => g.GetProperty("gebruikersnaam").GetString() == "pim");
        Assert.True(pim.GetProperty("geblokkeerd").GetBoolean());
        Assert.DoesNotContain("hash", overzicht.GetRawText(), StringComparison.OrdinalIgnoreCase);

        (await beheerder.PutAsJsonAsync("/api/v1/gebruikers/pim", new { naam = "Pim", rollen = new[] { "programmaleider" }, wachtwoord = Wachtwoord + "2" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await Token(Wachtwoord + "2")).StatusCode);
        // An unknown account answers exactly like a wrong password.
        Assert.Equal("Inloggen mislukt", await TitelAsync(await anoniem.PostAsJsonAsync("/api/v1/tokens", new { gebruikersnaam = "bestaat-niet", wachtwoord = "x" })));
    }

    [Fact]
    public async Task Een_browsersessie_wijzigt_alleen_met_het_anti_forgery_token_en_eindigt_bij_uitloggen()
    {
        using var browser = omgeving.App.CreateClient(); // keeps cookies, like a browser
        var inloggen = await browser.PostAsJsonAsync("/api/v1/sessie", new { gebruikersnaam = "beheerder", wachtwoord = KenJeKlantApp.DemoWachtwoord });
        inloggen.EnsureSuccessStatusCode();
        var cookie = Assert.Single(inloggen.Headers.GetValues("Set-Cookie"), c => c.StartsWith("kjk.sessie=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var sessie = await inloggen.LeesAsync();
        Assert.Equal(["beheerder"], sessie.GetProperty("rollen").EnumerateArray().Select(r => r.GetString()));
        var token = sessie.GetProperty("csrfToken").GetString()!;

        var zonder = await browser.PutAsJsonAsync("/api/v1/klantmanagers/KM009", new { naam = "Nieuwe collega" });
        Assert.Equal(HttpStatusCode.Forbidden, zonder.StatusCode);
        Assert.Contains("Anti-forgery", await TitelAsync(zonder), StringComparison.Ordinal);
        var klantmanagers = await (await browser.GetAsync("/api/v1/klantmanagers")).LeesAsync();
        Assert.DoesNotContain(klantmanagers.EnumerateArray(), k => k.GetProperty("id").GetString() == "KM009");

        using var met = new HttpRequestMessage(HttpMethod.Put, "/api/v1/klantmanagers/KM009") { Content = JsonContent.Create(new { naam = "Nieuwe collega" }) };
        met.Headers.Add("X-CSRF-TOKEN", token);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(met)).StatusCode);

        using var uit = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/sessie");
        uit.Headers.Add("X-CSRF-TOKEN", token);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(uit)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/sessie")).StatusCode);
    }

    [Fact]
    public async Task Elk_antwoord_heeft_de_beveiligingsheaders_en_de_API_wordt_niet_gecachet()
    {
        using var antwoord = await omgeving.Als["programmaleider"].GetAsync("/api/v1/campagnes");
        Assert.Contains("default-src 'self'", antwoord.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", antwoord.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", antwoord.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", antwoord.Headers.GetValues("X-Frame-Options").Single());
        Assert.True(antwoord.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Een_werklijst_volgen_over_de_hub_staat_in_de_auditlog_ook_als_het_geweigerd_wordt()
    {
        await using (var eigen = await LiveVerbinding.StartAsync(omgeving.App, BeveiligingOmgeving.Klantmanager, "/hubs/werklijsten", "Werklijst"))
            await eigen.Verbinding.InvokeAsync("Volg", "KM001");
        await using (var ander = await LiveVerbinding.StartAsync(omgeving.App, BeveiligingOmgeving.AndereKlantmanager, "/hubs/werklijsten", "Werklijst"))
            await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => ander.Verbinding.InvokeAsync("Volg", "KM001"));

        var log = await (await omgeving.Als["beheerder"].GetAsync("/api/v1/auditlog?betrokkene=werklijst%20KM001")).LeesAsync();
        var regels = log.EnumerateArray().Select(e => e.GetProperty("regel")).ToList();
        Assert.Contains(regels, r => r.GetProperty("actor").GetString() == "km-km001" && r.GetProperty("resultaat").GetInt32() == 200
            && r.GetProperty("verwerking").GetString() == "werklijst inzien");
        Assert.Contains(regels, r => r.GetProperty("actor").GetString() == "km-km002" && r.GetProperty("resultaat").GetInt32() == 403);
    }

    private static async Task<string?> TitelAsync(HttpResponseMessage antwoord) =>
        (await antwoord.LeesAsync()).GetProperty("title").GetString();
}
