using System.Net.Http.Json;
using System.Text.Json;
using KenJeKlant.Grains;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace KenJeKlant.Tests.Browser;

/// <summary>
/// The plan van aanpak in the klantmanager's page, in Chromium: an afspraak due today is on the werklijst; the
/// dossier shows the plan, the plan form takes a new afspraak (a deadline in the past is refused next to its
/// field), and closing an afspraak as niet nagekomen says it made no signal and takes it off the werklijst.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class PlanVanAanpakBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Een_plan_maken_wijzigen_en_een_afspraak_afronden_in_de_pagina()
    {
        var klok = new FakeTimeProvider(Start);
        await using var host = await DashboardHost.StartAsync("browser-plan", diensten: s => s.AddSingleton(new Domeinklok(klok)));
        using var beheerder = await host.AlsAsync("beheerder");
        using var klantmanager = await host.AlsAsync("klantmanager"); // medewerker KM001
        await beheerder.ZetKlantmanagersAsync("KM001");
        await beheerder.ImporteerGoedAsync(Csv.Bestand(Csv.Regel("K1")));
        (await klantmanager.PutAsJsonAsync("/api/v1/klanten/K1/plan-van-aanpak", new
        {
            doel = "Binnen een jaar betaald werk",
            afspraken = new[] { new { omschrijving = "Cv maken", wie = "klant", deadline = "2026-11-30", leefdomein = "werk" } },
        })).EnsureSuccessStatusCode();

        var page = await chromium.OpenAlsAsync(host, "klantmanager", "/klantmanager.html");
        await Pagina.WachtOpVerbindingAsync(page, "verbonden");
        var item = page.Locator("#te-controleren [data-klant='K1']");
        await Assertions.Expect(item).ToHaveCountAsync(1);

        // The dossier shows the plan; the plan form adds an afspraak, refusing a deadline in the past next to it.
        await page.Locator("#te-controleren button[data-actie='dossier']").ClickAsync();
        await Assertions.Expect(page.Locator("#dossier")).ToContainTextAsync("Binnen een jaar betaald werk");
        await page.Locator("#dossier button[data-actie='plan']").ClickAsync();
        await Assertions.Expect(page.Locator("#kop-plan")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#plan-0-omschrijving")).ToHaveValueAsync("Cv maken");
        await page.Locator("#plan-afspraak-erbij").ClickAsync();
        await Assertions.Expect(page.Locator("#plan-1-omschrijving")).ToBeFocusedAsync();
        await page.Locator("#plan-1-omschrijving").FillAsync("Intake bij de re-integratiepartner");
        await page.Locator("#plan-1-wie").SelectOptionAsync("partner");
        await page.Locator("#plan-1-partner").SelectOptionAsync("re-integratiepartner");
        await page.Locator("#plan-1-deadline").FillAsync("2026-11-01");
        await page.Locator("#plan-form button[type='submit']").ClickAsync();
        await Assertions.Expect(page.Locator("#plan-fouten .foutmelding")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#plan-1-deadline-fout")).ToContainTextAsync("verleden");
        await Assertions.Expect(page.Locator("#plan-1-deadline")).ToHaveAttributeAsync("aria-invalid", "true");
        await Pagina.ControleerToegankelijkheidAsync(page);
        await page.Locator("#plan-1-deadline").FillAsync("2026-12-15");
        await page.Locator("#plan-form button[type='submit']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-gelukt='plan']")).ToContainTextAsync("versie 2");
        await Assertions.Expect(page.Locator("#dossier")).ToContainTextAsync("Intake bij de re-integratiepartner");

        // Closing as niet nagekomen needs a reason, says no signal followed, and the afspraak leaves the werklijst.
        await page.Locator("#dossier button[data-actie='afronding']").First.ClickAsync();
        await Assertions.Expect(page.Locator("#kop-afronding")).ToBeFocusedAsync();
        await page.GetByLabel("Niet nagekomen").CheckAsync();
        await page.Locator("#afronding-form button[type='submit']").ClickAsync();
        await Assertions.Expect(page.Locator("#afronding-toelichting-fout")).ToContainTextAsync("Licht toe");
        await page.Locator("#afronding-toelichting").FillAsync("Klant was ziek, we spreken een nieuwe datum af.");
        await page.Locator("#afronding-form button[type='submit']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-gelukt='afronding']")).ToContainTextAsync("geen handhavingssignaal");
        await Assertions.Expect(item).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#dossier")).ToContainTextAsync("Niet nagekomen");

        var plan = await klantmanager.GetFromJsonAsync<JsonElement>("/api/v1/klanten/K1/plan-van-aanpak");
        Assert.Equal(2, plan.GetProperty("versie").GetInt32());
        Assert.Equal(["niet-nagekomen", "open"], plan.GetProperty("afspraken").EnumerateArray().Select(a => a.GetProperty("status").GetString()));
        await Pagina.ControleerToegankelijkheidAsync(page);
    }
}
