using System.Net.Http.Json;
using System.Text;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Storage;
using Microsoft.Playwright;

namespace KenJeKlant.Tests.Browser;

/// <summary>
/// The beheerder as privacyfunctionaris on the beheer page: an inzage for one client downloaded as PDF, and the
/// bewaartermijnen — the voorstel listed, one client chosen, confirmed, anonymised, and gone from the list.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class PrivacyBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task De_beheerder_geeft_inzage_als_PDF_en_anonimiseert_wie_voorbij_de_bewaartermijn_is()
    {
        await using var host = await DashboardHost.StartAsync("browser-privacy", new Dictionary<string, string>
        {
            ["Bewaartermijnen:DossierJaren"] = "5",
            ["Bewaartermijnen:GesprekkenJaren"] = "5",
            ["Bewaartermijnen:PlanVanAanpakJaren"] = "5",
            ["Bewaartermijnen:HandhavingJaren"] = "5",
            ["Bewaartermijnen:AuditlogJaren"] = "5",
        });
        using var beheerder = await host.AlsAsync("beheerder");
        await beheerder.ZetKlantmanagersAsync("KM001");
        await beheerder.ImporteerGoedAsync(Csv.Bestand(
            Csv.Regel("P1", bsn: "", naam: "Petra Pauw", postcode: "1111AA"),
            Csv.Regel("P2", bsn: "", naam: "Quinten Quist", postcode: "2222BB"),
            Csv.Regel("P3", bsn: "", naam: "Rita Ros", postcode: "3333CC")));
        // P1 and P2 left years ago (their klantmanager recorded it); the next export carries only P3.
        (await beheerder.PutAsJsonAsync("/api/v1/gebruikers/km-privacy", new
        {
            naam = "Klantmanager KM001", rollen = new[] { "klantmanager" }, medewerker = "KM001", wachtwoord = KenJeKlantApp.DemoWachtwoord,
        })).EnsureSuccessStatusCode();
        using (var km = await host.AlsAsync("km-privacy"))
            foreach (var klant in new[] { "P1", "P2" })
            {
                var uit = await km.PostAsJsonAsync($"/api/v1/klanten/{klant}/uitstroom", new { reden = "verhuizing", datum = "2020-06-01" });
                Assert.True(uit.IsSuccessStatusCode, $"{klant}: {await uit.Content.ReadAsStringAsync()}");
            }
        await beheerder.ImporteerGoedAsync(Csv.Bestand(Csv.Regel("P3", bsn: "", naam: "Rita Ros", postcode: "3333CC")));

        var page = await chromium.OpenAlsAsync(host, "beheerder", "/beheer.html");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Tabel: Alle campagnes" })).ToBeVisibleAsync(); // the page has started

        // Inzage: without a klantnummer the field says so; an unknown one gets the server's answer; P1's is a PDF.
        var inzage = page.GetByRole(AriaRole.Button, new() { Name = "Inzage als PDF" });
        await inzage.ClickAsync();
        await Assertions.Expect(page.Locator("#inzage-klantnummer-fout")).ToHaveTextAsync("Vul het klantnummer in van wie om inzage vraagt.");
        await page.GetByLabel("Klantnummer", new() { Exact = true }).FillAsync("ONBEKEND");
        await inzage.ClickAsync();
        await Assertions.Expect(page.Locator("#inzage-fouten .foutmelding")).ToHaveAttributeAsync("data-probleem", "404");
        await page.GetByLabel("Klantnummer", new() { Exact = true }).FillAsync("P1");
        var download = await page.RunAndWaitForDownloadAsync(() => inzage.ClickAsync());
        Assert.Equal("inzage-P1.pdf", download.SuggestedFilename);
        var pdf = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        await Assertions.Expect(page.Locator("#inzage-fouten")).ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("#inzage-resultaat")).ToContainTextAsync("De inzage voor klant P1 is klaar.");

        // The voorstel: the two who left in 2020, not P3 (still in the bestand).
        await page.GetByRole(AriaRole.Button, new() { Name = "Voorstel bekijken" }).ClickAsync();
        var lijst = page.GetByRole(AriaRole.Region, new() { Name = "Tabel: Voorbij de bewaartermijn (2)" });
        await Assertions.Expect(lijst.Locator("tbody th")).ToHaveTextAsync(["P1", "P2"]);
        await Pagina.ControleerToegankelijkheidAsync(page);

        // Nothing chosen: the server's refusal. Then P2 chosen and confirmed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Anonimiseer de gekozen klanten" }).ClickAsync();
        await Assertions.Expect(page.Locator("#bewaren-fouten .foutmelding")).ToContainTextAsync("Noem ten minste één goedgekeurd klantnummer.");
        string? gevraagd = null;
        page.Dialog += async (_, dialoog) =>
        {
            gevraagd = dialoog.Message;
            await dialoog.AcceptAsync();
        };
        await page.GetByLabel("Anonimiseer P2").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Anonimiseer de gekozen klanten" }).ClickAsync();
        await Assertions.Expect(page.Locator("#bewaren-resultaat")).ToContainTextAsync("Geanonimiseerd op");
        await Assertions.Expect(page.Locator("#bewaren-resultaat")).ToContainTextAsync("P2");
        Assert.Contains("niet terug te draaien", gevraagd, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Tabel: Voorbij de bewaartermijn (1)" }).Locator("tbody th")).ToHaveTextAsync(["P1"]);
        await Assertions.Expect(page.Locator("#bewaren-fouten")).ToBeEmptyAsync();
        await Pagina.ControleerToegankelijkheidAsync(page);

        // What the server now holds about P2: no name, no postcode.
        var inzageP2 = await beheerder.GetStringAsync(new Uri("/api/v1/klanten/P2/inzage", UriKind.Relative));
        Assert.DoesNotContain("Quist", inzageP2, StringComparison.Ordinal);
        Assert.DoesNotContain("2222BB", inzageP2, StringComparison.Ordinal);
    }
}
