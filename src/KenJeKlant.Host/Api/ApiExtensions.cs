using KenJeKlant.Host.Audit;
using System.Text.Json;
using System.Text.Json.Serialization;
using KenJeKlant.Host.Health;
using KenJeKlant.Host.Beveiliging;

namespace KenJeKlant.Host.Api;

public static class ApiExtensions
{
    public static WebApplicationBuilder AddKenJeKlantApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<OvergangGeweigerdHandler>();
        builder.Services.AddExceptionHandler<OngeldigVerzoekHandler>();
        // Outside Development minimal APIs answer an unreadable body with a bare 400; throwing lets
        // OngeldigVerzoekHandler say which field, in production too.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            // Enum values as users say them ("zonder-afstand"), not as numbers.
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        });
        builder.Services.AddOpenApi("v1");
        builder.AddKenJeKlantAudit();
        builder.Services.AddKenJeKlantHealthChecks();
        return builder;
    }

    public static WebApplication MapKenJeKlantApi(this WebApplication app)
    {
        app.UseKenJeKlantAudit();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseKenJeKlantBeveiliging();
        app.MapOpenApi("/api/v1/openapi.json").ZonderPersoonsgegevens().AllowAnonymous();
        app.MapKenJeKlantBeveiliging();
        app.MapAuditlogApi();
        app.MapKlantenApi();
        app.MapKlantmanagersApi();
        app.MapBestandApi();
        app.MapHerbeoordelingenApi();
        app.MapCampagnesApi();
        app.MapUitnodigingenApi();
        app.MapHandhavingApi();
        app.MapKenJeKlantHealthChecks();
        return app;
    }
}
