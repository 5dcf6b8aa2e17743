using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.PlanVanAanpak;
using KenJeKlant.Grains.Werklijsten;
using KenJeKlant.Host.Infrastructuur;

namespace KenJeKlant.Host.PlanVanAanpak;

/// <summary>
/// A client's plan van aanpak: <c>/api/v1/klanten/{klantnummer}/plan-van-aanpak</c>. Its tables (V015) are written by
/// one <see cref="PlanVanAanpakGrain"/> per client; the werklijst reads the afspraken to check from the same store.
/// </summary>
public static class PlanVanAanpakModule
{
    public static WebApplicationBuilder AddPlanVanAanpak(this WebApplicationBuilder builder)
    {
        builder.AddInstellingen<PlanVanAanpakBeleid>(PlanVanAanpakBeleid.Sectie)
            .PostConfigure(b => b.VulStandaarden())
            .Validate(b => b.Partners.All(p => !string.IsNullOrWhiteSpace(p)) && b.Leefdomeinen.All(d => !string.IsNullOrWhiteSpace(d)),
                "Beleid:PlanVanAanpak: Partners en Leefdomeinen bevatten geen lege namen.");
        builder.AddInstellingen<AfdrukInstellingen>(AfdrukInstellingen.Sectie)
            .Validate(i => AfdrukInstellingen.Ontbreekt(i) is null, "Afdruk: een lettertype voor het afdrukbare plan van aanpak ontbreekt " +
                "(Afdruk:Lettertype, Afdruk:LettertypeVet; standaard Liberation Sans uit fonts-liberation2: deploy/local/lettertype.sh installeert het).");
        builder.Services.AddSingleton<PostgresPlanVanAanpak>();
        builder.Services.AddSingleton<IPlanVanAanpakOpslag>(sp => sp.GetRequiredService<PostgresPlanVanAanpak>());
        builder.Services.AddSingleton<IAfspraakWerklijstBron>(sp => sp.GetRequiredService<PostgresPlanVanAanpak>());
        builder.Services.AddSingleton<IAfspraakTellingen>(sp => sp.GetRequiredService<PostgresPlanVanAanpak>());
        builder.Services.AddSingleton<PlanAfdrukken>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPlanVanAanpak(this IEndpointRouteBuilder app)
    {
        app.MapPlanVanAanpakApi();
        return app;
    }
}
