using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using KenJeKlant.Grains;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Campagnes;
using KenJeKlant.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace KenJeKlant.Tests.Browser;

/// <summary>
/// The Agenda on the klantmanager's page, in Chromium, on a domain clock fixed at a Monday: the week of the
/// server's today, a campaign's gesprek in its week (reached with Volgende week) with klantnummer, campaign and
/// stand, the first free moments as buttons carrying their start, the .ics download, and the dossier from a row.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class AgendaBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    // Monday 30 November 2026 (ISO week 49), before working hours.
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Maandag = new(2026, 11, 30);

    [Fact]
    public async Task De_agenda_toont_een_campagnegesprek_in_zijn_week_en_de_eerste_vrije_momenten()
    {
        await using var host = await DashboardHost.StartAsync("browser-agenda", diensten: s => s.AddSingleton(new Domeinklok(new FakeTimeProvider(Start))));
        using var beheerder = await host.AlsAsync("beheerder");
        using var klantmanager = await host.AlsAsync("klantmanager"); // medewerker KM001
        await beheerder.ZetKlantmanagersAsync("KM001");
        await beheerder.ImporteerGoedAsync(Csv.Bestand(Csv.Regel("K1"), Csv.Regel("K2", naam: "Carla Smit")));
        (await beheerder.PostAsJsonAsync("/api/v1/campagnes", new { naam = "Agenda in beeld", id = "agenda-in-beeld", selectie = new { klantmanager = "KM001" } })).EnsureSuccessStatusCode();
        (await beheerder.PostAsync("/api/v1/campagnes/agenda-in-beeld/start", null)).EnsureSuccessStatusCode();
        var vierWeken = $"/api/v1/klantmanagers/KM001/agenda?van={Datum(Maandag)}&tot={Datum(Maandag.AddDays(27))}";
        await CampagneOmgeving.WachtTotAsync(async () =>
            (await klantmanager.GetFromJsonAsync<JsonElement>(vierWeken)).GetProperty("geboekt").GetArrayLength() == 2,
            "de campagne plande de twee gesprekken niet in de eerste vier weken", seconden: 30);
        var eerste = (await klantmanager.GetFromJsonAsync<JsonElement>(vierWeken)).GetProperty("geboekt")[0];
        var gesprekStart = eerste.GetProperty("start").GetDateTimeOffset();
        var gesprekMaandag = DateOnly.FromDateTime(gesprekStart.UtcDateTime).AddDays(-(((int)gesprekStart.UtcDateTime.DayOfWeek + 6) % 7));
        var weken = (gesprekMaandag.DayNumber - Maandag.DayNumber) / 7;

        var page = await chromium.OpenAlsAsync(host, "klantmanager", "/klantmanager.html");
        var agenda = page.Locator("#agenda");
        await Assertions.Expect(agenda.Locator("#agenda-week")).ToHaveTextAsync("Week 49: maandag 30 november t/m zondag 6 december 2026");

        // This week: nothing can be planned before Thursday (the invitation's lead time); the first free moments are buttons.
        var week49 = await WeekAsync(klantmanager, Maandag);
        await ControleerVrijeMomentenAsync(page, week49);
        Assert.True(week49.GetProperty("vrij")[0].GetProperty("start").GetDateTimeOffset() >= new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero),
            "een vrij moment ligt binnen de termijn van de uitnodiging");

        // On to the gesprek's week: the booked gesprek with its time, klantnummer, campaign and stand.
        for (var i = 0; i < weken; i++) await page.Locator("#agenda-volgende").ClickAsync();
        var weeknummer = ISOWeek.GetWeekOfYear(gesprekMaandag.ToDateTime(TimeOnly.MinValue));
        await Assertions.Expect(agenda.Locator("#agenda-week")).ToContainTextAsync($"Week {weeknummer}:");
        var deWeek = await WeekAsync(klantmanager, gesprekMaandag);
        var geboekt = deWeek.GetProperty("geboekt").EnumerateArray().ToList();
        if (weken > 0) await Assertions.Expect(page.Locator("#agenda-samenvatting")).ToContainTextAsync($"Week {weeknummer}:");
        var rijen = page.GetByRole(AriaRole.Region, new() { Name = $"Tabel: Gesprekken in week {weeknummer}", Exact = true }).Locator("tbody tr");
        await Assertions.Expect(rijen).ToHaveCountAsync(geboekt.Count);
        var rij = rijen.Filter(new() { HasText = eerste.GetProperty("klantnummer").GetString()! });
        await Assertions.Expect(rij).ToContainTextAsync("Agenda in beeld");
        await Assertions.Expect(rij).ToContainTextAsync(gesprekStart.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)); // the browser runs in UTC
        await Assertions.Expect(rij).ToContainTextAsync(eerste.GetProperty("status").GetString()!.Replace('-', ' '));
        await ControleerVrijeMomentenAsync(page, deWeek);
        var bezet = geboekt.Select(g => g.GetProperty("start").GetString()).ToHashSet();
        foreach (var moment in await page.Locator("#vrije-momenten button").EvaluateAllAsync<string[]>("e => e.map(x => x.dataset.moment)"))
            Assert.DoesNotContain(moment, bezet);

        await Pagina.SchermafdrukAsync(page, "klantmanager-agenda");

        // Choosing a free moment marks it and says which one.
        var knop = page.Locator("#vrije-momenten button[data-moment]").First;
        await knop.ClickAsync();
        await Assertions.Expect(knop).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator("#moment-gekozen")).ToHaveTextAsync("Gekozen: " + await knop.InnerTextAsync() + ".");

        // The .ics for Outlook: this klantmanager's gesprekken by klantnummer, without a name.
        Assert.Equal("/api/v1/klantmanagers/KM001/agenda.ics", await page.Locator("#agenda-ics").GetAttributeAsync("href"));
        var ics = await page.APIRequest.GetAsync("/api/v1/klantmanagers/KM001/agenda.ics");
        Assert.Equal(200, ics.Status);
        var kalender = await ics.TextAsync();
        Assert.Contains("klant K1", kalender, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna de Vries", kalender, StringComparison.Ordinal);

        // A gesprek's row opens the client's dossier; Vorige week goes back.
        await rij.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.Locator("#kop-dossier")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#kop-dossier")).ToHaveTextAsync(eerste.GetProperty("klantnummer").GetString() == "K1" ? "Dossier van Anna de Vries" : "Dossier van Carla Smit");
        await Pagina.ControleerToegankelijkheidAsync(page);
        for (var i = 0; i < weken; i++) await page.Locator("#agenda-vorige").ClickAsync();
        await Assertions.Expect(agenda.Locator("#agenda-week")).ToHaveTextAsync("Week 49: maandag 30 november t/m zondag 6 december 2026");
    }

    /// <summary>The first free moments of the week on screen are the API's first ones, each a button holding its ISO start.</summary>
    private static async Task ControleerVrijeMomentenAsync(IPage page, JsonElement week)
    {
        string[] verwacht = [.. week.GetProperty("vrij").EnumerateArray().Take(8).Select(m => m.GetProperty("start").GetString()!)];
        Assert.NotEmpty(verwacht);
        var knoppen = page.Locator("#agenda #vrije-momenten button[data-moment]");
        await Assertions.Expect(knoppen).ToHaveCountAsync(verwacht.Length);
        Assert.Equal(verwacht, await knoppen.EvaluateAllAsync<string[]>("e => e.map(x => x.dataset.moment)"));
    }

    private static Task<JsonElement> WeekAsync(HttpClient api, DateOnly maandag) =>
        api.GetFromJsonAsync<JsonElement>($"/api/v1/klantmanagers/KM001/agenda?van={Datum(maandag)}&tot={Datum(maandag.AddDays(6))}");

    private static string Datum(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
