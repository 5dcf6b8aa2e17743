using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Beveiliging;
using KenJeKlant.Tests.Storage;
using Microsoft.Playwright;

namespace KenJeKlant.Tests.Browser;

/// <summary>
/// The host and the gemeente's identity provider (a real OpenID Connect provider, <see cref="OidcProvider"/>), each on
/// its own site; the provider knows a klantmanager, a programmaleider and someone with a role KenJeKlant does not have.
/// </summary>
public sealed class OidcOmgeving : IAsyncLifetime
{
    public static readonly OidcProvider.Account Klantmanager = new("j.devries", "gemeente-wachtwoord-1", "Jan de Vries", ["klantmanager"], "KM001");
    public static readonly OidcProvider.Account Programmaleider = new("p.bakker", "gemeente-wachtwoord-2", "Petra Bakker", ["programmaleider", "medewerker-sociaal-domein"]);
    public static readonly OidcProvider.Account Stagiair = new("s.stagiair", "gemeente-wachtwoord-3", "Sam Stagiair", ["stagiair"]);

    public DashboardHost Host { get; private set; } = null!;
    public OidcProvider Provider { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var issuer = OidcProvider.KiesIssuer();
        var geheim = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        Host = await DashboardHost.StartAsync("oidc", new Dictionary<string, string>
        {
            ["Beveiliging:Oidc:Authority"] = issuer,
            ["Beveiliging:Oidc:ClientId"] = OidcProvider.ClientId,
            ["Beveiliging:Oidc:ClientSecret"] = geheim,
            ["Beveiliging:Oidc:Scopes"] = "openid profile kenjeklant",
        });
        Provider = await OidcProvider.StartAsync(issuer, Host.Url, geheim, [Klantmanager, Programmaleider, Stagiair]);
    }

    public async Task DisposeAsync()
    {
        if (Provider is not null) await Provider.DisposeAsync();
        if (Host is not null) await Host.DisposeAsync();
    }
}

