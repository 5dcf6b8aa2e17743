using System.Text.Json;
using Microsoft.Playwright;

namespace KenJeKlant.Tests.Browser;

/// <summary>
/// Using a page with the keyboard alone (WCAG 2.1.1, 2.1.2, 2.4.3, 2.4.7): only page.Keyboard moves focus
/// and acts, never a click, FillAsync or FocusAsync on a target. After every key that moves focus the
/// focused element is checked: on screen, not covered, and with a focus indicator of its own.
/// </summary>
internal static class Toetsenbord
{
    // What a sighted keyboard user needs to see of the focused element. The indicator is the computed
    // outline or box-shadow of the element while it has focus: a stylesheet with `outline: none` and no
    // replacement leaves neither, and fails here (Chromium's own focus ring counts, it is an outline).
    private const string FocusScript = """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body || e === document.documentElement) return { weg: true, beschrijving: '(niets: de focus is van de pagina af)' };
          const tekst = t => (t || '').replace(/\s+/g, ' ').trim();
          const label = e.labels && e.labels.length ? tekst(e.labels[0].textContent) : '';
          const naam = tekst(e.getAttribute('aria-label')) || label || tekst(e.textContent).slice(0, 60);
          const naamVan = x => x.tagName.toLowerCase() + (x.id ? '#' + x.id : '') + (typeof x.className === 'string' && x.className.trim() ? '.' + x.className.trim().split(/\s+/).join('.') : '');
          const beschrijving = naamVan(e) + (naam ? ' "' + naam + '"' : '');
          const r = e.getBoundingClientRect();
          const s = getComputedStyle(e);
          const fouten = [];
          if (r.width < 1 || r.height < 1) fouten.push(`heeft geen afmeting (${r.width}×${r.height})`);
          else if (r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth) fouten.push(`staat buiten beeld (${Math.round(r.left)},${Math.round(r.top)})`);
          else {
            const x = (Math.max(r.left, 0) + Math.min(r.right, innerWidth)) / 2, y = (Math.max(r.top, 0) + Math.min(r.bottom, innerHeight)) / 2;
            const bovenop = document.elementFromPoint(x, y);
            if (!bovenop || !(e === bovenop || e.contains(bovenop) || (bovenop.tagName === 'LABEL' && bovenop.control === e)))
              fouten.push('wordt bedekt door ' + (bovenop ? bovenop.tagName.toLowerCase() + (bovenop.id ? '#' + bovenop.id : '') : 'niets'));
          }
          // A control inside an element the page marked hidden, yet reachable: a stylesheet's display overrides the attribute.
          if (e.closest('[hidden]')) fouten.push('ligt in ' + naamVan(e.closest('[hidden]')) + ', dat de pagina verborgen heeft (hidden), maar is zichtbaar en bereikbaar');
          for (let a = e; a; a = a.parentElement) {
            const st = getComputedStyle(a);
            if (st.visibility === 'hidden' || Number(st.opacity) === 0) { fouten.push('is onzichtbaar (visibility/opacity)'); break; }
          }
          const omlijning = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1 && s.outlineColor !== 'rgba(0, 0, 0, 0)' && s.outlineColor !== 'transparent';
          const schaduw = s.boxShadow && s.boxShadow !== 'none';
          if (!omlijning && !schaduw) fouten.push(`heeft geen zichtbare focus-indicator (outline: ${s.outlineStyle} ${s.outlineWidth}; box-shadow: ${s.boxShadow})`);
          return { weg: false, beschrijving, naam, id: e.id || '', fouten };
        }
        """;

    public sealed record Focus(bool Weg, string Beschrijving, string Naam, string Id, IReadOnlyList<string> Fouten);

    /// <summary>Where the focus is now; fails when it is on the page but not visible or without an indicator.</summary>
    public static async Task<Focus> ControleerFocusAsync(IPage page, string stap)
    {
        var f = await LeesFocusAsync(page);
        Assert.True(f.Fouten.Count == 0, $"{stap}: het element met focus {f.Beschrijving} op {page.Url} " + string.Join("; ", f.Fouten));
        return f;
    }

    public static async Task<Focus> LeesFocusAsync(IPage page)
    {
        var j = await page.EvaluateAsync<JsonElement>(FocusScript);
        var weg = j.GetProperty("weg").GetBoolean();
        return new Focus(weg, j.GetProperty("beschrijving").GetString()!,
            weg ? "" : j.GetProperty("naam").GetString()!, weg ? "" : j.GetProperty("id").GetString()!,
            weg ? [] : [.. j.GetProperty("fouten").EnumerateArray().Select(x => x.GetString()!)]);
    }

    /// <summary>One Tab (or Shift+Tab) and the check of where it landed.</summary>
    public static async Task<Focus> TabAsync(IPage page, bool terug = false)
    {
        await page.Keyboard.PressAsync(terug ? "Shift+Tab" : "Tab");
        return await ControleerFocusAsync(page, terug ? "Shift+Tab" : "Tab");
    }

    /// <summary>Tabs (checking every stop) until the focused element's name or id is <paramref name="doel"/>; fails after <paramref name="maximaal"/> stops.</summary>
    public static async Task<Focus> TabNaarAsync(IPage page, string doel, bool terug = false, int maximaal = 60)
    {
        var onderweg = new List<string>();
        for (var i = 0; i < maximaal; i++)
        {
            var f = await TabAsync(page, terug);
            if (f.Naam == doel || f.Id == doel) return f;
            onderweg.Add(f.Beschrijving);
        }
        Assert.Fail($"Met {(terug ? "Shift+Tab" : "Tab")} is '{doel}' op {page.Url} niet te bereiken in {maximaal} stappen; onderweg: {string.Join(" → ", onderweg)}");
        return null!;
    }

