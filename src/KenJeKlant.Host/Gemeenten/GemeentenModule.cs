using KenJeKlant.Grains.Beleid;
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
        // Where the law leaves it to the gemeente (issue 16): each may override these, falling back to the dienst's.
        builder.Services.AddGemeentebeleid<TrajectBeleid>(TrajectBeleid.Sectie, b => b.VulStandaarden());
        builder.Services.AddGemeentebeleid<HerbeoordelingBeleid>(HerbeoordelingBeleid.Sectie, b => b.VulStandaarden());
        builder.Services.AddGemeentebeleid<HandhavingBeleid>(HandhavingBeleid.Sectie, b => b.VulStandaarden(), b =>
        [
            .. b.MaatregelPercentages.Where(p => p is <= 0 or > 100).Select(p => $"MaatregelPercentages liggen tussen 1 en 100, niet {p}."),
            .. b.MaatregelDuurMaanden.Where(m => m <= 0).Select(m => $"MaatregelDuurMaanden zijn positief, niet {m}."),
        ]);
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
