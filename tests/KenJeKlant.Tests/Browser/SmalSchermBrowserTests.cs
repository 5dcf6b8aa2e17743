using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Campagnes;
using KenJeKlant.Tests.Storage;
using Microsoft.Playwright;

namespace KenJeKlant.Tests.Browser;

/// <summary>
/// Every dashboard page at 320 CSS px wide (WCAG 1.4.10 reflow: 1280 px at 400 % zoom), with its
/// forms, dossier, signal and tables open: the page does not scroll sideways. A wide table may
/// scroll inside its own container (allowed by 1.4.10 for data tables), but that container must be
/// reachable with the keyboard (tabindex 0) and named, so it can be scrolled without a mouse.
/// axe-core runs there too, and each page leaves docs/screenshots/{pagina}-320.png.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class SmalSchermBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    private const int Breedte = 320, Hoogte = 640;

    [Fact]
    public async Task Elke_pagina_past_op_320_px_zonder_horizontaal_scrollen_en_is_toegankelijk()
    {
        await using var host = await DashboardHost.StartAsync("browser-smal");
        using var beheerder = await host.AlsAsync("beheerder");
        using var klantmanager = await host.AlsAsync("klantmanager");
        await ToetsenbordBrowserTests.ZetKlantenKlaarAsync(beheerder);
        await ToetsenbordBrowserTests.MaakCampagneAsync(beheerder, "ik-doe-mee-noord", "Ik doe mee — Haarlem-Noord en Schalkwijk");
        (await beheerder.PostAsync("/api/v1/campagnes/ik-doe-mee-noord/start", null)).EnsureSuccessStatusCode();
        await CampagneOmgeving.WachtTotAsync(async () =>
            (await klantmanager.GetFromJsonAsync<JsonElement>("/api/v1/klantmanagers/KM001/werklijst")).GetProperty("gesprekken").GetArrayLength() == 2,
            "de campagne plande de twee klanten van KM001 niet in", seconden: 30);
        await SignaalInTabellen.LegKlaarAsync(host.App.ConnectionString, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        var inloggen = await chromium.NieuwePaginaAsync(host, Breedte, Hoogte);
        await inloggen.GotoAsync("/inloggen.html?terug=%2F");
        await inloggen.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync(); // with its validation messages
        await Assertions.Expect(inloggen.Locator("#inlog-fouten .foutmelding")).ToBeVisibleAsync();
        await ControleerAsync(inloggen, "inloggen");

        var start = await chromium.OpenAlsAsync(host, "beheerder", "/", Breedte, Hoogte);
        await Assertions.Expect(start.Locator("#tegels li:visible")).ToHaveCountAsync(2);
        await ControleerAsync(start, "start");

        // Every chart's table opened: the widest tables on any page (up to six columns).
        var programma = await chromium.OpenAlsAsync(host, "programmaleider", "/programmaleider.html?campagne=ik-doe-mee-noord", Breedte, Hoogte);
        await Pagina.WachtOpVerbindingAsync(programma, "verbonden");
        await Assertions.Expect(programma.Locator("[data-veld='funnel.ingepland']")).ToHaveTextAsync("2");
        foreach (var samenvatting in await programma.Locator("#dashboard details > summary").AllAsync()) await samenvatting.ClickAsync();
        await Assertions.Expect(programma.Locator("#dashboard details:not([open])")).ToHaveCountAsync(0);
        await ControleerAsync(programma, "programmaleider");

        // The werklijst, a dossier and the herbeoordeling form with its validation messages.
        var werklijst = await chromium.OpenAlsAsync(host, "klantmanager", "/klantmanager.html", Breedte, Hoogte);
        await Pagina.WachtOpVerbindingAsync(werklijst, "verbonden");
        await werklijst.GetByRole(AriaRole.Button, new() { Name = "Dossier van Anna de Vries" }).First.ClickAsync();
        await Assertions.Expect(werklijst.Locator("#kop-dossier")).ToHaveTextAsync("Dossier van Anna de Vries");
        await werklijst.Locator("#dossier").GetByRole(AriaRole.Button, new() { Name = "Herbeoordeling plannen voor Anna de Vries" }).ClickAsync();
        await werklijst.Locator("#herbeoordeling-form button[type='submit']").ClickAsync();
        await Assertions.Expect(werklijst.Locator("#herbeoordeling-fouten .foutmelding")).ToBeVisibleAsync();
        await ControleerAsync(werklijst, "klantmanager");

        // A signal with its invitations table and the review's forms.
        var handhaving = await chromium.OpenAlsAsync(host, "handhaving", "/handhaving.html", Breedte, Hoogte);
        await Pagina.WachtOpVerbindingAsync(handhaving, "verbonden", "periodiek");
        await handhaving.Locator("#wachtrij button[data-signaal]").First.ClickAsync();
        await Assertions.Expect(handhaving.GetByRole(AriaRole.Region, new() { Name = "Tabel: Uitnodigingshistorie" }).Locator("tbody tr")).ToHaveCountAsync(2);
        await ControleerAsync(handhaving, "handhaving");

        // An import report with a rejected line, and the campaign list with its actions.
        var beheer = await chromium.OpenAlsAsync(host, "beheerder", "/beheer.html", Breedte, Hoogte);
        var csv = Csv.Bestand(Csv.Regel("N1"), Csv.Regel("N2", bsn: "123456789"));
        await beheer.Locator("#bestand").SetInputFilesAsync(new FilePayload { Name = "export.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await beheer.Locator("#import-form button[type='submit']").ClickAsync();
        await Assertions.Expect(beheer.GetByRole(AriaRole.Region, new() { Name = "Tabel: Afgewezen regels (1)" })).ToBeVisibleAsync();
        await Assertions.Expect(beheer.Locator("[data-status-van='ik-doe-mee-noord']")).ToHaveTextAsync("actief");
        await ControleerAsync(beheer, "beheer");
    }

    // What sticks out to the right of the viewport, outside a horizontal scroll container, makes the page
    // scroll sideways (or is cut off); a container that does scroll must be a named keyboard stop.
    private const string ReflowScript = """
        () => {
          const breedte = document.documentElement.clientWidth;
          const naam = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '');
          const uitstekend = [], containers = [];
          for (const e of document.body.querySelectorAll('*')) {
            const r = e.getBoundingClientRect();
            if (r.width === 0 || r.height === 0 || r.right <= breedte + 0.5) continue;
            let houder = null;
            for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
              const ox = getComputedStyle(a).overflowX;
              if (ox !== 'visible') { houder = a; break; }
            }
            // Inside a scroll container that itself fits: allowed (the container is checked below).
            if (houder && houder.getBoundingClientRect().right <= breedte + 0.5 && ['auto', 'scroll'].includes(getComputedStyle(houder).overflowX)) continue;
            // Visually hidden text (1 px, clipped) is not shown, so it cannot stick out.
            if (houder && houder.getBoundingClientRect().width <= 1) continue;
            uitstekend.push(`${naam(e)} tot ${Math.round(r.right)} px` + (houder ? ` (in ${naam(houder)}, overflow-x ${getComputedStyle(houder).overflowX})` : ''));
          }
          for (const e of document.body.querySelectorAll('*')) {
            const ox = getComputedStyle(e).overflowX;
            if (!['auto', 'scroll'].includes(ox) || e.scrollWidth <= e.clientWidth) continue;
            const label = e.getAttribute('aria-label') || (e.getAttribute('aria-labelledby') || '').split(' ').map(id => document.getElementById(id)?.textContent || '').join(' ').trim();
            containers.push({ naam: naam(e), label, tabindex: e.getAttribute('tabindex'), rol: e.getAttribute('role') || '' });
          }
          return { binnen: innerWidth, breedte, scrollWidth: document.documentElement.scrollWidth, uitstekend: uitstekend.slice(0, 15), containers };
        }
        """;

    private static async Task ControleerAsync(IPage page, string naam)
    {
        var r = await page.EvaluateAsync<JsonElement>(ReflowScript);
        Assert.Equal(Breedte, r.GetProperty("binnen").GetInt32());
        var breedte = r.GetProperty("breedte").GetInt32();
        var uitstekend = r.GetProperty("uitstekend").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.True(r.GetProperty("scrollWidth").GetInt32() <= breedte && uitstekend.Count == 0,
            $"{page.Url} op {Breedte} px: de pagina is {r.GetProperty("scrollWidth").GetInt32()} px breed (ruimte: {breedte} px); steekt uit:\n" + string.Join("\n", uitstekend));
        foreach (var c in r.GetProperty("containers").EnumerateArray())
        {
            var beschrijving = c.GetProperty("naam").GetString();
            Assert.True(c.GetProperty("tabindex").GetString() == "0",
                $"{page.Url}: {beschrijving} scrollt horizontaal maar is met het toetsenbord niet te bereiken (tabindex 0 ontbreekt)");
            Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("label").GetString()), $"{page.Url}: {beschrijving} scrollt horizontaal maar heeft geen naam (aria-label)");
            Assert.Equal("region", c.GetProperty("rol").GetString());
        }
        await Pagina.ControleerToegankelijkheidAsync(page);
        await Pagina.SchermafdrukAsync(page, naam + "-320");
    }
}
