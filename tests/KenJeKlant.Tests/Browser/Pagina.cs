using System.Text.Json;
using Microsoft.Playwright;

namespace KenJeKlant.Tests.Browser;

/// <summary>What every dashboard test does with a page: check accessibility with axe-core and keep a screenshot.</summary>
internal static class Pagina
{
    private static readonly Lazy<string> Repository = new(() =>
    {
        for (var map = new DirectoryInfo(AppContext.BaseDirectory); map is not null; map = map.Parent)
            if (File.Exists(Path.Combine(map.FullName, "KenJeKlant.sln"))) return map.FullName;
        throw new InvalidOperationException("De repository (KenJeKlant.sln) is niet gevonden boven " + AppContext.BaseDirectory);
    });

    public static string AxePad
    {
        get
        {
            var pad = Path.Combine(Repository.Value, "dashboards", "node_modules", "axe-core", "axe.min.js");
            if (!File.Exists(pad)) throw new InvalidOperationException($"axe-core ontbreekt op {pad}: voer 'npm ci' uit in dashboards/ (deploy/local/test.sh doet dat).");
            return pad;
        }
    }

    /// <summary>Injects axe-core and fails on every serious or critical WCAG 2.x A/AA violation, naming the elements.</summary>
    public static async Task ControleerToegankelijkheidAsync(IPage page)
    {
        // Through the DevTools protocol, not a <script> tag: the pages run under the real Content-Security-Policy
        // (script-src 'self'), which rightly refuses an injected inline script; a bypass would hide our own violations.
        await page.EvaluateAsync(await File.ReadAllTextAsync(AxePad));
        var resultaat = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }))" +
            ".violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, doelen: v.nodes.map(n => n.target.join(' ')) }))");
        var ernstig = resultaat.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("impact").GetString()} {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()} — {string.Join(", ", v.GetProperty("doelen").EnumerateArray().Take(5))}")
            .ToList();
        Assert.True(ernstig.Count == 0, $"axe-core vond op {page.Url}:\n" + string.Join("\n", ernstig));
        var csp = Chromium.CspFouten(page);
        Assert.True(csp.Count == 0, $"De Content-Security-Policy weigerde iets op {page.Url}:\n" + string.Join("\n", csp));
    }

    /// <summary>docs/screenshots/{naam}.png, the whole page, linked from the README.</summary>
    public static async Task SchermafdrukAsync(IPage page, string naam)
    {
        var map = Path.Combine(Repository.Value, "docs", "screenshots");
        Directory.CreateDirectory(map);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(map, naam + ".png"), FullPage = true });
    }

    /// <summary>Waits until the page's live connection reports a state (set by the shared header).</summary>
    public static Task WachtOpVerbindingAsync(IPage page, params string[] staten) =>
        page.WaitForFunctionAsync("staten => staten.includes(document.body.dataset.verbinding)", staten);

    public static async Task<int> GetalAsync(IPage page, string veld)
    {
        var tekst = await page.Locator($"[data-veld=\"{veld}\"]").InnerTextAsync();
        return int.Parse(tekst.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }
}
