using System.Net;
using System.Net.Sockets;
using KenJeKlant.Tests.Api;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KenJeKlant.Tests.Browser;

/// <summary>
/// The real host (API, hubs, dashboards, silo) on a real TCP port, so a browser can reach it, on a
/// PostgreSQL database of its own. <paramref name="diensten"/> replaces services (a fake clock).
/// </summary>
public sealed class DashboardHost : IAsyncDisposable
{
    private readonly KenJeKlantApp _app;
    private readonly WebApplicationFactory<Program> _factory;

    private DashboardHost(KenJeKlantApp app, Action<IServiceCollection>? diensten)
    {
        _app = app;
        _factory = diensten is null ? app : app.WithWebHostBuilder(b => b.ConfigureTestServices(diensten));
        var poort = VrijePoort();
        _factory.UseKestrel(poort);
        _factory.StartServer();
        Url = $"http://127.0.0.1:{poort}";
        Api = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(60) };
    }

    public string Url { get; }

    public HttpClient Api { get; }

    public KenJeKlantApp App => _app;

    public IServiceProvider Services => _factory.Services;

    public static async Task<DashboardHost> StartAsync(string prefix, IReadOnlyDictionary<string, string>? instellingen = null, Action<IServiceCollection>? diensten = null) =>
        new(await KenJeKlantApp.StartAsync(prefix, instellingen), diensten);

    /// <summary>A second silo of the same cluster (same database, ServiceId and ClusterId), on its own port.</summary>
    public static DashboardHost Naast(KenJeKlantApp app) => new(app.Herstart(), null);

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        if (!ReferenceEquals(_factory, _app)) await _factory.DisposeAsync();
        await _app.DisposeAsync();
    }

    private static int VrijePoort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
