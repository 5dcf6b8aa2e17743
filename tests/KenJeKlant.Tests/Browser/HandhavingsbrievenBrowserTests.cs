using System.Net.Http.Json;
using KenJeKlant.Grains;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace KenJeKlant.Tests.Browser;

/// <summary>
/// Handhaving sends a voornemen and a besluit from the signal page, in the domain's fake time: the letters are
/// read through the page's links, and the besluit letter waits for the zienswijze term (409 shown at the form).
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class HandhavingsbrievenBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task Handhaving_verstuurt_een_voornemen_en_een_besluit_vanaf_de_signaalpagina()
    {
        var klok = new FakeTimeProvider(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero));
        await using var host = await DashboardHost.StartAsync("browser-hhbrief",
            new Dictionary<string, string> { ["Beleid:Handhaving:Bezwaaradres"] = "Gemeente Teststad, Postbus 42, 1234 AB Teststad" },
            s => s.AddSingleton(new Domeinklok(klok)));
        using (var beheerder = await host.AlsAsync("beheerder"))
        {
            await beheerder.ZetKlantmanagersAsync("KM001");
            await beheerder.ImporteerGoedAsync(Csv.Bestand(Csv.Regel("K1")));
        }
        var signaal = Guid.NewGuid();
        await SignaalInTabellen.LegKlaarAsync(host.App.ConnectionString, Guid.NewGuid(), Guid.NewGuid(), signaal);
        using var api = await host.AlsAsync("handhaving");
        foreach (var (stap, body) in new (string, object)[]
        {
            ("behandeling", new { toelichting = "opgepakt" }),
            ("bezorging", new { bezorgd = true, toelichting = "adres klopt" }),
            ("contactpogingen", new { kanaal = "telefoon", bereikt = true, toelichting = "gebeld" }),
            ("zienswijze", new { soort = "mondeling", samenvatting = "Vergeten.", toelichting = "gehoord" }),
            ("beoordeling", new { verwijtbaarheid = "verwijtbaar", dringendeRedenen = false, toelichting = "geen reden gegeven" }),
        })
            (await api.PostAsJsonAsync($"/api/v1/handhavingssignalen/{signaal}/{stap}", body)).EnsureSuccessStatusCode();

        var page = await chromium.OpenAlsAsync(host, "handhaving", "/handhaving.html");
        await Pagina.WachtOpVerbindingAsync(page, "verbonden", "periodiek");
        await page.Locator($"#wachtrij button[data-signaal='{signaal}']").ClickAsync();
        await Assertions.Expect(page.Locator("#signaal")).ToContainTextAsync("Nog geen brief verstuurd.");

        var voornemen = page.Locator("#stap-voornemen");
        await voornemen.GetByLabel("Wat is het voornemen?").SelectOptionAsync("voorstel-maatregel");
        await voornemen.GetByLabel("Percentage (alleen bij voorstel maatregel)").FillAsync("20");
        await voornemen.GetByLabel("Duur in maanden (alleen bij voorstel maatregel)").FillAsync("1");
        await page.Locator("#stap-voornemen-toelichting").FillAsync("Tweede keer niet gekomen zonder bericht.");
        await voornemen.Locator("button[type='submit']").ClickAsync();
        await Assertions.Expect(page.Locator("#stap-resultaat")).ToContainTextAsync("Vastgelegd: voornemen versturen");
        await Assertions.Expect(page.Locator("#signaal .tijdlijn")).ToContainTextAsync("Voornemen verstuurd");
        await Assertions.Expect(page.Locator("#stap-voornemen")).ToHaveCountAsync(0);
        Assert.Contains("Reageer uiterlijk op 18 januari 2027.", await BriefAsync(page, "Voornemen lezen"), StringComparison.Ordinal);

        var besluit = page.Locator("#stap-besluit");
        await besluit.GetByLabel("Besluit", new() { Exact = true }).SelectOptionAsync("voorstel-maatregel");
        await besluit.GetByLabel("Percentage (alleen bij voorstel maatregel)").FillAsync("20");
        await besluit.GetByLabel("Duur in maanden (alleen bij voorstel maatregel)").FillAsync("1");
        await page.Locator("#stap-besluit-toelichting").FillAsync("Geen zienswijze; art. 18: 20% een maand.");
        await besluit.Locator("button[type='submit']").ClickAsync();
        await Assertions.Expect(page.Locator("#signaal")).ToContainTextAsync("Verstuur de besluitbrief.");

        // Inside the zienswijze term the server refuses, and the page says why at the form.
        var brief = page.Locator("#stap-besluitbrief");
        await page.Locator("#stap-besluitbrief-toelichting").FillAsync("Besluit versturen.");
        await brief.Locator("button[type='submit']").ClickAsync();
        await Assertions.Expect(page.Locator("#stap-fouten .foutmelding")).ToContainTextAsync("tot en met 18-01-2027");

        klok.Advance(TimeSpan.FromDays(15));
        await brief.GetByLabel("Ingangsdatum (leeg: de datum van de brief)").FillAsync("2027-02-01");
        await brief.Locator("button[type='submit']").ClickAsync();
        await Assertions.Expect(page.Locator("#stap-resultaat")).ToContainTextAsync("Vastgelegd: besluitbrief versturen");
        await Assertions.Expect(page.Locator("#signaal .tijdlijn")).ToContainTextAsync("Besluitbrief verstuurd");
        await Assertions.Expect(page.Locator("#stap-besluitbrief")).ToHaveCountAsync(0);
        var besluitbrief = await BriefAsync(page, "Besluitbrief lezen");
        Assert.Contains("Uw bezwaar moet uiterlijk op 2 maart 2027 bij ons zijn.", besluitbrief, StringComparison.Ordinal);
        Assert.Contains("Gemeente Teststad, Postbus 42, 1234 AB Teststad", besluitbrief, StringComparison.Ordinal);
        Assert.Contains("De verlaging begint op 1 februari 2027 en duurt 1 maand.", besluitbrief, StringComparison.Ordinal);
        await Pagina.ControleerToegankelijkheidAsync(page);
        await Pagina.SchermafdrukAsync(page, "handhavingsbrieven");
    }

    /// <summary>Opens the letter behind the page's link in a tab of the same session and returns its text.</summary>
    private static async Task<string> BriefAsync(IPage page, string link)
    {
        var href = await page.Locator("#brieven a", new() { HasText = link }).GetAttributeAsync("href");
        Assert.NotNull(href);
        var tab = await page.Context.NewPageAsync();
        try
        {
            var antwoord = await tab.GotoAsync(href);
            Assert.Equal(200, antwoord!.Status);
            return await tab.Locator("body").InnerTextAsync();
        }
        finally
        {
            await tab.CloseAsync();
        }
    }
}
