using System.Globalization;
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
/// Issue #14, the whole klantcontact loop on the klantmanager's page with the keyboard alone, in fake domain time:
/// a herbeoordeling prompt → Gesprek plannen in a free moment of the agenda (the uitnodiging in the outbox) → the
/// client asks to move it: Verzetten op verzoek van de klant (a verzetbrief in the outbox) → after the moment the
/// gesprek is held: its outcome with a plan van aanpak of two afspraken (a deadline in the past first refused next
/// to its field) → on an afspraak's deadline it stands under Afspraken te controleren → afgerond as nagekomen, it
/// leaves. Every step's effect is checked through the API: the gesprek's status and verzetAantal, the letters (as
/// beheerder), the plan's version and afspraken, the herbeoordeling's next date.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class KlantcontactBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    // Monday 30 November 2026, 10:00; the fake clock's zone and the browser's are UTC. The invitation's lead time is
    // three days: the first free moments are on Thursday 3 December.
    private static readonly DateTimeOffset Begin = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Donderdag = new(2026, 12, 3, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Een_klantmanager_plant_verzet_en_houdt_een_herbeoordelingsgesprek_en_controleert_het_plan_van_aanpak_met_alleen_het_toetsenbord()
    {
        var klok = new FakeTimeProvider(Begin);
        await using var host = await DashboardHost.StartAsync("browser-klantcontact", new Dictionary<string, string>
        {
            ["Beleid:PlanVanAanpak:WerklijstControle"] = "00:00:00.200", // the werklijst looks for afspraken due soon after the day changes
            ["Beleid:Campagne:Tik"] = "00:00:00.100", // the agenda notices soon that a gesprek's moment passed
        }, s => s.AddSingleton(new Domeinklok(klok)));
        using var beheerder = await host.AlsAsync("beheerder");
        using var klantmanager = await host.AlsAsync("klantmanager"); // medewerker KM001
        await beheerder.ZetKlantmanagersAsync("KM001");
        // Both without any gesprek since 2019: their herbeoordeling is overdue, a prompt on the werklijst.
        await beheerder.ImporteerGoedAsync(Csv.Bestand(Csv.Regel("K1"), Csv.Regel("K2", naam: "Carla Smit")));

        var page = await Toetsenbord.LogInAsync(chromium, host, "klantmanager", "/klantmanager.html");
        await Pagina.WachtOpVerbindingAsync(page, "verbonden");
        var plannen = page.GetByRole(AriaRole.Button, new() { Name = "Gesprek plannen voor Anna de Vries", Exact = true });
        await plannen.WaitForAsync(); // waiting, not clicking
        await page.Locator("#vrije-momenten button[data-moment]").First.WaitForAsync();
        Assert.Contains(Prompts(await WerklijstAsync(klantmanager)), i => i.GetProperty("klantnummer").GetString() == "K1");

        // 1. The prompt's Gesprek plannen opens the form for Anna, soort herbeoordeling chosen, 45 minutes at the office.
        await Toetsenbord.NaarDeInhoudAsync(page);
        await Toetsenbord.TabNaarAsync(page, "Gesprek plannen voor Anna de Vries");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#kop-gesprek")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#gesprek-klantnummer")).ToHaveValueAsync("K1");
        await Assertions.Expect(page.Locator("#gesprek-klant-hint")).ToHaveTextAsync("Anna de Vries");
        await Assertions.Expect(page.Locator("#gesprek-soort")).ToHaveValueAsync("herbeoordeling");
        await Assertions.Expect(page.Locator("#gesprek-duur")).ToHaveValueAsync("45");
        await Assertions.Expect(page.Locator("#gesprek-locatie")).Not.ToHaveValueAsync("");

        // Sent without a moment: the server's message stands next to the moment field, the summary has the focus.
        await Toetsenbord.TabNaarAsync(page, "Gesprek plannen", maximaal: 25);
        Assert.Equal("submit", await page.EvaluateAsync<string>("() => document.activeElement.type"));
        await page.Keyboard.PressAsync("Enter");
        var fout = page.Locator("#gesprek-fouten .foutmelding");
        await Assertions.Expect(fout).ToBeFocusedAsync();
        await Toetsenbord.ControleerFocusAsync(page, "Foutmelding zonder moment");
        await Assertions.Expect(page.Locator("#gesprek-moment-fout")).ToContainTextAsync("moment");
        await Assertions.Expect(page.Locator("#gesprek-moment")).ToHaveAttributeAsync("aria-invalid", "true");
        await Pagina.ControleerToegankelijkheidAsync(page);

        // "Kies een vrij moment" goes to the agenda's free moments; the second one is chosen and lands in the form.
        await Toetsenbord.TabNaarAsync(page, "Kies een vrij moment", maximaal: 20);
        await page.Keyboard.PressAsync("Enter");
        var eerste = await GekozenMomentAsync(page, "Na Kies een vrij moment");
        Assert.True(eerste >= Donderdag, $"het eerste vrije moment {eerste:O} ligt binnen de termijn van de uitnodiging");
        await Toetsenbord.TabAsync(page);
        var moment = await GekozenMomentAsync(page, "Het tweede vrije moment");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#gesprek-moment")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#gesprek-moment")).ToHaveValueAsync(moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await Toetsenbord.TabNaarAsync(page, "Gesprek plannen", maximaal: 15);
        await page.Keyboard.PressAsync("Enter");
        var gelukt = page.Locator("[data-gelukt='gesprek']");
        await Assertions.Expect(gelukt).ToContainTextAsync("Gesprek gepland met Anna de Vries");
        await Assertions.Expect(gelukt.Locator("button[data-actie='dossier']")).ToBeFocusedAsync();
        await Toetsenbord.ControleerFocusAsync(page, "Na Gesprek plannen");

        // The API: one herbeoordelingsgesprek at that moment, invited; the uitnodiging is in the outbox; the prompt is gepland.
        var gesprek = await GesprekAsync(klantmanager);
        var id = gesprek.GetProperty("id").GetString()!;
        Assert.Equal(("herbeoordeling", "kantoor", "uitgenodigd", moment, 0),
            (gesprek.GetProperty("soort").GetString(), gesprek.GetProperty("vorm").GetString(), gesprek.GetProperty("status").GetString(),
             gesprek.GetProperty("start").GetDateTimeOffset(), gesprek.GetProperty("verzetAantal").GetInt32()));
        Assert.Equal(45, (gesprek.GetProperty("eind").GetDateTimeOffset() - moment).TotalMinutes);
        Assert.Contains(await BrievenAsync(beheerder), b => b == ("uitnodiging", Dag(moment), Tijd(moment)));
        var werklijst = await WerklijstAsync(klantmanager);
        Assert.DoesNotContain(Prompts(werklijst), i => i.GetProperty("klantnummer").GetString() == "K1");
        Assert.Equal(id, Assert.Single(werklijst.GetProperty("herbeoordelingenGepland").EnumerateArray()).GetProperty("gesprekId").GetString());
        // On the page, live: gone from the prompts, under Herbeoordelingen gepland with its moment.
        await Assertions.Expect(page.Locator("#te-laat [data-klant='K1'], #aan-de-beurt [data-klant='K1']")).ToHaveCountAsync(0);
        var gepland = page.Locator("#gepland tbody tr").Filter(new() { Has = page.Locator("[data-klant='K1']") });
        await Assertions.Expect(gepland).ToContainTextAsync(Tijd(moment));
        await Assertions.Expect(gepland).ToContainTextAsync(moment.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL")));

        // 2. The client phones to move it: from the dossier, Verzetten op verzoek van de klant, to the first free moment.
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#kop-dossier")).ToBeFocusedAsync();
        var rij = page.GetByRole(AriaRole.Region, new() { Name = "Tabel: Gesprekken met Anna de Vries" }).Locator("tbody tr");
        await Assertions.Expect(rij).ToContainTextAsync("Herbeoordeling");
        await Assertions.Expect(rij).ToContainTextAsync("Op kantoor");
        await Assertions.Expect(rij.Locator("td").Nth(3)).ToHaveTextAsync("0");
        var verzetten = await page.Locator("#dossier button[data-actie='verzetten']").GetAttributeAsync("aria-label");
        await Toetsenbord.TabNaarAsync(page, verzetten!, maximaal: 10);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#kop-verzet")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#verzet-wie")).ToContainTextAsync("Anna de Vries (K1)");
        await Toetsenbord.TabNaarAsync(page, "Kies een vrij moment", maximaal: 12);
        await page.Keyboard.PressAsync("Enter");
        var nieuw = await GekozenMomentAsync(page, "Vrij moment voor het verzetten");
        Assert.NotEqual(moment, nieuw);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#verzet-moment")).ToBeFocusedAsync();
        await Toetsenbord.TabNaarAsync(page, "De klant", maximaal: 12);
        await page.Keyboard.PressAsync(" ");
        await Assertions.Expect(page.GetByLabel("De klant", new() { Exact = true })).ToBeCheckedAsync();
        await Toetsenbord.TabNaarAsync(page, "verzet-reden", maximaal: 3);
        await page.Keyboard.TypeAsync("Klant heeft die ochtend een sollicitatiegesprek");
        await Toetsenbord.TabNaarAsync(page, "Gesprek verzetten", maximaal: 2);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-gelukt='verzetting']")).ToContainTextAsync("1 keer verzet");
        // The focus is back on the Verzetten button of that gesprek, drawn anew with its new moment.
        await Assertions.Expect(page.Locator($"#dossier button[data-actie='verzetten'][data-gesprek='{id}']")).ToBeFocusedAsync();
        await Toetsenbord.ControleerFocusAsync(page, "Na het verzetten");
        await Assertions.Expect(rij.Locator("td").Nth(3)).ToHaveTextAsync("1");
        await Assertions.Expect(gepland).ToContainTextAsync(Tijd(nieuw));

        gesprek = await GesprekAsync(klantmanager);
        Assert.Equal((id, nieuw, 1, "uitgenodigd"),
            (gesprek.GetProperty("id").GetString(), gesprek.GetProperty("start").GetDateTimeOffset(), gesprek.GetProperty("verzetAantal").GetInt32(), gesprek.GetProperty("status").GetString()));
        Assert.Contains(await BrievenAsync(beheerder), b => b == ("verzetting", Dag(nieuw), Tijd(nieuw)));

        // 3. After the moment the gesprek is held. The werklijst hears that it passed: the dossier offers its outcome.
        klok.SetUtcNow(gesprek.GetProperty("eind").GetDateTimeOffset().AddMinutes(15));
        var uitkomst = page.Locator($"#dossier button[data-actie='uitkomst'][data-gesprek='{id}']");
        await uitkomst.WaitForAsync();
        await Assertions.Expect(page.Locator("#zonder-uitkomst [data-klant='K1']")).ToHaveCountAsync(1);
        // The Verzetten button under the focus went with that redraw: the focus stays in the gesprekken table.
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Tabel: Gesprekken met Anna de Vries" })).ToBeFocusedAsync();
        await Toetsenbord.TabNaarAsync(page, (await uitkomst.GetAttributeAsync("aria-label"))!, maximaal: 3);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#kop-uitkomst")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#uitkomst-wie")).ToContainTextAsync("Anna de Vries (K1)");
        await Toetsenbord.TabNaarAsync(page, "indeling", maximaal: 3);
        for (var i = 0; i < 4 && await page.EvaluateAsync<string>("() => document.activeElement.value") != "overbrugbare-afstand"; i++)
            await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("overbrugbare-afstand", await page.EvaluateAsync<string>("() => document.activeElement.value"));

        // The plan van aanpak in the same form: a goal and two afspraken, the first with a deadline in the past.
        await Toetsenbord.TabNaarAsync(page, "uitkomst-plan-aan", maximaal: 16);
        await page.Keyboard.PressAsync(" ");
        await Assertions.Expect(page.Locator("#uitkomst-plan-0-omschrijving")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#uitkomst-plan-aan")).ToBeFocusedAsync();
        await Toetsenbord.TabNaarAsync(page, "uitkomst-plan-doel", maximaal: 1);
        await page.Keyboard.TypeAsync("Binnen een jaar betaald werk");
        await Toetsenbord.TabNaarAsync(page, "uitkomst-plan-0-omschrijving", maximaal: 1);
        await page.Keyboard.TypeAsync("Cv maken met het werkcentrum");
        await Toetsenbord.TabNaarAsync(page, "uitkomst-plan-0-deadline", maximaal: 2);
        await ToetsenbordBrowserTests.TypDatumAsync(page, new DateOnly(2026, 12, 1));
        await Toetsenbord.TabNaarAsync(page, "Afspraak toevoegen", maximaal: 5);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#uitkomst-plan-1-omschrijving")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Aanmelden voor een taalcursus");
        await Toetsenbord.TabNaarAsync(page, "uitkomst-plan-1-wie", maximaal: 1);
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("klantmanager", await page.EvaluateAsync<string>("() => document.activeElement.value"));
        await Toetsenbord.TabNaarAsync(page, "uitkomst-plan-1-deadline", maximaal: 2);
        await ToetsenbordBrowserTests.TypDatumAsync(page, new DateOnly(2027, 1, 15));
        await Toetsenbord.TabNaarAsync(page, "Uitkomst vastleggen", maximaal: 10);
        await page.Keyboard.PressAsync("Enter");
        fout = page.Locator("#uitkomst-fouten .foutmelding");
        await Assertions.Expect(fout).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#uitkomst-plan-0-deadline-fout")).ToContainTextAsync("verleden");
        await Assertions.Expect(page.Locator("#uitkomst-plan-0-deadline")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#uitkomst-plan-1-deadline")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Toetsenbord.ControleerFocusAsync(page, "Foutmelding bij een deadline in het verleden");
        await Pagina.ControleerToegankelijkheidAsync(page);
        await Pagina.SchermafdrukAsync(page, "klantmanager-klantcontact");
        // Refused as a whole: the gesprek has no outcome and the client no plan yet.
        Assert.Equal("uitgenodigd", (await GesprekAsync(klantmanager)).GetProperty("status").GetString());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await klantmanager.GetAsync("/api/v1/klanten/K1/plan-van-aanpak")).StatusCode);

        await Toetsenbord.TabNaarAsync(page, "uitkomst-plan-0-deadline", maximaal: 30);
        await ToetsenbordBrowserTests.TypDatumAsync(page, new DateOnly(2026, 12, 10));
        await Toetsenbord.TabNaarAsync(page, "Uitkomst vastleggen", maximaal: 20);
        await page.Keyboard.PressAsync("Enter");
        gelukt = page.Locator("[data-gelukt='uitkomst']");
        await Assertions.Expect(gelukt).ToContainTextAsync("Plan van aanpak vastgelegd (versie 1)");
        await Assertions.Expect(gelukt.Locator("button[data-actie='dossier']")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#gepland [data-klant='K1']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#dossier")).ToContainTextAsync("Cv maken met het werkcentrum");

        var dossier = await klantmanager.GetFromJsonAsync<JsonElement>("/api/v1/klanten/K1");
        Assert.Equal("gehouden", Assert.Single(dossier.GetProperty("gesprekken").EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal("overbrugbare-afstand", dossier.GetProperty("indeling").GetProperty("indeling").GetString());
        var volgende = DateOnly.Parse(dossier.GetProperty("herbeoordeling").GetProperty("datum").GetString()!, CultureInfo.InvariantCulture);
        Assert.True(volgende > DateOnly.FromDateTime(nieuw.UtcDateTime), $"de volgende herbeoordeling is {volgende}, niet na het gesprek");
        werklijst = await WerklijstAsync(klantmanager);
        Assert.DoesNotContain(Prompts(werklijst).Concat(werklijst.GetProperty("herbeoordelingenGepland").EnumerateArray()), i => i.GetProperty("klantnummer").GetString() == "K1");
        var plan = await klantmanager.GetFromJsonAsync<JsonElement>("/api/v1/klanten/K1/plan-van-aanpak");
        Assert.Equal((1, "Binnen een jaar betaald werk"), (plan.GetProperty("versie").GetInt32(), plan.GetProperty("doel").GetString()));
        Assert.Equal(
            [("Cv maken met het werkcentrum", "klant", "2026-12-10", "open"), ("Aanmelden voor een taalcursus", "klantmanager", "2027-01-15", "open")],
            plan.GetProperty("afspraken").EnumerateArray().Select(a => (a.GetProperty("omschrijving").GetString(), a.GetProperty("wie").GetString(),
                a.GetProperty("deadline").GetString(), a.GetProperty("status").GetString())).ToArray());

        // 4. On the first afspraak's deadline it stands under Afspraken te controleren; afgerond as nagekomen, it leaves.
        klok.SetUtcNow(new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.Zero));
        var teControleren = page.Locator("#te-controleren [data-klant='K1']");
        await Assertions.Expect(teControleren).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#te-controleren")).ToContainTextAsync("Cv maken met het werkcentrum");
        await Toetsenbord.TabNaarAsync(page, "Afronden voor Anna de Vries", terug: true, maximaal: 100);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#kop-afronding")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#afronding-wie")).ToContainTextAsync("Cv maken met het werkcentrum");
        await Toetsenbord.TabNaarAsync(page, "Afronding vastleggen", maximaal: 6);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-gelukt='afronding']")).ToBeVisibleAsync();
        await Assertions.Expect(teControleren).ToHaveCountAsync(0);
        await Toetsenbord.ControleerFocusAsync(page, "Na de afronding");

        plan = await klantmanager.GetFromJsonAsync<JsonElement>("/api/v1/klanten/K1/plan-van-aanpak");
        Assert.Equal(["nagekomen", "open"], plan.GetProperty("afspraken").EnumerateArray().Select(a => a.GetProperty("status").GetString()));
        Assert.Equal(0, (await WerklijstAsync(klantmanager)).GetProperty("afsprakenTeControleren").GetArrayLength());
    }

    /// <summary>The focused element is a free moment of the agenda (checked like every focus step); its start.</summary>
    private static async Task<DateTimeOffset> GekozenMomentAsync(IPage page, string stap)
    {
        await Toetsenbord.ControleerFocusAsync(page, stap);
        var start = await page.EvaluateAsync<string?>("() => document.activeElement.closest('#vrije-momenten') ? document.activeElement.dataset.moment : null");
        Assert.True(start is not null, $"{stap}: de focus staat niet op een vrij moment van de agenda");
        return DateTimeOffset.Parse(start, CultureInfo.InvariantCulture);
    }

    private static async Task<JsonElement> WerklijstAsync(HttpClient api) =>
        await api.GetFromJsonAsync<JsonElement>("/api/v1/klantmanagers/KM001/werklijst");

    private static IEnumerable<JsonElement> Prompts(JsonElement werklijst) =>
        werklijst.GetProperty("herbeoordelingenTeLaat").EnumerateArray().Concat(werklijst.GetProperty("herbeoordelingenAanDeBeurt").EnumerateArray());

    private static async Task<JsonElement> GesprekAsync(HttpClient api) =>
        Assert.Single((await api.GetFromJsonAsync<JsonElement>("/api/v1/klanten/K1")).GetProperty("gesprekken").EnumerateArray());

    /// <summary>Anna's letters in the outbox, as the beheerder's mail-merge CSV has them: soort, gesprekdatum, begintijd.</summary>
    private static async Task<List<(string Soort, string Datum, string Tijd)>> BrievenAsync(HttpClient beheerder)
    {
        var csv = await beheerder.GetStringAsync("/api/v1/uitnodigingen?status=verzonden");
        var regels = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var kop = regels[0].Split(';');
        int Kolom(string naam) => Array.IndexOf(kop, naam);
        return [.. regels.Skip(1).Select(r => r.Split(';')).Where(v => v[Kolom("klantnummer")] == "K1")
            .Select(v => (v[Kolom("soort")], v[Kolom("gesprekdatum")], v[Kolom("begintijd")]))];
    }

    private static string Dag(DateTimeOffset t) => t.UtcDateTime.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    private static string Tijd(DateTimeOffset t) => t.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);
}
