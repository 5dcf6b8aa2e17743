using KenJeKlant.Host.Infrastructuur;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Klanten;
using KenJeKlant.Grains.Werklijsten;

namespace KenJeKlant.Host.Klanten;

/// <summary>The bestand's clients and their trajectory: <c>/api/v1/klanten</c>.</summary>
public static class KlantenModule
{
    public static WebApplicationBuilder AddKlanten(this WebApplicationBuilder builder)
    {
        builder.AddInstellingen<TrajectBeleid>(TrajectBeleid.Sectie)
            .PostConfigure(b => b.VulStandaarden());
        builder.Services.AddSingleton<KlantenInBestand>();
        builder.Services.AddSingleton<PostgresKlantOverzichten>();
        builder.Services.AddSingleton<IKlantOverzichten>(sp => sp.GetRequiredService<PostgresKlantOverzichten>());
        builder.Services.AddSingleton<IWerklijstBron>(sp => sp.GetRequiredService<PostgresKlantOverzichten>());
        return builder;
    }

    public static IEndpointRouteBuilder MapKlanten(this IEndpointRouteBuilder app)
    {
        app.MapKlantenApi();
        return app;
    }
}
