using KenJeKlant.Abstractions.Gemeenten;
using KenJeKlant.Host.Audit;
using KenJeKlant.Host.Beveiliging;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Host.Gemeenten;

/// <summary>The gemeenten the dienst serves: <c>/api/v1/gemeenten</c>, the configured list and who may see which.</summary>
public static class GemeentenModule
{
    public static WebApplicationBuilder AddGemeenten(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The section is a list, so it is bound into the options' list rather than onto the options' properties.
        builder.Services.AddOptions<GemeentenInstellingen>()
            .Configure<IConfiguration>((o, c) => c.GetSection(GemeentenInstellingen.Sectie).Bind(o.Gemeenten))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<GemeentenInstellingen>, GemeentenValidatie>();
        builder.Services.AddSingleton<Gemeentelijst>();
        return builder;
    }

    public static IEndpointRouteBuilder MapGemeenten(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/gemeenten").WithTags("Gemeenten")
            .MapGet("/", (Gemeentelijst gemeenten) => TypedResults.Ok(gemeenten.Alle))
            .RequireAuthorization(Toegang.Medewerker)
            .WithSummary("De gemeenten waarvoor de dienst werkt (CBS-gemeentecode en naam).")
            .ZonderPersoonsgegevens();
        return app;
    }
}
