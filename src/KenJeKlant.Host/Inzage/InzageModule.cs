using KenJeKlant.Host.Infrastructuur;

namespace KenJeKlant.Host.Inzage;

/// <summary>
/// Inzage (AVG art. 15): <c>/api/v1/klanten/{klantnummer}/inzage</c>, everything held about one client and every
/// processing of their data, for the beheerder acting as privacy officer.
/// </summary>
public static class InzageModule
{
    public static WebApplicationBuilder AddInzage(this WebApplicationBuilder builder)
    {
        builder.AddInstellingen<InzageInstellingen>(InzageInstellingen.Sectie);
        builder.Services.AddSingleton<PostgresInzage>();
        return builder;
    }

    public static IEndpointRouteBuilder MapInzage(this IEndpointRouteBuilder app)
    {
        app.MapInzageApi();
        return app;
    }
}
