using KenJeKlant.Host.Infrastructuur;
using KenJeKlant.Grains.Beleid;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Host.Herbeoordelingen;

/// <summary>The herbeoordeling policy and the team view: <c>/api/v1/herbeoordelingen</c>, and a client's next date.</summary>
public static class HerbeoordelingenModule
{
    public static WebApplicationBuilder AddHerbeoordelingen(this WebApplicationBuilder builder)
    {
        builder.AddInstellingen<HerbeoordelingBeleid>(HerbeoordelingBeleid.Sectie)
            .PostConfigure(b => b.VulStandaarden());
        builder.Services.AddSingleton<Herplanning>();
        builder.Services.AddHerbeoordelingScanners();
        return builder;
    }

    public static WebApplication MapHerbeoordelingen(this WebApplication app)
    {
        app.MapHerbeoordelingenApi();
        // Re-plan on policy changes only once the silo is running (grain calls need it).
        app.Lifetime.ApplicationStarted.Register(() => app.Services.GetRequiredService<Herplanning>()
            .VolgBeleid(app.Services.GetRequiredService<IOptionsMonitor<HerbeoordelingBeleid>>(), app.Lifetime.ApplicationStopping));
        return app;
    }
}
