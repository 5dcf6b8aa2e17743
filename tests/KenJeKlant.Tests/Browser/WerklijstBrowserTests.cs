using System.Net.Http.Json;
using System.Text.Json;
using KenJeKlant.Grains;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Campagnes;
using KenJeKlant.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Orleans.Reminders;

namespace KenJeKlant.Tests.Browser;

/// <summary>
/// The klantmanager's werklijst in Chromium, in fake domain time (the reminder service on the same
/// clock): a herbeoordeling that falls due at midnight arrives as a prompt while the page is open, and
/// an outcome registered in the page's form shows on the programmaleider's page.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class WerklijstBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    // Sunday two minutes before midnight: "tomorrow" arrives after a few dozen small steps.
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 23, 58, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _klok = new(Start);

    [Fact]
    public async Task Een_herbeoordeling_die_aan_de_beurt_komt_verschijnt_live_en_een_uitkomst_uit_het_formulier_staat_bij_de_programmaleider()
    {
        await using var host = await DashboardHost.StartAsync("browser-werklijst", diensten: services =>
        {
            services.AddSingleton(new Domeinklok(_klok));
            services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, _klok);
        });
        host.TijdensStoppen = LaatKlokLopenAsync; // the silo's reminder service waits on this clock while it stops
        using var beheerder = await host.AlsAsync("beheerder");
        using var klantmanager = await host.AlsAsync("klantmanager"); // medewerker KM001
        await ZetKlantenEnCampagneKlaarAsync(beheerder, klantmanager);

        var werklijst = await chromium.OpenAlsAsync(host, "klantmanager", "/klantmanager.html");
        await Assertions.Expect(werklijst.Locator("#wie")).ToHaveTextAsync("(KM001)");
        var programmaleider = await chromium.OpenAlsAsync(host, "programmaleider", "/programmaleider.html?campagne=werklijst-live", breedte: 1024, hoogte: 768); // a tablet
        await Pagina.WachtOpVerbindingAsync(werklijst, "verbonden");
        await Pagina.WachtOpVerbindingAsync(programmaleider, "verbonden");
        await Assertions.Expect(werklijst.Locator("#werklijst button[data-actie='uitkomst']")).ToHaveCountAsync(3);
        await Assertions.Expect(werklijst.Locator("[data-klant='K2']").Filter(new() { HasText = "herbeoordeling" })).ToHaveCountAsync(0);
        await Assertions.Expect(werklijst.Locator("#meldingen li")).ToHaveCountAsync(0);

        // Midnight passes: the reminder fires, the werklijst grain pushes, the page prompts.
        Assert.True(await LaatTijdVerstrijkenTotAsync(async () =>
            (await klantmanager.GetFromJsonAsync<JsonElement>("/api/v1/klantmanagers/KM001/werklijst")).GetProperty("herbeoordelingenAanDeBeurt")
                .EnumerateArray().Any(i => i.GetProperty("klantnummer").GetString() == "K2"), TimeSpan.FromMinutes(15)),
            "de herbeoordeling van K2 kwam na middernacht niet aan de beurt");
        var melding = werklijst.Locator("#meldingen li[data-klant='K2']");
        await Assertions.Expect(melding).ToContainTextAsync("Aan de beurt");
        await Assertions.Expect(werklijst.Locator("#meldingen-live")).ToContainTextAsync("(K2)");
        await Assertions.Expect(werklijst.Locator("#aan-de-beurt [data-klant='K2']")).ToHaveCountAsync(1);

        await HerbeoordelingPlannenAsync(werklijst);

        // To 10:05 on the first day with gesprekken: the 09:00 slot has passed without an outcome.
        var dag = await EersteGesprekDagAsync(klantmanager);
        var doel = new DateTimeOffset(dag.ToDateTime(new TimeOnly(10, 5)), TimeSpan.Zero);
        while (_klok.GetUtcNow() < doel)
        {
            _klok.Advance(TimeSpan.FromHours(1));
            await Task.Delay(30);
        }
        // The campaign notices on its next tick and the werklijst moves that gesprek to "zonder uitkomst": the
        // outcome is recorded from there, once the page shows it (clicking earlier races the redraw).
        var klant = await ZonderUitkomstAsync(klantmanager);
        await UitkomstVastleggenAsync(werklijst, klant);

        await Assertions.Expect(programmaleider.Locator("[data-veld='funnel.gesproken']")).ToHaveTextAsync("1");
        await Assertions.Expect(programmaleider.GetByRole(AriaRole.Region, new() { Name = "Tabel: Indeling", IncludeHidden = true }).Locator("tbody tr").Nth(1))
            .ToHaveTextAsync("overbrugbare afstand110060"); // aantal 1, 100 % against the expected 60 %
        Assert.Equal(1, await AantalIndelingAsync(beheerder, "overbrugbare afstand"));

        await werklijst.Locator($"#resultaat button[data-actie='dossier'][data-sleutel='{klant}|resultaat']").ClickAsync();
        await Assertions.Expect(werklijst.Locator("#kop-dossier")).ToBeFocusedAsync();
        await Assertions.Expect(werklijst.Locator("#dossier .tijdlijn")).ToContainTextAsync("leerwerktraject");
        await Pagina.ControleerToegankelijkheidAsync(werklijst);
        await Pagina.SchermafdrukAsync(werklijst, "klantmanager");
        await Pagina.ControleerToegankelijkheidAsync(programmaleider);
        await Pagina.SchermafdrukAsync(programmaleider, "programmaleider-tablet");
    }

    /// <summary>The prompt's button opens the form; a date in the past is refused with the server's reason, a good one is kept.</summary>
    private static async Task HerbeoordelingPlannenAsync(IPage page)
    {
        await page.Locator("#meldingen li[data-klant='K2'] button[data-actie='herbeoordeling']").ClickAsync(); // Datum kiezen, beside Gesprek plannen
        await Assertions.Expect(page.Locator("#kop-herbeoordeling")).ToBeFocusedAsync();
        await page.Locator("#herbeoordeling-datum").FillAsync("2026-11-01");
        await page.Locator("#herbeoordeling-reden").FillAsync("Klant is verhuisd");
        await page.Locator("#herbeoordeling-form button[type='submit']").ClickAsync();
        var fout = page.Locator("#herbeoordeling-fouten .foutmelding");
        await Assertions.Expect(fout).ToContainTextAsync("verleden");
        await Assertions.Expect(fout).ToBeFocusedAsync();
        await page.Locator("#herbeoordeling-datum").FillAsync("2027-01-15");
        await page.Locator("#herbeoordeling-form button[type='submit']").ClickAsync();
        await Assertions.Expect(page.Locator("#resultaat")).ToContainTextAsync("gepland op 15 januari 2027");
        await Assertions.Expect(page.Locator("#aan-de-beurt [data-klant='K2']")).ToHaveCountAsync(0);
        // The prompt stays as a record, marked done, without a button that would plan it again.
        var melding = page.Locator("#meldingen li[data-klant='K2']");
        await Assertions.Expect(melding).ToContainTextAsync("Afgehandeld");
        await Assertions.Expect(melding.Locator("button")).ToHaveCountAsync(0);
    }

    /// <summary>An incomplete outcome shows the server's problem next to the form (focused); a complete one is accepted.</summary>
    private static async Task UitkomstVastleggenAsync(IPage page, string klant)
    {
        var knop = page.Locator($"#zonder-uitkomst button[data-actie='uitkomst'][data-sleutel='{klant}|gesprek-zonder-uitkomst']");
        await Assertions.Expect(knop).ToBeVisibleAsync();
        await knop.ClickAsync();
        await Assertions.Expect(page.Locator("#kop-uitkomst")).ToBeFocusedAsync();
        await page.Locator("#uitkomst-form button[type='submit']").ClickAsync();
        var fout = page.Locator("#uitkomst-fouten .foutmelding");
        await Assertions.Expect(fout).ToContainTextAsync("indeling");
        await Assertions.Expect(fout).ToBeFocusedAsync();
        // The server names the field, so its message also stands next to the Indeling field.
        await Assertions.Expect(page.Locator("#indeling-fout")).ToContainTextAsync("eindigt met een indeling");
        await Assertions.Expect(page.Locator("#indeling")).ToHaveAttributeAsync("aria-invalid", "true");

        // Within the form: Mijn klanten on the same page has an Indeling and a Route filter.
        var form = page.Locator("#uitkomst-form");
        await form.GetByLabel("Indeling").SelectOptionAsync("overbrugbare-afstand");
        await form.GetByLabel("Trede op de participatieladder").SelectOptionAsync("3");
        await form.GetByLabel("Route").FillAsync("leerwerktraject");
        await form.GetByLabel("Afspraken (plan van aanpak)").FillAsync("Intake leerwerktraject in januari.");
        await page.Locator("#uitkomst-form button[type='submit']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-gelukt='uitkomst']")).ToBeVisibleAsync();
        // The form closes and its Uitkomst button leaves the werklijst: the focus goes on to the dossier, not nowhere.
        await Assertions.Expect(page.Locator("[data-gelukt='uitkomst'] button[data-actie='dossier']")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator($"#werklijst button[data-actie='uitkomst'][data-sleutel^='{klant}|']")).ToHaveCountAsync(0);
    }

    private static async Task ZetKlantenEnCampagneKlaarAsync(HttpClient api, HttpClient klantmanager)
    {
        await api.ZetKlantmanagersAsync("KM001", "KM002");
        var csv = Csv.Bestand(Csv.Regel("K1"), Csv.Regel("K2", naam: "Carla Smit"), Csv.Regel("K3", klantmanager: "KM002"), Csv.Regel("K4", naam: "Bram Jansen"));
        await api.ImporteerGoedAsync(csv);
        // K2's reassessment is agreed for tomorrow: not due yet, so no prompt until midnight.
        (await klantmanager.PostAsJsonAsync("/api/v1/klanten/K2/herbeoordeling", new { datum = "2026-11-30", reden = "Afgesproken: na de verhuizing" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/campagnes", new
        {
            naam = "Werklijst live",
            id = "werklijst-live",
            selectie = new { klantmanager = "KM001" },
            capaciteit = new
            {
                gesprekkenPerDag = 2, slotMinuten = 60, begintijd = "09:00:00", eindtijd = "17:00:00",
                werkdagen = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" },
            },
            uitnodigingDagenVooraf = 1,
            herinneringDagenVooraf = 0,
        })).EnsureSuccessStatusCode();
        (await api.PostAsync("/api/v1/campagnes/werklijst-live/start", null)).EnsureSuccessStatusCode();
        await CampagneOmgeving.WachtTotAsync(async () =>
            (await api.GetFromJsonAsync<JsonElement>("/api/v1/campagnes/werklijst-live/voortgang")).GetProperty("funnel").GetProperty("ingepland").GetInt32() == 3,
            "de campagne plande de drie klanten van KM001 niet in", seconden: 30);
    }

    private static async Task<DateOnly> EersteGesprekDagAsync(HttpClient api)
    {
        var lijst = await api.GetFromJsonAsync<JsonElement>("/api/v1/klantmanagers/KM001/werklijst");
        var eerste = lijst.GetProperty("gesprekken").EnumerateArray()
            .Select(i => DateOnly.Parse(i.GetProperty("datum").GetString()!, System.Globalization.CultureInfo.InvariantCulture))
            .Min();
        Assert.True(eerste <= DateOnly.FromDateTime(Start.UtcDateTime).AddDays(14), $"het eerste gesprek valt pas op {eerste}");
        return eerste;
    }

    /// <summary>The client whose gesprek passed without an outcome, once the werklijst says so.</summary>
    private static async Task<string> ZonderUitkomstAsync(HttpClient api)
    {
        string? klant = null;
        await CampagneOmgeving.WachtTotAsync(async () =>
        {
            var lijst = await api.GetFromJsonAsync<JsonElement>("/api/v1/klantmanagers/KM001/werklijst");
            klant = lijst.GetProperty("gesprekkenZonderUitkomst").EnumerateArray().Select(i => i.GetProperty("klantnummer").GetString()).FirstOrDefault();
            return klant is not null;
        }, "het gesprek van 09:00 kwam niet bij de gesprekken zonder uitkomst", seconden: 30);
        return klant!;
    }

    private static async Task<int> AantalIndelingAsync(HttpClient api, string indeling)
    {
        var voortgang = await api.GetFromJsonAsync<JsonElement>("/api/v1/campagnes/werklijst-live/voortgang");
        return voortgang.GetProperty("indelingen").EnumerateArray().Where(t => t.GetProperty("naam").GetString() == indeling).Sum(t => t.GetProperty("aantal").GetInt32());
    }

    private async Task LaatKlokLopenAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            // At the pace of real time: the reminder service's own stop timeouts run on this clock too.
            _klok.Advance(TimeSpan.FromMilliseconds(100));
            try
            {
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Moves fake time in small steps until <paramref name="klaar"/> holds (a fake clock runs due timers inline).</summary>
    private async Task<bool> LaatTijdVerstrijkenTotAsync(Func<Task<bool>> klaar, TimeSpan maximaal)
    {
        var stap = TimeSpan.FromSeconds(5);
        for (var verstreken = TimeSpan.Zero; verstreken <= maximaal; verstreken += stap)
        {
            if (verstreken.Ticks % TimeSpan.FromMinutes(1).Ticks == 0 && await klaar()) return true;
            _klok.Advance(stap);
            await Task.Delay(20);
        }
        return await klaar();
    }
}
