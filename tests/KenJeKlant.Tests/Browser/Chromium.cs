using Microsoft.Playwright;

namespace KenJeKlant.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright, headless. Never Playwright's own browser download: the
/// machine has no network for it. A missing Chromium fails the tests with what to do, never skips them.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string Pad = "/usr/bin/chromium";

    // Without the background-networking flags Chromium keeps trying Google's hosts on a closed network.
    private static readonly string[] Vlaggen =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private const float Wachttijd = 15_000;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium is niet gestart.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Pad))
            throw new InvalidOperationException(
                $"Chromium ontbreekt op {Pad}. Installeer het uit Debian: 'apt-get install -y chromium' (deploy/local/test.sh doet dat als root).");
        // The same patience for a web-first assertion as for an action (SetDefaultTimeout below): on a busy
        // CI machine a live push or a navigation can take longer than Playwright's 5 s default.
        Assertions.SetDefaultExpectTimeout(Wachttijd);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Pad,
            Headless = true,
            Args = Vlaggen,
        });
    }

    /// <summary>A fresh browser context (own cookies) at a laptop's size, in Dutch.</summary>
    public async Task<IPage> NieuwePaginaAsync(DashboardHost host, int breedte = 1280, int hoogte = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.Url,
            Locale = "nl-NL",
            TimezoneId = "UTC",
            ViewportSize = new ViewportSize { Width = breedte, Height = hoogte },
        });
        context.SetDefaultTimeout(Wachttijd);
        host.SluitBijStoppen(context);
        var page = await context.NewPageAsync();
        var fouten = new List<string>();
        Csp.Add(page, fouten);
        page.Console += (_, bericht) =>
        {
            if (bericht.Type == "error" && bericht.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                lock (fouten) fouten.Add(bericht.Text);
        };
        return page;
    }

    /// <summary>What the page's Content-Security-Policy refused so far (Chromium reports it on the console).</summary>
    public static IReadOnlyList<string> CspFouten(IPage page)
    {
        if (!Csp.TryGetValue(page, out var fouten)) return [];
        lock (fouten) return [.. fouten];
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> Csp = [];

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
