using KenJeKlant.Host.Infrastructuur;

namespace KenJeKlant.Host.Rapportages;

/// <summary>
/// Management information over time (<c>/api/v1/rapportages/{soort}</c>): the bestand, in- and uitstroom, gesprekken,
/// the ladder, herbeoordelingen, handhaving, uitkomsten and the doelenboom, per gemeente and together, as JSON, CSV,
/// XLSX or a printable page. Read from the peildata; counts only, small cells hidden.
/// </summary>
public static class RapportagesModule
{
    public static WebApplicationBuilder AddRapportages(this WebApplicationBuilder builder)
    {
        builder.AddInstellingen<RapportagesInstellingen>(RapportagesInstellingen.Sectie).PostConfigure(i => i.VulStandaarden());
        builder.Services.AddSingleton<PostgresRapportages>();
        builder.Services.AddSingleton<Rapportbouwer>();
        return builder;
    }

    public static IEndpointRouteBuilder MapRapportages(this IEndpointRouteBuilder app)
    {
        app.MapRapportagesApi();
        return app;
    }
}
