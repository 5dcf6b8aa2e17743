using System.Net.Http.Json;
using System.Text.Json;
using KenJeKlant.Tests.Infrastructure;
using KenJeKlant.Tests.Api;
using Microsoft.Extensions.DependencyInjection;

namespace KenJeKlant.Tests.Browser;

/// <summary>
/// The real host (API, hubs, dashboards, silo) on a real TCP port, so a browser can reach it, on a
/// PostgreSQL database of its own. <paramref name="diensten"/> replaces services (a fake clock).
/// </summary>
public sealed class DashboardHost : IAsyncDisposable
{
    private readonly KenJeKlantApp _app;

    private DashboardHost(KenJeKlantApp app, Action<IServiceCollection>? diensten)
    {
        _app = app;
        app.Diensten = diensten;
        var poort = VrijePoorten.Volgende();
        app.UseKestrel(poort);
        app.StartServer();
        Url = $"http://127.0.0.1:{poort}";
        Api = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(60) };
    }

    public string Url { get; }

    public HttpClient Api { get; }

    public KenJeKlantApp App => _app;

    public IServiceProvider Services => _app.Services;

    /// <summary>An API client logged in as a demo account (bearer token from the real token endpoint).</summary>
    public async Task<HttpClient> AlsAsync(string gebruikersnaam)
    {
        var token = await Api.TokenAsync(gebruikersnaam);
        var client = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public static async Task<DashboardHost> StartAsync(string prefix, IReadOnlyDictionary<string, string>? instellingen = null, Action<IServiceCollection>? diensten = null) =>
        new(await KenJeKlantApp.StartAsync(prefix, instellingen), diensten);

    /// <summary>A second silo of the same cluster (same database, ServiceId and ClusterId), on its own port.</summary>
    public static DashboardHost Naast(KenJeKlantApp app) => new(app.Herstart(), null);

    /// <summary>Runs while the host stops, e.g. a fake clock that must keep moving for the silo's services to finish.</summary>
    public Func<CancellationToken, Task>? TijdensStoppen { get; set; }

    private readonly List<Microsoft.Playwright.IBrowserContext> _browsers = [];

    /// <summary>
    /// Closed before the host stops: an open page keeps its SignalR connection, and Kestrel's graceful
    /// shutdown would wait for it until the host's shutdown timeout, leaving the silo no time to stop.
    /// </summary>
    public void SluitBijStoppen(Microsoft.Playwright.IBrowserContext context) => _browsers.Add(context);

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _browsers)
        {
            try
            {
                await context.CloseAsync();
            }
            catch (Microsoft.Playwright.PlaywrightException) when (context.Browser?.IsConnected != true)
            {
                // A host held by a class fixture may outlive the Chromium fixture, whose browser closed its contexts already.
            }
        }
        Api.Dispose();
        using var klaar = new CancellationTokenSource();
        var naast = TijdensStoppen?.Invoke(klaar.Token) ?? Task.CompletedTask;
        try
        {
            await _app.DisposeAsync();
        }
        catch (OperationCanceledException) when (TijdensStoppen is not null)
        {
            // A silo on a fake clock does not always finish its graceful stop (parts of it wait on that clock);
            // the host is then stopped hard. This is teardown, not what these tests check: graceful stops are
            // tested with real clocks and real processes (Cluster/ProcesClusterTests).
        }
        finally
        {
            await klaar.CancelAsync();
            await naast;
        }
    }
}
