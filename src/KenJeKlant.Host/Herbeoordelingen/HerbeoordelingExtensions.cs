using KenJeKlant.Grains.Beleid;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Host.Herbeoordelingen;

public static class HerbeoordelingExtensions
{
    public static WebApplicationBuilder AddKenJeKlantHerbeoordelingen(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Herplanning>();
        return builder;
    }

    /// <summary>Re-plan on policy changes only once the silo is running (grain calls need it).</summary>
    public static WebApplication VolgHerbeoordelingBeleid(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() => app.Services.GetRequiredService<Herplanning>()
            .VolgBeleid(app.Services.GetRequiredService<IOptionsMonitor<HerbeoordelingBeleid>>(), app.Lifetime.ApplicationStopping));
        return app;
    }
}
