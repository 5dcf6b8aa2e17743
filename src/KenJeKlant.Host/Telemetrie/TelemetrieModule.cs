using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Grains.Telemetrie;
using Microsoft.AspNetCore.SignalR;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Orleans.Dashboard;

namespace KenJeKlant.Host.Telemetrie;

/// <summary>
/// For operators: Prometheus metrics at <c>/metrics</c> (OpenTelemetry) and the Orleans Dashboard under
/// <c>/beheer/orleans</c>, only for beheerders.
/// </summary>
public static class TelemetrieModule
{
    public const string MetricsPad = "/metrics";
    public const string DashboardPad = "/beheer/orleans";

    /// <summary>
    /// Meters exported: the application's own (<see cref="KenJeKlantMeters.MeterNaam"/>), Orleans'
    /// (<c>Microsoft.Orleans</c>: storage latency, reminder tardiness, activations, messaging), and what
    /// .NET emits by itself at no extra cost: ASP.NET Core requests, Kestrel, SignalR's connection
    /// transport, the runtime (GC, thread pool) and Npgsql.
    /// </summary>
    public static WebApplicationBuilder AddTelemetrie(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("kenjeklant", serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithMetrics(m => m
                .AddMeter(KenJeKlantMeters.MeterNaam)
                .AddMeter("Microsoft.Orleans")
                .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections")
                .AddMeter("System.Runtime")
                .AddMeter("Npgsql")
                .AddPrometheusExporter());
        builder.Services.AddSingleton<HubVerbindingenFilter>();
        builder.Services.Configure<HubOptions>(o => o.AddFilter<HubVerbindingenFilter>());

        // The dashboard shows every grain type, silo and method of the cluster, and has no
        // authentication of its own: it is mapped only behind the beheerder role (see Map…).
        // Its grain profiler runs only while someone looks (GrainProfilerOptions.TraceAlways = false).
        // The live log stream stays off: log lines may name clients, the dashboard is for cluster health.
        builder.UseOrleans(silo => silo.AddDashboard(o => o.HideTrace = true));
        return builder;
    }

    public static WebApplication MapTelemetrie(this WebApplication app)
    {
        // Scraped by Prometheus from inside the network (keep it off the public proxy); counts only, no personal data.
        app.MapPrometheusScrapingEndpoint(MetricsPad).AllowAnonymous();
        app.MapOrleansDashboard(DashboardPad).RequireAuthorization(Toegang.Beheer);
        return app;
    }
}
