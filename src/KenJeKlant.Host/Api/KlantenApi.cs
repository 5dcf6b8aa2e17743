using KenJeKlant.Host.Audit;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Host.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KenJeKlant.Host.Api;

public static class KlantenApi
{
    public static RouteGroupBuilder MapKlantenApi(this IEndpointRouteBuilder app)
    {
        var groep = app.MapGroup("/api/v1/klanten").WithTags("Klanten");
        groep.MapGet("/", ZoekKlanten).WithName("ZoekKlanten").WithSummary("Klanten uit het bestand, gepagineerd en te filteren.").Verwerkt("klantenlijst inzien", AuditActie.Lezen, "klantenlijst");
        groep.MapGet("/{klantnummer}", Dossier).WithName("GetKlant").WithSummary("Het dossier van één klant, met historie.").Verwerkt("klantdossier inzien", AuditActie.Lezen);
        groep.MapPost("/{klantnummer}/indelingen", RegistreerIndeling).WithSummary("Leg de indeling (klantgroep) vast.").Verwerkt("traject vastleggen", AuditActie.Wijzigen);
        groep.MapPost("/{klantnummer}/tredemetingen", RegistreerTrede).WithSummary("Leg een meting op de participatieladder vast.").Verwerkt("traject vastleggen", AuditActie.Wijzigen);
        groep.MapPost("/{klantnummer}/routes", WijsRouteToe).WithSummary("Wijs een route toe uit de routelijst van de gemeente.").Verwerkt("traject vastleggen", AuditActie.Wijzigen);
        groep.MapPost("/{klantnummer}/ontheffingen", VerleenOntheffing).WithSummary("Verleen een tijdelijke ontheffing arbeidsplicht.").Verwerkt("traject vastleggen", AuditActie.Wijzigen);
        groep.MapPost("/{klantnummer}/uitstroom", RegistreerUitstroom).WithSummary("Leg de beëindiging van de uitkering vast.").Verwerkt("traject vastleggen", AuditActie.Wijzigen);
        return groep;
    }

    private static async Task<Results<Ok<KlantenPagina>, ProblemHttpResult>> ZoekKlanten(
        HttpRequest request, IKlantOverzichten klanten, CancellationToken ct,
        string? klantmanager = null, string? wijk = null, string? indeling = null, bool? inBestand = null,
        string? zoek = null, int page = 1, int pageSize = 50)
    {
        if (page < 1 || pageSize < 1 || pageSize > Paginering.MaxPaginagrootte)
            return TypedResults.Problem(statusCode: 400, title: "Ongeldige paginering",
                detail: $"page begint bij 1; pageSize ligt tussen 1 en {Paginering.MaxPaginagrootte}.");
        Indeling? gekozen = null;
        if (indeling is not null)
        {
            if (!IndelingParameter.TryParse(indeling, out var i))
                return TypedResults.Problem(statusCode: 400, title: "Onbekende indeling",
                    detail: "indeling is zonder-afstand, overbrugbare-afstand of onoverbrugbare-afstand.");
            gekozen = i;
        }
        var pagina = await klanten.ZoekAsync(new KlantFilter(klantmanager, wijk, gekozen, inBestand, zoek), page, pageSize, ct);
        return TypedResults.Ok(new KlantenPagina(pagina.Items, pagina.Totaal, Paginering.Maak(request, page, pageSize, pagina.Totaal)));
    }

    private static async Task<Results<Ok<KlantDossier>, ProblemHttpResult>> Dossier(string klantnummer, IGrainFactory grains)
    {
        var dossier = await grains.GetGrain<IKlantGrain>(klantnummer).GetDossierAsync();
        return dossier is null ? NietGevonden(klantnummer) : TypedResults.Ok(dossier);
    }

    private static Task<Results<NoContent, ProblemHttpResult>> RegistreerIndeling(string klantnummer, IndelingVerzoek v, HttpContext ctx, IGrainFactory grains, TimeProvider klok) =>
        Voer(klantnummer, grains, k => k.RegistreerIndelingAsync(new IndelingRegistratie(v.Indeling, v.Datum ?? Vandaag(klok), Actor.Van(ctx), v.Toelichting)));

    private static Task<Results<NoContent, ProblemHttpResult>> RegistreerTrede(string klantnummer, TredeVerzoek v, HttpContext ctx, IGrainFactory grains, TimeProvider klok) =>
        Voer(klantnummer, grains, k => k.RegistreerTredeAsync(new TredeMeting(v.Trede, v.Datum ?? Vandaag(klok), Actor.Van(ctx))));

    private static Task<Results<NoContent, ProblemHttpResult>> WijsRouteToe(string klantnummer, RouteVerzoek v, HttpContext ctx, IGrainFactory grains, TimeProvider klok) =>
        Voer(klantnummer, grains, k => k.WijsRouteToeAsync(new RouteToewijzing(v.Route, v.Startdatum ?? Vandaag(klok), Actor.Van(ctx))));

    private static Task<Results<NoContent, ProblemHttpResult>> VerleenOntheffing(string klantnummer, OntheffingVerzoek v, HttpContext ctx, IGrainFactory grains) =>
        Voer(klantnummer, grains, k => k.VerleenOntheffingAsync(new Ontheffing(v.Van, v.Tot, v.Grond, Actor.Van(ctx))));

    private static Task<Results<NoContent, ProblemHttpResult>> RegistreerUitstroom(string klantnummer, UitstroomVerzoek v, HttpContext ctx, IGrainFactory grains, TimeProvider klok) =>
        Voer(klantnummer, grains, k => k.RegistreerUitstroomAsync(new Uitstroom(v.Datum ?? Vandaag(klok), v.Reden, Actor.Van(ctx))));

    // Refusals (OvergangGeweigerdException) surface as 409 problem details via OvergangGeweigerdHandler.
    private static async Task<Results<NoContent, ProblemHttpResult>> Voer(string klantnummer, IGrainFactory grains, Func<IKlantGrain, Task> actie)
    {
        await actie(grains.GetGrain<IKlantGrain>(klantnummer));
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NietGevonden(string klantnummer) =>
        TypedResults.Problem(statusCode: 404, title: "Klant niet gevonden", detail: $"Geen klant met klantnummer {klantnummer} in het bestand.");

    private static DateOnly Vandaag(TimeProvider klok) => DateOnly.FromDateTime(klok.GetLocalNow().DateTime);
}

public sealed record KlantenPagina(
    IReadOnlyList<KlantOverzicht> Klanten,
    long Totaal,
    [property: System.Text.Json.Serialization.JsonPropertyName("_links")] Links Links);
