using KenJeKlant.Host.Infrastructuur;
using KenJeKlant.Host.Infrastructuur.Realtime;
using KenJeKlant.Grains.Werklijsten;
using KenJeKlant.Grains.Campagnes;
using KenJeKlant.Grains;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Host.Campagnes.Simulatie;
using KenJeKlant.Host.Infrastructuur.Klok;

namespace KenJeKlant.Host.Campagnes;

/// <summary>Campaigns such as <i>Ik doe mee</i>: <c>/api/v1/campagnes</c> and, live, <c>/hubs/campagnes</c>; the demo simulation.</summary>
public static class CampagnesModule
{
    /// <summary>The campaign policy (defaults for a new campaign and the pace of the machinery) from <c>Beleid:Campagne</c>.</summary>
    public static WebApplicationBuilder AddCampagnes(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PostgresCampagneOpslag>();
        builder.Services.AddSingleton<ICampagneOpslag>(sp => sp.GetRequiredService<PostgresCampagneOpslag>());
        builder.Services.AddSingleton<IGesprekWerklijstBron>(sp => sp.GetRequiredService<PostgresCampagneOpslag>());
        builder.Services.AddSingleton<ICampagneLeesmodel, PostgresCampagneLeesmodel>();
        builder.Services.AddSingleton<CampagneDoorgever>();
        builder.Services.AddSingleton<IDoorgever>(sp => sp.GetRequiredService<CampagneDoorgever>());
        builder.AddInstellingen<CampagneBeleid>(CampagneBeleid.Sectie)
            .PostConfigure(b => b.VulStandaarden());

        builder.AddInstellingen<SimulatieInstellingen>(SimulatieInstellingen.Sectie);
        // The demo's people run when the demo's accelerated clock does (Klok:DagInSeconden, AddDomeinklok's business).
        if ((builder.Configuration.GetSection(KlokInstellingen.Sectie).Get<KlokInstellingen>()?.DagInSeconden ?? 0) > 0)
            builder.Services.AddHostedService<CampagneSimulatie>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCampagnes(this IEndpointRouteBuilder app)
    {
        app.MapCampagnesApi();
        app.MapHub<CampagneHub>("/hubs/campagnes");
        return app;
    }
}
