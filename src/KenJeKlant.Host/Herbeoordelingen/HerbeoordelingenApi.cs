using KenJeKlant.Grains;
using KenJeKlant.Host.Infrastructuur.Http;
using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Host.Audit;
using KenJeKlant.Abstractions.Herbeoordelingen;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Abstractions.Werklijsten;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Host.Herbeoordelingen;
using KenJeKlant.Host.Klanten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Host.Herbeoordelingen;

public static class HerbeoordelingenApi
{
    public static IEndpointRouteBuilder MapHerbeoordelingenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/klanten/{klantnummer}/herbeoordeling", SpreekAf).WithTags("Herbeoordelingen").RequireAuthorization(Toegang.EigenKlant)
            .WithSummary("Leg een andere datum voor de volgende herbeoordeling vast, met reden.").Verwerkt("herbeoordeling afspreken", AuditActie.Wijzigen);
        var groep = app.MapGroup("/api/v1/herbeoordelingen").WithTags("Herbeoordelingen");
        groep.MapGet("/team", Team).RequireAuthorization(Toegang.Programma).WithSummary("Per klantmanager: aantallen gepland, aan de beurt en te laat. Geen persoonsgegevens.").ZonderPersoonsgegevens();
        groep.MapPost("/herplanning", Herplan).RequireAuthorization(Toegang.Beheer).WithSummary("Plan alle herbeoordelingen opnieuw volgens het huidige beleid.").Verwerkt("herbeoordelingen herplannen", AuditActie.Wijzigen, "bestand");
        return app;
    }

    private static async Task<NoContent> SpreekAf(string klantnummer, HerbeoordelingVerzoek v, HttpContext ctx, IGrainFactory grains)
    {
        await grains.GetGrain<IKlantGrain>(klantnummer).SpreekHerbeoordelingAfAsync(new HerbeoordelingAfspraak(v.Datum, v.Reden, Actor.Van(ctx)));
        return TypedResults.NoContent();
    }

    private static async Task<Ok<TeamOverzicht>> Team(IKlantOverzichten klanten, IOptionsMonitor<HerbeoordelingBeleid> beleid, Domeinklok klok, CancellationToken ct)
    {
        var vandaag = klok.Vandaag;
        var tellingen = await klanten.TelHerbeoordelingenAsync(vandaag, beleid.CurrentValue.TeLaatNaDagen, ct);
        return TypedResults.Ok(new TeamOverzicht(vandaag, tellingen));
    }

    private static async Task<Ok<Herplanning.Rapport>> Herplan(Herplanning herplanning, CancellationToken ct) =>
        TypedResults.Ok(await herplanning.HerplanAlleAsync(ct));
}

public sealed record HerbeoordelingVerzoek(DateOnly Datum, string Reden);

public sealed record TeamOverzicht(DateOnly Peildatum, IReadOnlyList<HerbeoordelingTelling> Klantmanagers);
