using KenJeKlant.Host.Infrastructuur;
using KenJeKlant.Host.Beveiliging;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Host.Dashboards;

/// <summary>
/// Serves the dashboards: the pages from <c>dashboards/web</c> at the root and the SignalR browser
/// client at <c>/lib/signalr/</c>. Only those two folders are reachable — never <c>node_modules</c>
/// as a whole or the npm files. No inline script or style anywhere, so a strict Content-Security-Policy
/// (<c>default-src 'self'</c>) fits. Served before authentication: the pages hold no data (every
/// number comes from the API, which asks for a login), and the login page must load without one.
/// </summary>
public static partial class DashboardsModule
{
    public static WebApplicationBuilder AddDashboards(this WebApplicationBuilder builder)
    {
        builder.AddInstellingen<DashboardInstellingen>(DashboardInstellingen.Sectie);
        return builder;
    }

    public static WebApplication UseDashboards(this WebApplication app)
    {
        var instellingen = app.Services.GetRequiredService<IOptions<DashboardInstellingen>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DashboardsModule));
        var map = DashboardMap.Zoek(instellingen.Pad, app.Environment.ContentRootPath, AppContext.BaseDirectory);
        if (map is null || !Directory.Exists(Path.Combine(map, DashboardMap.Web)))
        {
            LogGeenDashboards(logger, instellingen.Pad ?? "(niet ingesteld)");
            return app;
        }
        var web = new PhysicalFileProvider(Path.Combine(map, DashboardMap.Web));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = web });
        app.UseStaticFiles(Opties(web, ""));

        var signalR = Path.Combine(map, DashboardMap.SignalR);
        if (Directory.Exists(signalR)) app.UseStaticFiles(Opties(new PhysicalFileProvider(signalR), "/lib/signalr"));
        else LogGeenSignalR(logger, signalR);
        LogDashboards(logger, map);
        return app;
    }

    private static StaticFileOptions Opties(IFileProvider bestanden, string pad) => new()
    {
        FileProvider = bestanden,
        RequestPath = pad,
        OnPrepareResponse = context =>
        {
            // Revalidate every time (ETag): a deployed fix reaches every browser at once.
            BeveiligingsHeaders.Zet(context.Context);
            context.Context.Response.Headers.CacheControl = "no-cache";
        },
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "No dashboards: no folder dashboards/web found (Dashboards:Pad = {Pad}). The API runs without them.")]
    private static partial void LogGeenDashboards(ILogger logger, string pad);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The SignalR browser client is missing at {Pad}: run 'npm ci' in dashboards/ (deploy/local/run.sh does). Pages will not update live.")]
    private static partial void LogGeenSignalR(ILogger logger, string pad);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboards served from {Pad}")]
    private static partial void LogDashboards(ILogger logger, string pad);
}
