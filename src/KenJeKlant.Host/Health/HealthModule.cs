using KenJeKlant.Host.Infrastructuur.Http;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KenJeKlant.Host.Health;

/// <summary>Readiness and liveness: <c>/health</c>, <c>/health/live</c>.</summary>
public static class HealthModule
{
    private const string Levend = "levend";

    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<SiloHealthCheck>("silo", tags: [Levend])
            .AddCheck<DatabaseHealthCheck>("postgresql");
        return builder;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        // Readiness: this silo is active and PostgreSQL answers (a proxy or Kubernetes sends no traffic otherwise).
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = SchrijfAsync }).AllowAnonymous();
        // Liveness: the silo only. A database outage must not make Kubernetes restart every silo at once.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { ResponseWriter = SchrijfAsync, Predicate = c => c.Tags.Contains(Levend) }).AllowAnonymous();
        return app;
    }

    private static Task SchrijfAsync(HttpContext context, HealthReport rapport)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = rapport.Status.ToString(),
            checks = rapport.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), beschrijving = e.Value.Description }),
        }));
    }
}
