using System.Text;
using KenJeKlant.Host.Bestand;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Bestand;
using KenJeKlant.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KenJeKlant.Tests.Browser;

/// <summary>
/// The import on the beheer page as a beheerder sees it: the file goes up, a progress bar with the rows and
/// the time left moves while the clients are brought up to date, and the report ends it (warnings listed);
/// a second import is stopped with its button. The job is held batch by batch (<see cref="ImportRem"/>),
/// so the test sees each step of the bar instead of racing the import.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class BestandImportBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task De_beheerpagina_toont_de_voortgang_van_een_import_en_daarna_het_rapport()
    {
        var rem = new ImportRem();
        await using var host = await DashboardHost.StartAsync("browser-import",
            new Dictionary<string, string> { ["Import:Batchgrootte"] = "5", ["Import:Tik"] = "00:00:00.100" },
            s => s.AddSingleton<KenJeKlant.Grains.Bestand.IBestandImportOpslag>(sp =>
            {
                rem.Binnen = sp.GetRequiredService<PostgresBestandImport>();
                return rem;
            }));
        using (var beheerder = await host.AlsAsync("beheerder")) await beheerder.ZetKlantmanagersAsync("KM001");
        var page = await chromium.OpenAlsAsync(host, "beheerder", "/beheer.html");
        var balk = page.Locator("#import-balk");
        var aantallen = page.Locator("#import-aantallen");

        rem.Sluit();
        rem.LaatDoor(1);
        await StuurAsync(page, Csv.Bestand([.. Enumerable.Range(1, 20).Select(i => Csv.Regel($"K{i:D2}", naam: i == 7 ? "=SOM(1)" : "Anna de Vries"))]));
        await Assertions.Expect(page.Locator("#import-stap")).ToHaveTextAsync("Stap 2 van 3: klanten bijwerken");
        await Assertions.Expect(balk).ToHaveJSPropertyAsync("value", 5);
        await Assertions.Expect(balk).ToHaveJSPropertyAsync("max", 20);
        await Assertions.Expect(aantallen).ToContainTextAsync("5 van 20 klanten bijgewerkt (25 %)");
        await Pagina.ControleerToegankelijkheidAsync(page);
        await Pagina.SchermafdrukAsync(page, "beheer-import");

        rem.LaatDoor(2);
        await Assertions.Expect(balk).ToHaveJSPropertyAsync("value", 15);
        await Assertions.Expect(aantallen).ToContainTextAsync("15 van 20 klanten bijgewerkt (75 %)");

        rem.Open();
        var rapport = page.Locator("#import-rapport");
        await Assertions.Expect(rapport.Locator("h3")).ToHaveTextAsync("Geïmporteerd");
        await Assertions.Expect(page.Locator("#import-voortgang")).ToBeHiddenAsync();
        await Assertions.Expect(rapport.Locator("dl div", new() { HasText = "Nieuw" }).Locator("dd")).ToHaveTextAsync("20");
        var waarschuwingen = page.GetByRole(AriaRole.Region, new() { Name = "Tabel: Waarschuwingen (1)" }).Locator("tbody tr");
        await Assertions.Expect(waarschuwingen.Locator("th")).ToHaveTextAsync("8");
        await Assertions.Expect(waarschuwingen).ToContainTextAsync("naam");
        await Pagina.ControleerToegankelijkheidAsync(page);

        // A second export, stopped after its first batch with the page's own button: nobody leaves the bestand.
        rem.Sluit();
        rem.LaatDoor(1);
        await StuurAsync(page, Csv.Bestand([.. Enumerable.Range(11, 20).Select(i => Csv.Regel($"K{i:D2}"))]));
        await Assertions.Expect(aantallen).ToContainTextAsync("5 van 20 klanten bijgewerkt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import afbreken" }).ClickAsync();
        await Assertions.Expect(rapport.Locator("h3")).ToHaveTextAsync("Afgebroken");
        await Assertions.Expect(rapport.Locator("h3")).ToBeFocusedAsync();
        await Assertions.Expect(rapport).ToContainTextAsync("niemand is uit het bestand gehaald");
        await Assertions.Expect(rapport.Locator("dl div", new() { HasText = "Uit het bestand" }).Locator("dd")).ToHaveTextAsync("0");
        await Pagina.ControleerToegankelijkheidAsync(page);
    }

    private static async Task StuurAsync(IPage page, string csv)
    {
        await page.Locator("#bestand").SetInputFilesAsync(new FilePayload { Name = "export.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.Locator("#import-form button[type='submit']").ClickAsync();
        await Assertions.Expect(page.Locator("#import-voortgang")).ToBeVisibleAsync();
    }
}
