using KenJeKlant.Host.Infrastructuur;
using KenJeKlant.Host.Infrastructuur.Realtime;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Handhaving;
using KenJeKlant.Host.Infrastructuur.Postgres;

namespace KenJeKlant.Host.Handhaving;

public static class HandhavingModule
{
    /// <summary>
    /// The handhaving review: the afstemmingsverordening and zienswijzetermijn from <c>Beleid:Handhaving</c>,
    /// the signal table, <c>/api/v1/handhavingssignalen</c> and, live, <c>/hubs/handhaving</c>.
    /// </summary>
    public static WebApplicationBuilder AddHandhaving(this WebApplicationBuilder builder)
    {
        builder.AddInstellingen<HandhavingBeleid>(HandhavingBeleid.Sectie)
            .PostConfigure(b => b.VulStandaarden())
            .Validate(b => b.MaatregelPercentages.All(p => p is > 0 and <= 100), "Beleid:Handhaving:MaatregelPercentages liggen tussen 1 en 100.")
            .Validate(b => b.MaatregelDuurMaanden.All(m => m > 0), "Beleid:Handhaving:MaatregelDuurMaanden zijn positief.")
            .Validate(b => b.ZienswijzeTermijnDagen > 0, "Beleid:Handhaving:ZienswijzeTermijnDagen is ten minste 1.");

        builder.Services.AddSingleton<PostgresHandhaving>();
        builder.Services.AddSingleton<IHandhavingOpslag>(sp => sp.GetRequiredService<PostgresHandhaving>());
        builder.Services.AddSingleton<IHandhavingLeesmodel>(sp => sp.GetRequiredService<PostgresHandhaving>());
        builder.Services.AddSingleton<HandhavingsbriefAfdrukken>();
        builder.Services.AddSingleton<HandhavingDoorgever>();
        builder.Services.AddSingleton<IDoorgever>(sp => sp.GetRequiredService<HandhavingDoorgever>());
        return builder;
    }

    public static IEndpointRouteBuilder MapHandhaving(this IEndpointRouteBuilder app)
    {
        app.MapHandhavingApi();
        app.MapHub<HandhavingHub>("/hubs/handhaving");
        return app;
    }
}
