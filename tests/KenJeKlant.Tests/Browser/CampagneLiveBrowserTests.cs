using System.Net.Http.Json;
using System.Text.Json;
using KenJeKlant.Tests.Campagnes;
using KenJeKlant.Tests.Storage;
using Microsoft.Playwright;

namespace KenJeKlant.Tests.Browser;

/// <summary>
/// The programmaleider's page in Chromium while the demo simulation plays a small campaign in fast
/// time: the numbers on screen move, and at the end they are exactly the API's voortgang.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class CampagneLiveBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    private static readonly string[] Funnel =
    [
        "geselecteerd", "ingepland", "nietIngepland", "uitgenodigd", "herinnerd", "gesproken",
        "nietVerschenenEenmaal", "nietVerschenenMeermaals", "signalen", "geannuleerd", "zonderUitkomst",
    ];

    [Fact]
    public async Task De_cijfers_op_het_scherm_bewegen_live_en_eindigen_gelijk_aan_de_voortgang_van_de_API()
    {
        await using var host = await DashboardHost.StartAsync("browser-campagne", new Dictionary<string, string>
        {
            ["Demo:SynthetischBestand"] = "40",
            ["Demo:Klantmanagers"] = "2",
            ["Klok:DagInSeconden"] = "0.4",
            ["Beleid:Campagne:Tik"] = "00:00:00.100",
        });
        using var api = await host.AlsAsync("programmaleider");
        await CampagneOmgeving.WachtTotAsync(async () => (await api.GetAsync("/api/v1/campagnes/ik-doe-mee-demo")).IsSuccessStatusCode,
            "de demo-campagne werd niet aangemaakt", seconden: 60);

        var page = await chromium.OpenAlsAsync(host, "programmaleider", "/programmaleider.html?campagne=ik-doe-mee-demo");
        await Pagina.WachtOpVerbindingAsync(page, "verbonden");
        await Assertions.Expect(page.Locator("[data-veld='funnel.geselecteerd']")).Not.ToHaveTextAsync("0");
        var eerst = await Pagina.GetalAsync(page, "funnel.gesproken");

        // Moves: more gesprekken held than when the page opened, without reloading it.
        await page.WaitForFunctionAsync(
            "eerst => Number(document.querySelector(\"[data-veld='funnel.gesproken']\").textContent.replace(/\\./g, '')) > eerst",
            eerst, new PageWaitForFunctionOptions { Timeout = 60_000 });
        await Pagina.ControleerToegankelijkheidAsync(page);

        await page.WaitForFunctionAsync("() => document.body.dataset.status === 'afgerond'", null, new PageWaitForFunctionOptions { Timeout = 90_000 });
        var voortgang = await api.GetFromJsonAsync<JsonElement>("/api/v1/campagnes/ik-doe-mee-demo/voortgang");
        Assert.Equal("afgerond", voortgang.GetProperty("status").GetString());
        foreach (var veld in Funnel)
            Assert.Equal(voortgang.GetProperty("funnel").GetProperty(veld).GetInt32(), await Pagina.GetalAsync(page, "funnel." + veld));
        Assert.True(await Pagina.GetalAsync(page, "funnel.gesproken") > eerst);
        await AssertTabelGelijkAsync(page, "Tabel: Per klantmanager", voortgang.GetProperty("perKlantmanager").EnumerateArray()
            .Select(k => new[] { k.GetProperty("klantmanager").GetString()!, Getal(k, "ingepland"), Getal(k, "uitgenodigd"), Getal(k, "gesproken"), Getal(k, "nietVerschenen"), Getal(k, "zonderUitkomst") }));
        await AssertTabelGelijkAsync(page, "Tabel: Gesprekken per week", voortgang.GetProperty("perWeek").EnumerateArray()
            .Select(w => new[] { w.GetProperty("week").GetString()!, Getal(w, "gepland"), Getal(w, "gehouden"), Getal(w, "nietVerschenen") }));
        var ingedeeld = voortgang.GetProperty("indelingen").EnumerateArray().Sum(t => t.GetProperty("aantal").GetInt32());
        await Assertions.Expect(page.Locator("#indelingen > p")).ToHaveTextAsync($"{ingedeeld} klanten ingedeeld.");
        await Pagina.SchermafdrukAsync(page, "programmaleider");

        // No personal data on this page: no client's name or klantnummer from the bestand appears.
        using var klantmanager = await host.AlsAsync("klantmanager");
        var klanten = await klantmanager.GetFromJsonAsync<JsonElement>("/api/v1/klanten?pageSize=5");
        Assert.NotEqual(0, klanten.GetProperty("klanten").GetArrayLength());
        var tekst = await page.Locator("main").InnerTextAsync();
        foreach (var klant in klanten.GetProperty("klanten").EnumerateArray())
        {
            Assert.DoesNotContain(klant.GetProperty("naam").GetString()!, tekst, StringComparison.Ordinal);
            Assert.DoesNotContain(klant.GetProperty("klantnummer").GetString()!, tekst, StringComparison.Ordinal);
        }
    }

    private static string Getal(JsonElement e, string veld) => e.GetProperty(veld).GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The table's rows (first columns) equal the expected rows, in order.</summary>
    private static async Task AssertTabelGelijkAsync(IPage page, string naam, IEnumerable<string[]> verwacht)
    {
        var rijen = await page.GetByRole(AriaRole.Region, new() { Name = naam, Exact = true, IncludeHidden = true }).Locator("tbody tr")
            .EvaluateAllAsync<string[][]>("rijen => rijen.map(r => [...r.children].map(c => c.textContent.trim().replace(/\\./g, '')))");
        var lijst = verwacht.ToList();
        Assert.Equal(lijst.Count, rijen.Length);
        for (var i = 0; i < lijst.Count; i++) Assert.Equal(lijst[i], rijen[i].Take(lijst[i].Length).ToArray());
    }
}
