using System.Text.Json;
using System.Text.Json.Serialization;
using KenJeKlant.Host.Audit;

namespace KenJeKlant.Host.Infrastructuur.Http;

/// <summary>What every endpoint shares: JSON as users read it, problem details for every refusal, the OpenAPI document.</summary>
public static class HttpModule
{
    public static WebApplicationBuilder AddHttp(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ValidatieSpelling.Pas);
        // The one place domain errors become HTTP answers.
        builder.Services.AddExceptionHandler<DomeinfoutHandler>();
        builder.Services.AddExceptionHandler<OngeldigVerzoekHandler>();
        // Database or silo out of reach: 503 problem details instead of a bare 500.
        builder.Services.AddExceptionHandler<OnbereikbaarHandler>();
        // Outside Development minimal APIs answer an unreadable body with a bare 400; throwing lets
        // OngeldigVerzoekHandler say which field, in production too.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            // Enum values as users say them ("zonder-afstand"), not as numbers.
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
            // A misspelt field must not be dropped silently: {"selectie":{"klantmanagers":…}} (for "klantmanager")
            // would give an empty selection, and starting that campaign invites the whole bestand.
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        // Request bodies' shape rules as attributes on the records (Microsoft.Extensions.Validation, decision 24):
        // checked before the endpoint runs, 400 with errors keyed by the JSON path of the field.
        builder.Services.AddValidation();
        builder.Services.AddOpenApi("v1");
        return builder;
    }

    public static WebApplication UseHttp(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    public static WebApplication MapHttp(this WebApplication app)
    {
        app.MapOpenApi("/api/v1/openapi.json").ZonderPersoonsgegevens().AllowAnonymous();
        return app;
    }
}
