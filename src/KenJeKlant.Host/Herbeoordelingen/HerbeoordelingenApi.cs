using KenJeKlant.Grains;
using KenJeKlant.Host.Infrastructuur.Http;
using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Host.Audit;
using KenJeKlant.Abstractions.Herbeoordelingen;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Abstractions.Werklijsten;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Host.Herbeoordelingen;
using KenJeKlant.Host.Gesprekken;
using KenJeKlant.Host.Klanten;
using KenJeKlant.Host.PlanVanAanpak;
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
        groep.MapGet("/team", Team).RequireAuthorization(Toegang.Programma).WithSummary("Per klantmanager: herbeoordelingen gepland, aan de beurt en te laat, open afspraken uit plannen van aanpak (waarvan over de deadline), gesprekken gepland en verzettingen. Alleen aantallen, geen persoonsgegevens.").ZonderPersoonsgegevens();
        groep.MapPost("/herplanning", Herplan).RequireAuthorization(Toegang.Beheer).WithSummary("Plan alle herbeoordelingen opnieuw volgens het huidige beleid.").Verwerkt("herbeoordelingen herplannen", AuditActie.Wijzigen, "bestand");
        return app;
    }

    private static async Task<NoContent> SpreekAf(string klantnummer, HerbeoordelingVerzoek v, HttpContext ctx, IGrainFactory grains)
    {
        await grains.GetGrain<IKlantGrain>(klantnummer).SpreekHerbeoordelingAfAsync(new HerbeoordelingAfspraak(v.Datum, v.Reden, Actor.Van(ctx)));
        return TypedResults.NoContent();
    }

    private static async Task<Ok<TeamOverzicht>> Team(
        IKlantOverzichten klanten, IAfspraakTellingen afspraken, IGesprekTellingen gesprekken, IOptionsMonitor<HerbeoordelingBeleid> beleid, Domeinklok klok, CancellationToken ct)
    {
        var vandaag = klok.Vandaag;
        var herbeoordelingen = (await klanten.TelHerbeoordelingenAsync(vandaag, beleid.CurrentValue.TeLaatNaDagen, ct)).ToDictionary(t => t.Klantmanager, StringComparer.Ordinal);
        var open = await afspraken.TelPerKlantmanagerAsync(vandaag, ct);
        var perKm = await gesprekken.TelPerKlantmanagerAsync(klok.Nu.AddYears(-1), ct);
        var regels = herbeoordelingen.Keys.Union(open.Keys).Union(perKm.Keys).Order(StringComparer.Ordinal).Select(km =>
        {
            var h = herbeoordelingen.GetValueOrDefault(km);
            var a = open.GetValueOrDefault(km);
            var g = perKm.GetValueOrDefault(km);
            return new TeamRegel(km, h?.Gepland ?? 0, h?.AanDeBeurt ?? 0, h?.TeLaat ?? 0, a?.Open ?? 0, a?.TeLaat ?? 0)
            {
                GesprekkenGepland = g?.Open ?? 0,
                Verzettingen = g?.Verzettingen ?? 0,
            };
        });
        return TypedResults.Ok(new TeamOverzicht(vandaag, [.. regels]));
    }

    private static async Task<Ok<Herplanning.Rapport>> Herplan(Herplanning herplanning, CancellationToken ct) =>
        TypedResults.Ok(await herplanning.HerplanAlleAsync(ct));
}

public sealed record HerbeoordelingVerzoek(DateOnly Datum, string Reden);

public sealed record TeamOverzicht(DateOnly Peildatum, IReadOnlyList<TeamRegel> Klantmanagers);

/// <summary>
/// One klantmanager's counts: herbeoordelingen gepland, aan de beurt, te laat; afspraken open in current plans van
/// aanpak and, of those, past their deadline (<c>afsprakenTeLaat</c>: the deadline was before the peildatum).
/// </summary>
/// <c>gesprekkenGepland</c>: gesprekken still to come; <c>verzettingen</c>: moves of gesprekken of the last year.
public sealed record TeamRegel(string Klantmanager, int Gepland, int AanDeBeurt, int TeLaat, int OpenAfspraken, int AfsprakenTeLaat)
{
    public int GesprekkenGepland { get; init; }
    public int Verzettingen { get; init; }
}
