using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Campagnes;
using KenJeKlant.Tests.Storage;
using Microsoft.Playwright;

namespace KenJeKlant.Tests.Browser;

/// <summary>
/// After a simulated campaign with no-shows: the handhaving queue and a review step in the browser,
/// the beheer page's import report and campaign lifecycle, the start page and the login form.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class HandhavingEnBeheerBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task Handhaving_beheer_start_en_inloggen_werken_in_de_browser_en_zijn_toegankelijk()
    {
        await using var host = await DashboardHost.StartAsync("browser-handhaving", new Dictionary<string, string>
        {
            ["Demo:SynthetischBestand"] = "240",
            ["Demo:Klantmanagers"] = "4",
            ["Klok:DagInSeconden"] = "0.25",
            ["Beleid:Campagne:Tik"] = "00:00:00.100",
            // On a busy machine a tick comes late; a late invitation must still go out, not be planned again,
            // or the no-shows (and so the signals) would depend on the machine's load.
            ["Beleid:Campagne:UitnodigingMinimaalDagenVooraf"] = "0",
        });
        using var beheerder = await host.AlsAsync("beheerder");
        await CampagneOmgeving.WachtTotAsync(async () =>
        {
            var antwoord = await beheerder.GetAsync("/api/v1/campagnes/ik-doe-mee-demo/voortgang");
            return antwoord.IsSuccessStatusCode && (await antwoord.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString() == "afgerond";
        }, "de gesimuleerde campagne werd niet afgerond", seconden: 150);

        await HandhavingAsync(host);
        await HandhavingMetHetToetsenbordAsync(host);
        await BeheerAsync(host);
        await InloggenAsync(host);
    }

    private async Task HandhavingAsync(DashboardHost host)
    {
        using var api = await host.AlsAsync("handhaving");
        var signalen = await api.GetFromJsonAsync<JsonElement>("/api/v1/handhavingssignalen");
        Assert.True(signalen.GetArrayLength() > 0, "de simulatie gaf geen handhavingssignaal");

        var page = await chromium.OpenAlsAsync(host, "handhaving", "/handhaving.html");
        await Pagina.WachtOpVerbindingAsync(page, "verbonden", "periodiek"); // live hub, or polling where the hub is absent
        await page.WaitForFunctionAsync("n => document.body.dataset.signalen === String(n)", signalen.GetArrayLength());
        await page.Locator("#wachtrij button[data-signaal]").First.ClickAsync();
        await Assertions.Expect(page.Locator("#kop-signaal")).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Tabel: Uitnodigingshistorie" }).Locator("tbody tr")).Not.ToHaveCountAsync(0);

        var behandeling = page.Locator("#stap-behandeling");
        await behandeling.Locator("button[type='submit']").ClickAsync();
        var fout = page.Locator("#stap-fouten .foutmelding");
        await Assertions.Expect(fout).ToContainTextAsync("Licht toe waarom");
        await Assertions.Expect(fout).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#stap-behandeling-toelichting")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.Locator("#stap-behandeling-toelichting").FillAsync("Ik pak dit signaal op.");
        await behandeling.Locator("button[type='submit']").ClickAsync();
        await Assertions.Expect(page.Locator("#stap-resultaat")).ToContainTextAsync("Vastgelegd: in behandeling nemen");
        await Assertions.Expect(page.Locator("#signaal")).ToContainTextAsync("in behandeling");

        var bezorging = page.Locator("#stap-bezorging");
        await bezorging.GetByLabel("Ja").CheckAsync();
        await page.Locator("#stap-bezorging-toelichting").FillAsync("Adres klopt volgens de BRP; geen retourpost.");
        await bezorging.Locator("button[type='submit']").ClickAsync();
        await Assertions.Expect(page.Locator("#signaal .tijdlijn")).ToContainTextAsync("Bezorging: bezorgd");

        // Handed back to the queue, the steps so far stay; taken up again, the review goes on where it was.
        await page.Locator("#stap-teruggave-toelichting").FillAsync("Ik kom er deze week niet aan toe; graag een collega.");
        await page.Locator("#stap-teruggave button[type='submit']").ClickAsync();
        await Assertions.Expect(page.Locator("#stap-resultaat")).ToContainTextAsync("Vastgelegd: teruggeven aan de wachtrij");
        await Assertions.Expect(page.Locator("#stap-bezorging")).ToHaveCountAsync(0);
        await page.Locator("#stap-behandeling-toelichting").FillAsync("Opnieuw opgepakt.");
        await page.Locator("#stap-behandeling button[type='submit']").ClickAsync();
        await Assertions.Expect(page.Locator("#stap-contactpogingen")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#stap-bezorging")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#signaal .tijdlijn")).ToContainTextAsync("Bezorging: bezorgd");
        await Pagina.ControleerToegankelijkheidAsync(page);
        await Pagina.SchermafdrukAsync(page, "handhaving");
    }

    /// <summary>
    /// The queue with the keyboard alone (see <see cref="Toetsenbord"/>): the status filter with arrow keys,
    /// a signal's Bekijk button kept under the focus while a colleague's step redraws the queue live, and
    /// a contact attempt recorded with a choice list, a radio button and Enter. It takes the signal
    /// <see cref="HandhavingAsync"/> put in behandeling, so one signal from the simulation is enough.
    /// </summary>
    private async Task HandhavingMetHetToetsenbordAsync(DashboardHost host)
    {
        using var api = await host.AlsAsync("handhaving");
        var inBehandeling = (await api.GetFromJsonAsync<JsonElement>("/api/v1/handhavingssignalen?status=in-behandeling")).EnumerateArray().ToList();
        var (id, naam) = (inBehandeling[0].GetProperty("id").GetString()!, inBehandeling[0].GetProperty("naam").GetString()!);

        var page = await Toetsenbord.LogInAsync(chromium, host, "handhaving", "/handhaving.html");
        await Pagina.WachtOpVerbindingAsync(page, "verbonden");
        await page.WaitForFunctionAsync("() => document.body.dataset.signalen !== undefined");
        await Toetsenbord.NaarDeInhoudAsync(page);
        await Toetsenbord.TabNaarAsync(page, "status-filter");
        await page.Keyboard.PressAsync("ArrowDown"); // "Alle signalen" → "Open"
        await page.Keyboard.PressAsync("ArrowDown"); // → "In behandeling"
        await Assertions.Expect(page.Locator("#wachtrij-telling")).ToContainTextAsync(
            $"{inBehandeling.Count} {(inBehandeling.Count == 1 ? "signaal" : "signalen")} in deze lijst");

        var bekijk = page.Locator($"#wachtrij button[data-signaal='{id}']");
        await Toetsenbord.TabNaarAsync(page, "Bekijk signaal van " + naam);
        await Assertions.Expect(bekijk).ToBeFocusedAsync();
        // A colleague records a step on this signal: the live push draws the queue anew (the button under
        // the focus is replaced), and the focus is on the same signal's button in the new drawing.
        await page.EvaluateAsync("() => { window.kjkOudeKnop = document.activeElement; }");
        (await api.PostAsJsonAsync($"/api/v1/handhavingssignalen/{id}/contactpogingen",
            new { kanaal = "brief", bereikt = false, toelichting = "Brief gestuurd door een collega, geen reactie." })).EnsureSuccessStatusCode();
        await page.WaitForFunctionAsync("() => !document.contains(window.kjkOudeKnop)");
        await Assertions.Expect(bekijk).ToBeFocusedAsync();
        await Toetsenbord.ControleerFocusAsync(page, "Na een live wijziging van de wachtrij");

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#kop-signaal")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#signaal .tijdlijn")).ToContainTextAsync("brief, niet bereikt");
        await Toetsenbord.TabNaarAsync(page, "stap-contactpogingen-kanaal");
        await page.Keyboard.PressAsync("ArrowDown"); // "— kies —" → "telefoon"
        await Toetsenbord.TabNaarAsync(page, "stap-contactpogingen-bereikt-ja", maximaal: 2);
        await page.Keyboard.PressAsync(" ");
        await Toetsenbord.TabNaarAsync(page, "stap-contactpogingen-toelichting", maximaal: 2);
        await page.Keyboard.TypeAsync("Klant gebeld en gesproken.");
        await Toetsenbord.TabNaarAsync(page, "Vastleggen: contactpoging", maximaal: 2);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#stap-resultaat")).ToContainTextAsync("Vastgelegd: contactpoging");
        await Assertions.Expect(page.Locator("#kop-signaal")).ToBeFocusedAsync();
        await Toetsenbord.ControleerFocusAsync(page, "Na het vastleggen van een stap");
        var pogingen = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/handhavingssignalen/{id}")).GetProperty("review").GetProperty("contactpogingen");
        var laatste = pogingen[pogingen.GetArrayLength() - 1];
        Assert.Equal(("telefoon", true, "Klant gebeld en gesproken."), (laatste.GetProperty("kanaal").GetString(), laatste.GetProperty("bereikt").GetBoolean(),
            laatste.GetProperty("stap").GetProperty("toelichting").GetString()));

        await Toetsenbord.RondgangAsync(page);
    }

    private async Task BeheerAsync(DashboardHost host)
    {
        var page = await chromium.OpenAlsAsync(host, "beheerder", "/beheer.html");

        // An export with an invalid BSN on line 3 imports nothing and lists the line.
        var csv = Csv.Bestand(Csv.Regel("N1"), Csv.Regel("N2", bsn: "123456789"));
        await page.Locator("#bestand").SetInputFilesAsync(new FilePayload { Name = "export.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.Locator("#import-form button[type='submit']").ClickAsync();
        await Assertions.Expect(page.Locator("#import-fouten .foutmelding")).ToContainTextAsync("Het bestand bevat fouten");
        var afgewezen = page.GetByRole(AriaRole.Region, new() { Name = "Tabel: Afgewezen regels (1)" }).Locator("tbody tr");
        await Assertions.Expect(afgewezen).ToHaveCountAsync(1);
        await Assertions.Expect(afgewezen.Locator("th")).ToHaveTextAsync("3");
        await Assertions.Expect(afgewezen).ToContainTextAsync("bsn");

        // Set-up: refused without a name (the server's words), then made and taken through its lifecycle.
        await page.Locator("#campagne-form button[type='submit']").ClickAsync();
        await Assertions.Expect(page.Locator("#campagne-fouten .foutmelding")).ToContainTextAsync("Geef de campagne een naam");
        await Assertions.Expect(page.Locator("#naam-fout")).ToHaveTextAsync("Geef de campagne een naam.");
        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Beheer test");
        await page.GetByLabel("Gesprekken per klantmanager per dag").FillAsync("2");
        await page.Locator("#campagne-form button[type='submit']").ClickAsync();
        await Assertions.Expect(page.Locator("#campagne-resultaat")).ToContainTextAsync("status concept");
        var status = page.Locator("[data-status-van='beheer-test']");
        await Assertions.Expect(status).ToHaveTextAsync("concept");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start: Beheer test" }).ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("actief");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pauzeer: Beheer test" }).ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("gepauzeerd");
        await page.GetByRole(AriaRole.Button, new() { Name = "Annuleer: Beheer test" }).ClickAsync();
        await Assertions.Expect(page.Locator("#overgang-fouten .foutmelding")).ToContainTextAsync("Vermeld waarom");
        await page.Locator("#toelichting-beheer-test").FillAsync("Opgezet om het beheerscherm te testen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Annuleer: Beheer test" }).ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("geannuleerd");
        await Pagina.ControleerToegankelijkheidAsync(page);
        await Pagina.SchermafdrukAsync(page, "beheer");

        // The start page shows a beheerder the dashboards of that role only.
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#tegels li:visible")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#tegels li:visible").First).ToContainTextAsync("Campagne live");
        await Pagina.ControleerToegankelijkheidAsync(page);
        await Pagina.SchermafdrukAsync(page, "start");

        await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        // Polling the address, not WaitForURL: its navigation event can pass before it listens when the
        // page's script navigates (seen on a busy machine: the page was at the address and the wait timed out).
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/inloggen\\.html$"));
        await page.GotoAsync("/beheer.html");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/inloggen\\.html\\?terug="));
    }

    private async Task InloggenAsync(DashboardHost host)
    {
        var page = await chromium.NieuwePaginaAsync(host);
        await page.GotoAsync("/inloggen.html?terug=%2Fbeheer.html");
        await page.GetByLabel("Gebruikersnaam").FillAsync("beheerder");
        await page.GetByLabel("Wachtwoord").FillAsync("fout-wachtwoord");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        var fout = page.Locator("#inlog-fouten .foutmelding");
        await Assertions.Expect(fout).ToContainTextAsync("Inloggen mislukt");
        await Assertions.Expect(fout).ToBeFocusedAsync();
        await Pagina.ControleerToegankelijkheidAsync(page);
        await Pagina.SchermafdrukAsync(page, "inloggen");
    }
}
