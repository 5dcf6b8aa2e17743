using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Campagnes;
using KenJeKlant.Tests.Storage;
using Microsoft.Playwright;

namespace KenJeKlant.Tests.Browser;

/// <summary>
/// The dashboards with the keyboard alone (WCAG 2.1.1 toetsenbord, 2.1.2 geen toetsenbordval, 2.4.3
/// focusvolgorde, 2.4.7 focus zichtbaar): logging in, a klantmanager's werklijst to a Klant's dossier
/// and a Herbeoordeling planned in its form, a Campagne started and paused on beheer and chosen on the
/// programmaleider's page. Every focus step is checked (see <see cref="Toetsenbord"/>) and every
/// change is checked through the API, not only on screen.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class ToetsenbordBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task Een_klantmanager_opent_met_alleen_het_toetsenbord_een_dossier_uit_de_werklijst_en_plant_een_herbeoordeling()
    {
        await using var host = await DashboardHost.StartAsync("browser-toetsenbord-km");
        using var beheerder = await host.AlsAsync("beheerder");
        using var klantmanager = await host.AlsAsync("klantmanager"); // medewerker KM001
        await ZetKlantenKlaarAsync(beheerder);
        await MaakCampagneAsync(beheerder, "toetsenbord", "Toetsenbord");
        (await beheerder.PostAsync("/api/v1/campagnes/toetsenbord/start", null)).EnsureSuccessStatusCode();
        await CampagneOmgeving.WachtTotAsync(async () =>
            (await klantmanager.GetFromJsonAsync<JsonElement>("/api/v1/klantmanagers/KM001/werklijst")).GetProperty("gesprekken").GetArrayLength() == 2,
            "de campagne plande de twee klanten van KM001 niet in", seconden: 30);

        // An empty login form sent with Enter: the problem gets the focus, each field its message next to it.
        var page = await chromium.NieuwePaginaAsync(host);
        await page.GotoAsync("/klantmanager.html");
        await page.Locator("#inlog-form[data-klaar]").WaitForAsync();
        await Toetsenbord.NaarDeInhoudAsync(page);
        Assert.Equal("gebruikersnaam", (await Toetsenbord.TabAsync(page)).Id);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#inlog-fouten .foutmelding")).ToBeFocusedAsync();
        await Toetsenbord.ControleerFocusAsync(page, "Foutmelding na inloggen zonder gegevens");
        await Assertions.Expect(page.Locator("#gebruikersnaam-fout")).ToHaveTextAsync("Vul uw gebruikersnaam in.");
        await Assertions.Expect(page.Locator("#gebruikersnaam")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.CloseAsync();

        page = await Toetsenbord.LogInAsync(chromium, host, "klantmanager", "/klantmanager.html");
        await Pagina.WachtOpVerbindingAsync(page, "verbonden");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dossier van Anna de Vries" }).First.WaitForAsync(); // waiting, not clicking
        await Toetsenbord.NaarDeInhoudAsync(page);

        // From the werklijst to Anna's dossier, and from there to the herbeoordeling form.
        await Toetsenbord.TabNaarAsync(page, "Dossier van Anna de Vries");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#kop-dossier")).ToHaveTextAsync("Dossier van Anna de Vries");
        await Assertions.Expect(page.Locator("#kop-dossier")).ToBeFocusedAsync();
        await Toetsenbord.ControleerFocusAsync(page, "Kop van het dossier");
        await Toetsenbord.TabNaarAsync(page, "Herbeoordeling plannen voor Anna de Vries", maximaal: 5);
        await page.Keyboard.PressAsync(" ");
        await Assertions.Expect(page.Locator("#kop-herbeoordeling")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#herbeoordeling-wie")).ToHaveTextAsync("Anna de Vries (K1)");

        // Sent empty: the summary gets the focus and each field says what is missing, next to it.
        Assert.Equal("herbeoordeling-datum", (await Toetsenbord.TabAsync(page)).Id);
        await page.Keyboard.PressAsync("Enter");
        var fout = page.Locator("#herbeoordeling-fouten .foutmelding");
        await Assertions.Expect(fout).ToBeFocusedAsync();
        await Toetsenbord.ControleerFocusAsync(page, "Foutmelding bij een lege herbeoordeling");
        await Assertions.Expect(page.Locator("#herbeoordeling-datum")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(fout).ToContainTextAsync("Vul de datum en de reden in");
        await Assertions.Expect(page.Locator("#herbeoordeling-datum-fout")).ToHaveTextAsync("Vul de datum van de herbeoordeling in.");
        await Assertions.Expect(page.Locator("#herbeoordeling-datum")).ToHaveAttributeAsync("aria-describedby", "herbeoordeling-datum-fout");
        await Assertions.Expect(page.Locator("#herbeoordeling-reden")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#herbeoordeling-reden-fout")).ToHaveTextAsync("Vul in waarom de herbeoordeling op deze datum valt.");

        // A date in the past: the server's reason (problem+json) gets the focus.
        Assert.Equal("herbeoordeling-datum", (await Toetsenbord.TabAsync(page)).Id);
        await TypDatumAsync(page, new DateOnly(2020, 3, 1));
        await Toetsenbord.TabNaarAsync(page, "herbeoordeling-reden", maximaal: 2); // past the field's calendar button
        await page.Keyboard.TypeAsync("Afgesproken in het gesprek");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(fout).ToContainTextAsync("verleden");
        await Assertions.Expect(fout).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#herbeoordeling-datum-fout")).ToContainTextAsync("ligt in het verleden"); // next to the field it is about
        await Assertions.Expect(page.Locator("#herbeoordeling-datum")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#herbeoordeling-reden")).Not.ToHaveAttributeAsync("aria-invalid", "true");

        // A good date, back to the date field with Shift+Tab and on to the button, which sends it.
        Assert.Equal("herbeoordeling-datum", (await Toetsenbord.TabAsync(page)).Id);
        var datum = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(45);
        await TypDatumAsync(page, datum);
        await Toetsenbord.TabNaarAsync(page, "herbeoordeling-reden", maximaal: 2);
        Assert.Equal("herbeoordeling-datum", (await Toetsenbord.TabAsync(page, terug: true)).Id);
        Assert.Equal("herbeoordeling-reden", (await Toetsenbord.TabAsync(page)).Id);
        await Toetsenbord.TabNaarAsync(page, "Herbeoordeling plannen", maximaal: 2);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#resultaat")).ToContainTextAsync("Herbeoordeling van Anna de Vries gepland op");

        var dossier = await klantmanager.GetFromJsonAsync<JsonElement>("/api/v1/klanten/K1");
        Assert.Equal(datum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), dossier.GetProperty("herbeoordeling").GetProperty("datum").GetString());
        Assert.Contains(dossier.GetProperty("historie").EnumerateArray(), h => h.GetProperty("omschrijving").GetString()!.Contains("Afgesproken in het gesprek", StringComparison.Ordinal));

        // The open dossier shows the new date at once; the focus goes back to the button that opened the
        // form (drawn anew with the dossier), after sending and after Sluiten.
        await Assertions.Expect(page.Locator("#dossier")).ToContainTextAsync(datum.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL")));
        var opener = page.Locator("#dossier button[data-actie='herbeoordeling']");
        await Assertions.Expect(opener).ToBeFocusedAsync();
        await Toetsenbord.ControleerFocusAsync(page, "Terug na het plannen");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#kop-herbeoordeling")).ToBeFocusedAsync();
        await Toetsenbord.TabNaarAsync(page, "herbeoordeling-annuleer", maximaal: 8);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#herbeoordeling-sectie")).ToBeHiddenAsync();
        await Assertions.Expect(opener).ToBeFocusedAsync();

        // A colleague plans Carla Smit's herbeoordeling while the keyboard user is on its Gesprek plannen button: the
        // live push takes the row away, and the focus stays in that list instead of falling to the page's top.
        await page.Locator("main#inhoud").FocusAsync(); // where the skip link puts it
        var plannen = page.GetByRole(AriaRole.Button, new() { Name = "Gesprek plannen voor Carla Smit" });
        await Toetsenbord.TabNaarAsync(page, "Gesprek plannen voor Carla Smit");
        var lijst = await page.EvaluateAsync<string>("() => document.activeElement.closest('[role=region]').getAttribute('aria-label')");
        (await klantmanager.PostAsJsonAsync("/api/v1/klanten/K2/herbeoordeling",
            new { datum = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60), reden = "Telefonisch afgesproken door een collega" })).EnsureSuccessStatusCode();
        await Assertions.Expect(plannen).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = lijst, Exact = true })).ToBeFocusedAsync();
        await Toetsenbord.ControleerFocusAsync(page, "Na een live wijziging die de knop onder de focus wegnam");

        // Tab leaves the page after its last control and comes round again.
        await Toetsenbord.ControleerDatDeControleFaaltZonderIndicatorAsync(page);
        await Toetsenbord.RondgangAsync(page);
    }

    [Fact]
    public async Task Een_beheerder_start_en_pauzeert_een_campagne_en_een_programmaleider_kiest_er_een_met_alleen_het_toetsenbord()
    {
        await using var host = await DashboardHost.StartAsync("browser-toetsenbord-beheer");
        using var beheerder = await host.AlsAsync("beheerder");
        await ZetKlantenKlaarAsync(beheerder);
        await MaakCampagneAsync(beheerder, "eerste-ronde", "Eerste ronde");
        await MaakCampagneAsync(beheerder, "toetsenbord", "Toetsenbord");

        // Beheer: Start by Enter on the campaign's button; the focus stays with that campaign.
        var beheer = await Toetsenbord.LogInAsync(chromium, host, "beheerder", "/beheer.html");
        await Assertions.Expect(beheer.Locator("[data-status-van='toetsenbord']")).ToHaveTextAsync("concept");
        await Toetsenbord.NaarDeInhoudAsync(beheer);
        await Toetsenbord.TabNaarAsync(beheer, "Start: Toetsenbord");
        await beheer.Keyboard.PressAsync("Enter");
        await Assertions.Expect(beheer.Locator("[data-status-van='toetsenbord']")).ToHaveTextAsync("actief");
        Assert.Equal("actief", await StatusAsync(beheerder, "toetsenbord"));
        var na = await Toetsenbord.ControleerFocusAsync(beheer, "Na Start");
        Assert.True(na.Naam == "Pauzeer: Toetsenbord", $"Na Start staat de focus op {na.Beschrijving}, niet op de volgende stap van dezelfde campagne");

        // Programmaleider: the first campaign is shown; the other is chosen in the list with the arrow keys and followed with Enter.
        var programma = await Toetsenbord.LogInAsync(chromium, host, "programmaleider", "/programmaleider.html");
        await Pagina.WachtOpVerbindingAsync(programma, "verbonden");
        await programma.WaitForFunctionAsync("() => document.body.dataset.campagne === 'eerste-ronde'");
        await Toetsenbord.NaarDeInhoudAsync(programma);
        Assert.Equal("campagne", (await Toetsenbord.TabAsync(programma)).Id);
        for (var i = 0; i < 3 && await programma.EvaluateAsync<string>("() => document.activeElement.value") != "toetsenbord"; i++)
            await programma.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("toetsenbord", await programma.EvaluateAsync<string>("() => document.activeElement.value"));
        await Toetsenbord.TabNaarAsync(programma, "Volg deze campagne", maximaal: 1);
        await programma.Keyboard.PressAsync("Enter");
        await programma.WaitForFunctionAsync("() => document.body.dataset.campagne === 'toetsenbord' && document.body.dataset.status === 'actief'");
        var voortgang = await beheerder.GetFromJsonAsync<JsonElement>("/api/v1/campagnes/toetsenbord/voortgang");
        Assert.Equal(voortgang.GetProperty("funnel").GetProperty("geselecteerd").GetInt32(), await Pagina.GetalAsync(programma, "funnel.geselecteerd"));

        // The chart's table opened with Enter; its scroll region keeps the focus when the live voortgang
        // redraws the page (here: the pause, which is pushed at once).
        await Toetsenbord.TabNaarAsync(programma, "Toon als tabel: funnel", maximaal: 3);
        await programma.Keyboard.PressAsync("Enter");
        var tabel = await Toetsenbord.TabNaarAsync(programma, "Tabel: Funnel", maximaal: 1);
        await beheer.Keyboard.PressAsync(" "); // Pauzeer, the focused button on the beheer page
        await Assertions.Expect(beheer.Locator("[data-status-van='toetsenbord']")).ToHaveTextAsync("gepauzeerd");
        Assert.Equal("gepauzeerd", await StatusAsync(beheerder, "toetsenbord"));
        await programma.WaitForFunctionAsync("() => document.body.dataset.status === 'gepauzeerd'");
        var nogSteeds = await Toetsenbord.ControleerFocusAsync(programma, "Na de live wijziging");
        Assert.True(nogSteeds.Naam == tabel.Naam, $"Na de live wijziging staat de focus op {nogSteeds.Beschrijving}, niet meer op {tabel.Beschrijving}");

        await Toetsenbord.RondgangAsync(programma);
        await Toetsenbord.RondgangAsync(beheer);
    }

    private static async Task<string> StatusAsync(HttpClient api, string campagne) =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/campagnes/{campagne}")).GetProperty("status").GetString()!;

    /// <summary>
    /// Types a date into a date field segment by segment, in the order the field shows them. That order is
    /// the browser's language (Debian's Chromium without chromium-l10n has only en-US: mm/dd/jjjj), so it
    /// is first found out as a user sees it: a date whose day and month differ, and what the field made of it.
    /// </summary>
    internal static async Task TypDatumAsync(IPage page, DateOnly datum)
    {
        await page.Keyboard.TypeAsync("01022000");
        var proef = await page.EvaluateAsync<string>("() => document.activeElement.value");
        Assert.True(proef is "2000-02-01" or "2000-01-02", $"Het datumveld maakte van 01, 02, 2000 '{proef}'");
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.TypeAsync(datum.ToString(proef == "2000-02-01" ? "ddMMyyyy" : "MMddyyyy", CultureInfo.InvariantCulture));
        Assert.Equal(datum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), await page.EvaluateAsync<string>("() => document.activeElement.value"));
    }

    internal static async Task ZetKlantenKlaarAsync(HttpClient beheerder)
    {
        await beheerder.ZetKlantmanagersAsync("KM001", "KM002");
        var csv = Csv.Bestand(Csv.Regel("K1"), Csv.Regel("K2", naam: "Carla Smit"), Csv.Regel("K3", klantmanager: "KM002", naam: "Bram Jansen"));
        await beheerder.ImporteerGoedAsync(csv);
    }

    internal static async Task MaakCampagneAsync(HttpClient beheerder, string id, string naam) =>
        (await beheerder.PostAsJsonAsync("/api/v1/campagnes", new
        {
            naam,
            id,
            selectie = new { klantmanager = "KM001" },
            capaciteit = new
            {
                gesprekkenPerDag = 2, slotMinuten = 60, begintijd = "09:00:00", eindtijd = "17:00:00",
                werkdagen = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" },
            },
            uitnodigingDagenVooraf = 5,
            herinneringDagenVooraf = 1,
        })).EnsureSuccessStatusCode();
}
