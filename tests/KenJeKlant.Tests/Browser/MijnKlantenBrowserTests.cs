using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Storage;
using Microsoft.Playwright;

namespace KenJeKlant.Tests.Browser;

/// <summary>
/// Mijn klanten on the klantmanager's page, in Chromium: the caseload of KM001 and the one KM001 covers for
/// KM002 (never KM003's), searched by name and klantnummer, filtered on indeling, route, herbeoordeling, open
/// afspraken and whose caseload, paged with the keyboard, and a row opening the client's dossier. Every list on
/// screen is compared with what the API answers for the same question.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class MijnKlantenBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    private static readonly string[] Namen =
    [
        "Anna de Vries", "Bram Jansen", "Carla Smit", "Daan Bakker", "Eva Visser", "Fatima El Amrani",
        "Gert Mulder", "Hanna de Boer", "Ivo Meijer", "Joke de Jong", "Kees Bos", "Lotte Vos",
    ];

    [Fact]
    public async Task Mijn_klanten_zoekt_filtert_pagineert_met_het_toetsenbord_en_opent_een_dossier()
    {
        await using var host = await DashboardHost.StartAsync("browser-mijn-klanten");
        using var beheerder = await host.AlsAsync("beheerder");
        using var klantmanager = await host.AlsAsync("klantmanager"); // medewerker KM001
        await ZetCaseloadKlaarAsync(beheerder, klantmanager);

        var page = await chromium.OpenAlsAsync(host, "klantmanager", "/klantmanager.html");
        var aantal = page.Locator("#klanten-aantal");
        var rijen = page.Locator("#klanten-lijst tbody tr");
        // Twelve of KM001 and the two of KM002, whom KM001 covers; KM003's Piet Smit is not there.
        await Assertions.Expect(aantal).ToHaveTextAsync("14 klanten gevonden.");
        await Assertions.Expect(rijen).ToHaveCountAsync(14);
        await Assertions.Expect(page.Locator("#klanten-lijst caption")).ToHaveTextAsync("Mijn klanten");
        await Assertions.Expect(page.Locator("#klanten-lijst tr").Filter(new() { Has = page.Locator("[data-klant='K21']") }))
            .ToContainTextAsync("Klantmanager KM002");
        await Assertions.Expect(page.Locator("#klanten-lijst [data-klant='K31']")).ToHaveCountAsync(0);

        // Search by name (Enter sends it) and by klantnummer.
        await page.Locator("#klanten-zoek").FillAsync("smit");
        await page.Locator("#klanten-zoek").PressAsync("Enter");
        await Assertions.Expect(aantal).ToHaveTextAsync("1 klant gevonden.");
        Assert.Equal(["K03"], await KlantnummersAsync(page));
        await page.Locator("#klanten-zoek").FillAsync("K22");
        await page.Locator("#klanten-zoek").PressAsync("Enter");
        await Assertions.Expect(rijen).ToHaveCountAsync(1);
        await Assertions.Expect(rijen).ToContainTextAsync("Noah Hendriks");
        await page.Locator("#klanten-zoek").FillAsync("niemand");
        await page.Locator("#klanten-zoek").PressAsync("Enter");
        await Assertions.Expect(aantal).ToHaveTextAsync("Geen klanten gevonden. Kies andere filters of zoek op een ander woord.");
        await page.Locator("#klanten-wis").ClickAsync();
        await Assertions.Expect(aantal).ToHaveTextAsync("14 klanten gevonden.");

        // Each filter on its own: the rows on screen are the API's answer to the same question.
        await FilterAsync(page, klantmanager, "#klanten-indeling", "overbrugbare-afstand", "indeling=overbrugbare-afstand", ["K03"]);
        await FilterAsync(page, klantmanager, "#klanten-afspraken", "true", "openAfspraken=true", ["K07"]);
        await FilterAsync(page, klantmanager, "#klanten-caseload", "KM002", "klantmanager=KM002", ["K21", "K22"]);
        var gepland = await FilterAsync(page, klantmanager, "#klanten-herbeoordeling", "gepland", "herbeoordeling=gepland", null);
        Assert.Contains("K05", gepland); // planned on the page's own API above
        Assert.DoesNotContain("K01", gepland); // started in 2019 and never spoken to: te laat
        Assert.Contains("K01", await FilterAsync(page, klantmanager, "#klanten-herbeoordeling", "te-laat", "herbeoordeling=te-laat", null));
        await Assertions.Expect(page.Locator("#klanten-lijst tr").Filter(new() { Has = page.Locator("[data-klant='K01']") })).ToContainTextAsync("Te laat");
        await page.Locator("#klanten-herbeoordeling").SelectOptionAsync("");
        await page.Locator("#klanten-route").FillAsync("Leerwerktraject");
        await page.Locator("#klanten-route").PressAsync("Enter");
        await Assertions.Expect(aantal).ToHaveTextAsync("1 klant gevonden.");
        Assert.Equal(["K03"], await KlantnummersAsync(page));
        await Assertions.Expect(rijen).ToContainTextAsync("leerwerktraject");
        await page.Locator("#klanten-wis").ClickAsync();

        // Ten per page: forward and back with the keyboard. The button that no longer applies switches off and
        // hands the focus to the table it just filled.
        await page.Locator("#klanten-per-pagina").SelectOptionAsync("10");
        await Assertions.Expect(aantal).ToHaveTextAsync("14 klanten gevonden. U ziet 1 tot en met 10 (pagina 1 van 2).");
        await Assertions.Expect(page.Locator("#klanten-vorige")).ToBeDisabledAsync();
        await page.Locator("#klanten-per-pagina").FocusAsync();
        await Toetsenbord.TabNaarAsync(page, "Volgende pagina");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(aantal).ToHaveTextAsync("14 klanten gevonden. U ziet 11 tot en met 14 (pagina 2 van 2).");
        Assert.Equal(["K11", "K12", "K21", "K22"], await KlantnummersAsync(page));
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Tabel: Mijn klanten, pagina 2 van 2", Exact = true })).ToBeFocusedAsync();
        await Toetsenbord.ControleerFocusAsync(page, "Na de laatste pagina");
        await Assertions.Expect(page.Locator("#klanten-volgende")).ToBeDisabledAsync();
        await Toetsenbord.TabNaarAsync(page, "Vorige pagina", maximaal: 6);
        await page.Keyboard.PressAsync(" ");
        await Assertions.Expect(aantal).ToHaveTextAsync("14 klanten gevonden. U ziet 1 tot en met 10 (pagina 1 van 2).");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Tabel: Mijn klanten, pagina 1 van 2", Exact = true })).ToBeFocusedAsync();

        // A row opens the client's dossier, as the werklijst does.
        await Toetsenbord.TabNaarAsync(page, "Dossier van Carla Smit", maximaal: 4);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#kop-dossier")).ToHaveTextAsync("Dossier van Carla Smit");
        await Assertions.Expect(page.Locator("#kop-dossier")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#dossier")).ToContainTextAsync("leerwerktraject");
        await Pagina.ControleerToegankelijkheidAsync(page);
        await Pagina.SchermafdrukAsync(page, "klantmanager-mijn-klanten");
    }

    /// <summary>Chooses a value in one filter, checks the rows against the API's answer (and <paramref name="verwacht"/> when given), then clears it.</summary>
    private static async Task<string[]> FilterAsync(IPage page, HttpClient api, string lijst, string waarde, string query, string[]? verwacht)
    {
        var antwoord = await api.GetFromJsonAsync<JsonElement>("/api/v1/klanten?pageSize=100&" + query);
        string[] klanten = [.. antwoord.GetProperty("klanten").EnumerateArray().Select(k => k.GetProperty("klantnummer").GetString()!)];
        if (verwacht is not null) Assert.Equal(verwacht, klanten);
        Assert.NotEmpty(klanten);
        await page.Locator(lijst).SelectOptionAsync(waarde);
        var tekst = klanten.Length == 1 ? "1 klant gevonden." : $"{klanten.Length} klanten gevonden.";
        await Assertions.Expect(page.Locator("#klanten-aantal")).ToHaveTextAsync(tekst);
        Assert.Equal(klanten, await KlantnummersAsync(page));
        await page.Locator(lijst).SelectOptionAsync("");
        await Assertions.Expect(page.Locator("#klanten-aantal")).ToHaveTextAsync("14 klanten gevonden.");
        return klanten;
    }

    private static async Task<string[]> KlantnummersAsync(IPage page) =>
        await page.Locator("#klanten-lijst tbody [data-klant]").EvaluateAllAsync<string[]>("e => e.map(x => x.dataset.klant)");

    private static async Task ZetCaseloadKlaarAsync(HttpClient beheerder, HttpClient klantmanager)
    {
        await beheerder.ZetKlantmanagersAsync("KM001", "KM002", "KM003");
        var vandaag = DateOnly.FromDateTime(DateTime.UtcNow);
        (await beheerder.PutAsJsonAsync("/api/v1/klantmanagers/KM002/vervanging", new { vervanger = "KM001", tot = vandaag.AddDays(14) })).EnsureSuccessStatusCode();
        var regels = Namen.Select((naam, i) => Csv.Regel($"K{i + 1:00}", naam: naam))
            .Append(Csv.Regel("K21", naam: "Mila Peters", klantmanager: "KM002"))
            .Append(Csv.Regel("K22", naam: "Noah Hendriks", klantmanager: "KM002"))
            .Append(Csv.Regel("K31", naam: "Piet Smit", klantmanager: "KM003"));
        await beheerder.ImporteerGoedAsync(Csv.Bestand([.. regels]));

        // Carla Smit: indeling and route; Eva Visser: herbeoordeling gepland; Gert Mulder: a plan with an open afspraak.
        (await klantmanager.PostAsJsonAsync("/api/v1/klanten/K03/indelingen", new { indeling = "overbrugbare-afstand" })).EnsureSuccessStatusCode();
        (await klantmanager.PostAsJsonAsync("/api/v1/klanten/K03/routes", new { route = "leerwerktraject" })).EnsureSuccessStatusCode();
        (await klantmanager.PostAsJsonAsync("/api/v1/klanten/K05/herbeoordeling", new { datum = vandaag.AddDays(40), reden = "Afgesproken in het gesprek" })).EnsureSuccessStatusCode();
        var plan = await klantmanager.PutAsJsonAsync("/api/v1/klanten/K07/plan-van-aanpak", new
        {
            doel = "Werk in de zorg",
            afspraken = new[] { new { omschrijving = "Twee sollicitaties per maand", wie = "klant", deadline = vandaag.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } },
        });
        Assert.True(plan.IsSuccessStatusCode, await plan.Content.ReadAsStringAsync());
    }
}