/// <summary>
/// Logging in through the gemeente in Chromium: the authorization code flow with PKCE against a real provider, the
/// provider's claims as our roles and medewerker, no session for a role we do not know (403, in the audit log), and
/// a logout that ends the provider's session as well as ours.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class OidcBrowserTests(Chromium chromium, OidcOmgeving omgeving) : IClassFixture<Chromium>, IClassFixture<OidcOmgeving>
{
    [Fact]
    public async Task Een_klantmanager_logt_in_via_de_gemeente_krijgt_zijn_caseload_en_logt_bij_beide_uit()
    {
        var page = await chromium.NieuwePaginaAsync(omgeving.Host);
        await InloggenViaDeGemeenteAsync(page, "/klantmanager.html", OidcOmgeving.Klantmanager);
        await Assertions.Expect(page.Locator("#gebruiker")).ToContainTextAsync("Jan de Vries");

        var sessie = await SessieAsync(page);
        Assert.Equal(200, sessie.Status);
        Assert.Equal("j.devries", sessie.Inhoud.GetProperty("gebruikersnaam").GetString());
        Assert.Equal(["klantmanager"], sessie.Inhoud.GetProperty("rollen").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("KM001", sessie.Inhoud.GetProperty("medewerker").GetString());
        // The caseload hangs on the provider's medewerker claim: this werklijst, not a colleague's.
        Assert.NotEqual(403, await StatusAsync(page, "/api/v1/klantmanagers/KM001/werklijst"));
        Assert.Equal(403, await StatusAsync(page, "/api/v1/klantmanagers/KM002/werklijst"));
        Assert.Equal(403, await StatusAsync(page, "/api/v1/campagnes"));

        // While the provider's session lasts, logging in again goes straight through: no form.
        await page.GotoAsync("/api/v1/sessie/gemeente?terug=/klantmanager.html");
        await page.WaitForURLAsync(omgeving.Host.Url + "/klantmanager.html");
        await Assertions.Expect(page.Locator("#gebruiker")).ToContainTextAsync("Jan de Vries");

        await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        await page.WaitForURLAsync(u => u.StartsWith(omgeving.Provider.Issuer, StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, uitloggen bij de gemeente" }).ClickAsync();
        await page.WaitForURLAsync(omgeving.Host.Url + "/inloggen.html?uitgelogd=gemeente");
        await Assertions.Expect(page.Locator("#inlog-melding")).ToHaveTextAsync("U bent uitgelogd, hier en bij de gemeente.");
        Assert.Equal(401, (await SessieAsync(page)).Status);

        // Our session is gone, and so is the provider's: logging in through the gemeente asks for the password again.
        await page.GetByRole(AriaRole.Link, new() { Name = "Inloggen via de gemeente" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Gebruikersnaam bij de gemeente")).ToBeVisibleAsync();
        Assert.StartsWith(omgeving.Provider.Issuer, page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_programmaleider_logt_in_via_de_gemeente_en_ziet_de_campagnes_maar_geen_klanten()
    {
        var page = await chromium.NieuwePaginaAsync(omgeving.Host);
        await InloggenViaDeGemeenteAsync(page, "/programmaleider.html", OidcOmgeving.Programmaleider);
        await Assertions.Expect(page.Locator("#gebruiker")).ToContainTextAsync("Petra Bakker");

        var sessie = await SessieAsync(page);
        // A role of the gemeente's that KenJeKlant does not know is dropped; the known one counts.
        Assert.Equal(["programmaleider"], sessie.Inhoud.GetProperty("rollen").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(JsonValueKind.Null, sessie.Inhoud.GetProperty("medewerker").ValueKind);
        Assert.Equal(200, await StatusAsync(page, "/api/v1/campagnes"));
        Assert.Equal(403, await StatusAsync(page, "/api/v1/klanten"));
    }

    [Fact]
    public async Task Het_OpenAPI_document_beschrijft_inloggen_via_de_gemeente()
    {
        var document = await (await omgeving.Host.Api.GetAsync(new Uri("/api/v1/openapi.json", UriKind.Relative))).LeesAsync();
        var paden = document.GetProperty("paths");
        Assert.True(paden.TryGetProperty("/api/v1/sessie/gemeente", out _));
        Assert.True(paden.GetProperty("/api/v1/sessie/aanmeldwijzen").GetProperty("get").GetProperty("responses").TryGetProperty("200", out _));
        // Logging out answers 204, or 200 with the provider's logout address after a gemeente login.
        var uitloggen = paden.GetProperty("/api/v1/sessie").GetProperty("delete").GetProperty("responses");
        Assert.True(uitloggen.TryGetProperty("204", out _));
        Assert.True(uitloggen.TryGetProperty("200", out _));

        var wijzen = await (await omgeving.Host.Api.GetAsync(new Uri("/api/v1/sessie/aanmeldwijzen", UriKind.Relative))).LeesAsync();
        Assert.True(wijzen.GetProperty("gemeente").GetBoolean());
    }

    [Fact]
    public async Task Wie_bij_de_gemeente_geen_rol_van_KenJeKlant_heeft_krijgt_geen_sessie_maar_een_403_in_de_auditlog()
    {
        var page = await chromium.NieuwePaginaAsync(omgeving.Host);
        var terugkomst = page.WaitForResponseAsync(r => r.Url.StartsWith(omgeving.Host.Url + "/signin-oidc", StringComparison.Ordinal));
        await InloggenBijDeProviderAsync(page, "/klantmanager.html", OidcOmgeving.Stagiair);
        var antwoord = await terugkomst;

        Assert.Equal(403, antwoord.Status);
        Assert.Contains("Geen toegang tot KenJeKlant", await antwoord.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(401, (await SessieAsync(page)).Status);
        Assert.Equal(401, await StatusAsync(page, "/api/v1/klantmanagers/KM001/werklijst"));

        using var beheerder = await omgeving.Host.AlsAsync("beheerder");
        var log = await (await beheerder.GetAsync("/api/v1/auditlog?betrokkene=medewerker%20s.stagiair")).LeesAsync();
        var regel = Assert.Single(log.EnumerateArray()).GetProperty("regel");
        Assert.Equal("s.stagiair", regel.GetProperty("actor").GetString());
        Assert.Equal(403, regel.GetProperty("resultaat").GetInt32());
        Assert.Contains("geweigerd", regel.GetProperty("verwerking").GetString(), StringComparison.Ordinal);
        Assert.Contains("stagiair", regel.GetProperty("rol").GetString(), StringComparison.Ordinal);
    }

    /// <summary>As a person does: open the page, get sent to our login page, choose the gemeente, log in there, come back.</summary>
    private async Task InloggenViaDeGemeenteAsync(IPage page, string pagina, OidcProvider.Account account)
    {
        await InloggenBijDeProviderAsync(page, pagina, account);
        await Assertions.Expect(page.Locator("#gebruiker")).ToContainTextAsync("Ingelogd als");
        Assert.Equal(omgeving.Host.Url + pagina, page.Url);
    }

    private async Task InloggenBijDeProviderAsync(IPage page, string pagina, OidcProvider.Account account)
    {
        await page.GotoAsync(pagina);
        var gemeente = page.GetByRole(AriaRole.Link, new() { Name = "Inloggen via de gemeente" });
        await gemeente.WaitForAsync();
        Assert.Contains("/inloggen.html?terug=" + Uri.EscapeDataString(pagina), page.Url, StringComparison.Ordinal);
        await Pagina.ControleerToegankelijkheidAsync(page);
        await Pagina.SchermafdrukAsync(page, "inloggen-met-gemeente");
        await gemeente.ClickAsync();

        var gebruikersnaam = page.GetByLabel("Gebruikersnaam bij de gemeente");
        try
        {
            await gebruikersnaam.WaitForAsync();
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"Geen inlogformulier van de provider; de pagina staat op {page.Url}: {await page.Locator("body").InnerTextAsync()}\n{omgeving.Provider.Log}", e);
        }
        Assert.StartsWith(omgeving.Provider.Issuer, page.Url, StringComparison.Ordinal);
        await gebruikersnaam.FillAsync(account.Id);
        await page.GetByLabel("Wachtwoord bij de gemeente").FillAsync(account.Wachtwoord);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen bij de gemeente" }).ClickAsync();
    }

    private static async Task<(int Status, JsonElement Inhoud)> SessieAsync(IPage page)
    {
        var antwoord = await page.EvaluateAsync<JsonElement>(
            "async () => { const a = await fetch('/api/v1/sessie', { headers: { Accept: 'application/json' } }); return { status: a.status, inhoud: a.ok ? await a.json() : null }; }");
        return (antwoord.GetProperty("status").GetInt32(), antwoord.GetProperty("inhoud"));
    }

    private static Task<int> StatusAsync(IPage page, string pad) =>
        page.EvaluateAsync<int>("async pad => (await fetch(pad, { headers: { Accept: 'application/json' } })).status", pad);
}
