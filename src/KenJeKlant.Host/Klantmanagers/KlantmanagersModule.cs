namespace KenJeKlant.Host.Klantmanagers;

/// <summary>The medewerkers who hold caseloads, and who covers for whom: <c>/api/v1/klantmanagers</c>.</summary>
public static class KlantmanagersModule
{
    public static WebApplicationBuilder AddKlantmanagers(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IMedewerkers, PostgresMedewerkers>();
        return builder;
    }

    public static IEndpointRouteBuilder MapKlantmanagers(this IEndpointRouteBuilder app)
    {
        app.MapKlantmanagersApi();
        return app;
    }
}
