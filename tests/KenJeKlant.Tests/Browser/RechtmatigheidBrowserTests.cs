using System.Net.Http.Json;
using KenJeKlant.Grains;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace KenJeKlant.Tests.Browser;

/// <summary>A klantmanager raises a rechtmatigheidssignaal from the client's dossier; handhaving sees it, with the facts given, on its page.</summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class RechtmatigheidBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task Een_klantmanager_meldt_twijfel_en_handhaving_ziet_het_signaal()
    {
        var klok = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
        await using var host = await DashboardHost.StartAsync("browser-rechtmatigheid", diensten: s => s.AddSingleton(new Domeinklok(klok)));
        using var beheerder = await host.AlsAsync("beheerder");
        using var klantmanager = await host.AlsAsync("klantmanager"); // medewerker KM001
        await beheerder.ZetKlantmanagersAsync("KM001");
        await beheerder.ImporteerGoedAsync(Csv.Bestand(Csv.Regel("K1")));
        // An afspraak due today puts the client on the werklijst, from where the dossier opens.
        (await klantmanager.PutAsJsonAsync("/api/v1/klanten/K1/plan-van-aanpak", new
        {
            doel = "Binnen een jaar betaald werk",
            afspraken = new[] { new { omschrijving = "Cv maken", wie = "klant", deadline = "2026-11-30", leefdomein = "werk" } },
        })).EnsureSuccessStatusCode();

        var page = await chromium.OpenAlsAsync(host, "klantmanager", "/klantmanager.html");
        await Pagina.WachtOpVerbindingAsync(page, "verbonden");
        await page.Locator("#te-controleren button[data-actie='dossier']").ClickAsync();
        await Assertions.Expect(page.Locator("#rm-form")).ToBeVisibleAsync();
        await page.Locator("#rm-form button[type='submit']").ClickAsync();
        await Assertions.Expect(page.Locator("#rm-fouten .foutmelding")).ToContainTextAsync("aanleiding");
        await page.Locator("#rm-aanleiding").SelectOptionAsync("woonsituatie");
        await page.Locator("#rm-feiten").FillAsync("Bij het huisbezoek op 27 november stond een tweede naam op de brievenbus.");
        await page.Locator("#rm-toelichting").FillAsync("Mogelijk een gezamenlijke huishouding.");
        await page.Locator("#rm-form button[type='submit']").ClickAsync();
        await Assertions.Expect(page.Locator("#rm-resultaat")).ToContainTextAsync("Gemeld bij handhaving");
        await Pagina.ControleerToegankelijkheidAsync(page);

        var hh = await chromium.OpenAlsAsync(host, "handhaving", "/handhaving.html");
        await hh.WaitForFunctionAsync("() => document.body.dataset.rechtmatigheidssignalen === '1'");
        var sectie = hh.Locator("#rechtmatigheid");
        await Assertions.Expect(sectie).ToContainTextAsync("tweede naam op de brievenbus");
        await Assertions.Expect(sectie).ToContainTextAsync("woonsituatie");
        await Assertions.Expect(sectie).ToContainTextAsync("Anna de Vries");
        await Pagina.ControleerToegankelijkheidAsync(hh);
        await Pagina.SchermafdrukAsync(hh, "rechtmatigheid");
    }
}
