using System.Text.Json;
using KenJeKlant.Host.Options;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KenJeKlant.Host.Health;

public static class HealthExtensions
{
    public static IServiceCollection AddKenJeKlantHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<SiloHealthCheck>("silo")
            .AddCheck<DatabaseHealthCheck>("postgresql");
        return services;
    }

    public static IEndpointRouteBuilder MapKenJeKlantHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = SchrijfAsync });
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
