using System.Net.Http.Json;
using System.Text.Json;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Campagnes;
using KenJeKlant.Tests.Storage;
using Microsoft.Playwright;

namespace KenJeKlant.Tests.Browser;

/// <summary>The Rapportages page: choose a report and a period, read the chart and its table, download, set a target.</summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class RapportagesBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task Een_programmaleider_vraagt_een_rapportage_op_downloadt_hem_en_zet_een_doel()
    {
        await using var host = await DashboardHost.StartAsync("browser-rapportages", new Dictionary<string, string> { ["Demo:SynthetischBestand"] = "60" });
        using var beheerder = await host.AlsAsync("beheerder");
        // The demo bestand is imported as a job after the silo starts; a peildatum taken before it is done counts nobody.
        JsonElement demo = default;
        await CampagneOmgeving.WachtTotAsync(async () =>
            (demo = await beheerder.GetFromJsonAsync<JsonElement>("/api/v1/bestand/imports")).GetArrayLength() > 0,
            "het demobestand werd niet aangeboden", seconden: 60);
        var stand = await beheerder.WachtOpEindeAsync(new Uri(demo[0].GetProperty("adres").GetString()!, UriKind.Relative));
        Assert.True(stand.GetProperty("status").GetString() == "klaar", $"demobestand: {stand}");
        (await beheerder.PostAsJsonAsync("/api/v1/peildata", new { })).EnsureSuccessStatusCode();

        var page = await chromium.OpenAlsAsync(host, "programmaleider", "/rapportages.html");
        await page.WaitForFunctionAsync("document.body.dataset.klaar === 'ja'"); // the lists are loaded, the forms handled
        await page.GetByLabel("Rapportage").SelectOptionAsync("bestand");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon rapportage" }).ClickAsync();
        await Assertions.Expect(page.Locator("#rapport-titel")).ToContainTextAsync("Het bestand op de peildatum");
        var trede = page.GetByRole(AriaRole.Region, new() { Name = "Tabel: Naar trede op de participatieladder" });
        await page.Locator("summary", new() { HasText = "naar trede op de participatieladder" }).ClickAsync();
        await Assertions.Expect(trede.Locator("tbody tr", new() { HasText = "Totaal" })).ToContainTextAsync("60");
        await Pagina.ControleerToegankelijkheidAsync(page);
        await Pagina.SchermafdrukAsync(page, "rapportages");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download CSV" }).ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("Naar trede op de participatieladder;Totaal;Aantal;60;60", csv, StringComparison.Ordinal);
        Assert.Contains("/api/v1/rapportages/bestand?", await page.Locator("#afdrukken").GetAttributeAsync("href") ?? "", StringComparison.Ordinal);

        // A period the other way round: the page says which field is wrong.
        await page.Locator("#van").FillAsync("2026-06-01");
        await page.Locator("#tot").FillAsync("2026-05-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon rapportage" }).ClickAsync();
        await Assertions.Expect(page.Locator("#melding")).ToContainTextAsync("tot:");

        await page.Locator("#doel-indicator").SelectOptionAsync("gesproken-12-maanden");
        await page.Locator("#doel-waarde").FillAsync("80");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zet doel" }).ClickAsync();
        await Assertions.Expect(page.Locator("#doel-melding")).ToContainTextAsync("Doel gezet: gesproken-12-maanden");
        await Pagina.ControleerToegankelijkheidAsync(page);
    }
}