    /// <summary>
    /// No keyboard trap (2.1.2): from where the focus is, Tab visits every remaining stop (each checked),
    /// leaves the page after the last and comes back at the first stop, the skip link; Shift+Tab from
    /// there goes backwards round to the same last stop. Returns the stops in order.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RondgangAsync(IPage page, int maximaal = 150)
    {
        var stops = new List<string>();
        await page.EvaluateAsync("() => { window.kjkTabStops = new WeakSet(); }");
        for (var i = 0; ; i++)
        {
            Assert.True(i < maximaal, $"Na {maximaal} keer Tab is de focus de pagina {page.Url} nog niet uit (toetsenbordval?): {string.Join(" → ", stops.TakeLast(12))}");
            await page.Keyboard.PressAsync("Tab");
            var f = await LeesFocusAsync(page);
            if (f.Weg) break;
            await ControleerFocusAsync(page, "Rondgang met Tab");
            // The same element twice before leaving the page means Tab runs in a circle inside it.
            var alGezien = await page.EvaluateAsync<bool>("() => { const e = document.activeElement; const al = window.kjkTabStops.has(e); window.kjkTabStops.add(e); return al; }");
            Assert.False(alGezien, $"Tab komt op {page.Url} terug bij {f.Beschrijving} zonder de pagina te verlaten (toetsenbordval): {string.Join(" → ", stops.TakeLast(12))}");
            stops.Add(f.Beschrijving);
        }
        Assert.NotEmpty(stops);
        var eerste = await TabAsync(page);
        Assert.True(eerste.Naam == "Naar de inhoud", $"Na de laatste stop en de pagina uit komt Tab op {page.Url} niet bij de link 'Naar de inhoud' maar bij {eerste.Beschrijving}");
        // Backwards: off the page and in again at the last stop (headless Chromium may skip the "off the page" step).
        await page.Keyboard.PressAsync("Shift+Tab");
        var terug = await LeesFocusAsync(page);
        if (terug.Weg) terug = await TabAsync(page, terug: true);
        else await ControleerFocusAsync(page, "Shift+Tab");
        Assert.True(terug.Beschrijving == stops[^1], $"Shift+Tab vanaf 'Naar de inhoud' op {page.Url} komt bij {terug.Beschrijving}, niet bij de laatste stop {stops[^1]}");
        return stops;
    }

    /// <summary>
    /// Proof that <see cref="ControleerFocusAsync"/> can fail: the focused element loses its outline and
    /// box-shadow (through the CSSOM, which the Content-Security-Policy allows) and the check must say so.
    /// </summary>
    public static async Task ControleerDatDeControleFaaltZonderIndicatorAsync(IPage page)
    {
        await page.EvaluateAsync("() => { const s = document.activeElement.style; s.setProperty('outline', 'none', 'important'); s.setProperty('box-shadow', 'none', 'important'); }");
        var f = await LeesFocusAsync(page);
        await page.EvaluateAsync("() => { const s = document.activeElement.style; s.removeProperty('outline'); s.removeProperty('box-shadow'); }");
        Assert.Contains(f.Fouten, fout => fout.StartsWith("heeft geen zichtbare focus-indicator", StringComparison.Ordinal));
        await ControleerFocusAsync(page, "Na het terugzetten van de stijl");
    }

    /// <summary>Logging in as a keyboard user: the skip link is the first stop and leads to the form, which is filled and sent with keys.</summary>
    public static async Task<IPage> LogInAsync(Chromium chromium, DashboardHost host, string gebruikersnaam, string pagina, int breedte = 1280, int hoogte = 900)
    {
        var page = await chromium.NieuwePaginaAsync(host, breedte, hoogte);
        await page.GotoAsync(pagina);
        await page.Locator("#inlog-form[data-klaar]").WaitForAsync(); // its script is ready: Enter now logs in
        Assert.Contains("/inloggen.html?terug=", page.Url, StringComparison.Ordinal);
        await NaarDeInhoudAsync(page);
        var veld = await TabAsync(page);
        Assert.Equal("gebruikersnaam", veld.Id);
        await page.Keyboard.TypeAsync(gebruikersnaam);
        Assert.Equal("wachtwoord", (await TabAsync(page)).Id);
        await page.Keyboard.TypeAsync(Api.KenJeKlantApp.DemoWachtwoord);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#gebruiker")).ToContainTextAsync("Ingelogd als");
        Assert.StartsWith(host.Url + pagina, page.Url, StringComparison.Ordinal); // the page may add its state (?campagne=)
        return page;
    }

    /// <summary>The first Tab on a fresh page lands on the skip link; Enter on it moves the focus to main.</summary>
    public static async Task NaarDeInhoudAsync(IPage page)
    {
        var link = await TabAsync(page);
        Assert.True(link.Naam == "Naar de inhoud", $"De eerste Tab-stop op {page.Url} is {link.Beschrijving}, niet de link 'Naar de inhoud'");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main#inhoud")).ToBeFocusedAsync();
    }
}
