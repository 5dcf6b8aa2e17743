using KenJeKlant.Host.Infrastructuur.Realtime;
using KenJeKlant.Abstractions.Werklijsten;
using KenJeKlant.Host.Audit;
using KenJeKlant.Host.Beveiliging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KenJeKlant.Host.Werklijsten;

/// <summary>A klantmanager's werklijst: <c>/api/v1/klantmanagers/{id}/werklijst</c> and, live, <c>/hubs/werklijsten</c>.</summary>
public static class WerklijstenModule
{
    public static WebApplicationBuilder AddWerklijsten(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WerklijstDoorgever>();
        builder.Services.AddSingleton<IDoorgever>(sp => sp.GetRequiredService<WerklijstDoorgever>());
        return builder;
    }

    public static IEndpointRouteBuilder MapWerklijsten(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/klantmanagers/{id}/werklijst", Werklijst).WithTags("Werklijsten").RequireAuthorization(Toegang.EigenWerklijst)
            .WithSummary("De werklijst van een klantmanager: herbeoordelingen te laat en aan de beurt, gesprekken, afspraken te controleren.").Verwerkt("werklijst inzien", AuditActie.Lezen, "werklijst");
        app.MapHub<WerklijstHub>("/hubs/werklijsten");
        return app;
    }

    private static async Task<Ok<Werklijst>> Werklijst(string id, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IKlantmanagerGrain>(id).GetWerklijstAsync());
}
