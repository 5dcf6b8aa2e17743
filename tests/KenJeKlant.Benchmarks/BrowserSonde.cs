using System.Text.Json;
using Microsoft.Playwright;

namespace KenJeKlant.Benchmarks;

/// <summary>One SignalR message as the dashboard page's own handler got it, on the browser's wall clock (Unix ms).</summary>
internal sealed record BrowserOntvangst(string Methode, JsonElement Samenvatting, double Binnen, double Klaar, double Frame);

/// <summary>
/// Debian's Chromium (headless) with real dashboard pages, logged in through the login form. Each page
/// runs unchanged: an init script wraps <c>HubConnection.prototype.on</c> of the SignalR browser
/// client as it loads, so every handler the page registers is timed where it runs — on entry, when it
/// returns (the page has updated its DOM), and at the next animation frame (about when it is on screen).
/// The times are taken inside the page; only the report travels back to this process afterwards, so
/// the way back does not count.
/// </summary>
internal sealed class BrowserSonde : IAsyncDisposable
{
    public const string ChromiumPad = "/usr/bin/chromium";

    // Without the background-networking flags Chromium keeps trying Google's hosts on a closed network.
    private static readonly string[] Vlaggen =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        // A page in a benchmark is never in the background; Chromium must not throttle its timers or frames.
        "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
    ];

    // Summaries per hub method: just enough for the benchmark to know which change arrived.
    private const string InitScript = """
        (() => {
          const samenvatten = {
            WerklijstGewijzigd: lijst => lijst.map(w => ({ klant: w.item.klantnummer, soort: w.item.soort, verwijderd: w.verwijderd })),
            Voortgang: v => ({ status: v.status }),
          };
          let client;
          Object.defineProperty(window, 'signalR', {
            configurable: true,
            get: () => client,
            set: waarde => {
              client = waarde;
              const on = waarde.HubConnection.prototype.on;
              waarde.HubConnection.prototype.on = function (methode, handler) {
                const samenvatting = samenvatten[methode];
                if (!samenvatting) return on.call(this, methode, handler);
                return on.call(this, methode, function (...args) {
                  const binnen = Date.now();
                  const uitkomst = handler.apply(this, args);
                  const klaar = Date.now();
                  const melding = { methode, samenvatting: samenvatting(args[0]), binnen, klaar };
                  requestAnimationFrame(() => { melding.frame = Date.now(); window.kjkGemeten(JSON.stringify(melding)); });
                  return uitkomst;
                });
              };
            },
          });
        })();
        """;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserSonde(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<BrowserSonde> StartAsync()
    {
        if (!File.Exists(ChromiumPad))
            throw new InvalidOperationException($"Chromium is missing at {ChromiumPad}: apt-get install -y chromium (deploy/local/dashboards.sh does).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPad, Headless = true, Args = Vlaggen });
        return new BrowserSonde(playwright, browser);
    }

    /// <summary>Logs in through the form and opens <paramref name="pagina"/>; <paramref name="ontvangen"/> hears every timed handler call.</summary>
    public async Task<IPage> OpenAsync(Uri adres, string gebruikersnaam, string wachtwoord, string pagina, Action<BrowserOntvangst> ontvangen)
    {
        var context = await _browser.NewContextAsync(new() { BaseURL = adres.ToString(), Locale = "nl-NL", ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(60_000);
        await context.AddInitScriptAsync(InitScript);
        await context.ExposeFunctionAsync("kjkGemeten", (string json) =>
        {
            var m = JsonDocument.Parse(json).RootElement;
            ontvangen(new BrowserOntvangst(m.GetProperty("methode").GetString()!, m.GetProperty("samenvatting").Clone(),
                m.GetProperty("binnen").GetDouble(), m.GetProperty("klaar").GetDouble(), m.GetProperty("frame").GetDouble()));
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/inloggen.html?terug=" + Uri.EscapeDataString(pagina));
        await page.Locator("#inlog-form[data-klaar]").WaitForAsync(); // its script is ready: the button logs in
        await page.GetByLabel("Gebruikersnaam").FillAsync(gebruikersnaam);
        await page.GetByLabel("Wachtwoord").FillAsync(wachtwoord);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(adres, pagina).ToString(), new() { Timeout = 30_000 }); // polls; WaitForURL can miss a script's navigation
        await page.WaitForFunctionAsync("() => document.body.dataset.verbinding === 'verbonden'");
        return page;
    }

    /// <summary>
    /// How far the browser's wall clock is from this process's, bounded by the round trip: the largest
    /// |browser − midpoint| and the largest half round trip over a few readings.
    /// </summary>
    public static async Task<(double Verschil, double Onzekerheid)> KlokVerschilAsync(IPage page)
    {
        var verschil = 0.0;
        var onzekerheid = 0.0;
        for (var i = 0; i < 20; i++)
        {
            var voor = UnixMs();
            var browser = await page.EvaluateAsync<double>("() => Date.now()");
            var na = UnixMs();
            verschil = Math.Max(verschil, Math.Abs(browser - (voor + na) / 2));
            onzekerheid = Math.Max(onzekerheid, (na - voor) / 2);
        }
        return (verschil, onzekerheid);
    }

    public static double UnixMs() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
