using KenJeKlant.Host.Infrastructuur.Postgres;
using KenJeKlant.Abstractions.Herbeoordelingen;
using KenJeKlant.Grains;
using KenJeKlant.Host.Infrastructuur.Http;
using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Host.Audit;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Host.Klantmanagers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KenJeKlant.Host.Klanten;

public static class KlantenApi
{
    public static RouteGroupBuilder MapKlantenApi(this IEndpointRouteBuilder app)
    {
        var groep = app.MapGroup("/api/v1/klanten").WithTags("Klanten");
        groep.MapGet("/", ZoekKlanten).RequireAuthorization(Toegang.Klantmanager).WithName("ZoekKlanten").WithSummary("Mijn klanten: de caseload (en die u waarneemt), gepagineerd, te zoeken op naam of klantnummer en te filteren op indeling, route, herbeoordeling en open afspraken.").Verwerkt("klantenlijst inzien", AuditActie.Lezen, "klantenlijst");
        groep.MapGet("/{klantnummer}", Dossier).RequireAuthorization(Toegang.EigenKlant).WithName("GetKlant").WithSummary("Het dossier van één klant, met historie.").Verwerkt("klantdossier inzien", AuditActie.Lezen);
        groep.MapGet("/{klantnummer}/bsn", Bsn).RequireAuthorization(Toegang.EigenKlant).WithSummary("Het volledige BSN van de klant (het dossier toont het gemaskeerd).").Verwerkt("BSN inzien", AuditActie.Lezen);
        groep.MapPost("/{klantnummer}/indelingen", RegistreerIndeling).RequireAuthorization(Toegang.EigenKlant).WithSummary("Leg de indeling (klantgroep) vast.").Verwerkt("traject vastleggen", AuditActie.Wijzigen);
        groep.MapPost("/{klantnummer}/tredemetingen", RegistreerTrede).RequireAuthorization(Toegang.EigenKlant).WithSummary("Leg een meting op de participatieladder vast.").Verwerkt("traject vastleggen", AuditActie.Wijzigen);
        groep.MapPost("/{klantnummer}/routes", WijsRouteToe).RequireAuthorization(Toegang.EigenKlant).WithSummary("Wijs een route toe uit de routelijst van de gemeente.").Verwerkt("traject vastleggen", AuditActie.Wijzigen);
        groep.MapPost("/{klantnummer}/ontheffingen", VerleenOntheffing).RequireAuthorization(Toegang.EigenKlant).WithSummary("Verleen een tijdelijke ontheffing arbeidsplicht.").Verwerkt("traject vastleggen", AuditActie.Wijzigen);
        groep.MapPost("/{klantnummer}/uitstroom", RegistreerUitstroom).RequireAuthorization(Toegang.EigenKlant).WithSummary("Leg de beëindiging van de uitkering vast.").Verwerkt("traject vastleggen", AuditActie.Wijzigen);
        return groep;
    }

    private static async Task<Results<Ok<KlantenPagina>, ProblemHttpResult>> ZoekKlanten(
        HttpRequest request, IKlantOverzichten klanten, Caseload caseload, Gemeenten.Gemeentelijst gemeenten, CancellationToken ct,
        string? klantmanager = null, string? wijk = null, string? indeling = null, bool? inBestand = null,
        string? zoek = null, string? route = null, string? herbeoordeling = null, bool? openAfspraken = null, string? gemeente = null,
        int page = 1, int pageSize = 50)
    {
        if (gemeente is not null && gemeenten.Zoek(gemeente) is null)
            return TypedResults.Problem(statusCode: 400, title: "Onbekende gemeente",
                detail: $"gemeente is een van {string.Join(", ", gemeenten.Alle.Select(g => g.Code))}.",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["gemeente"] = ["Deze dienst werkt niet voor die gemeente."] } });
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
        HerbeoordelingStatus? status = null;
        if (herbeoordeling is not null)
        {
            if (!Enum.GetValues<HerbeoordelingStatus>().Any(s => EnumTekst.Van(s) == herbeoordeling))
                return TypedResults.Problem(statusCode: 400, title: "Onbekende herbeoordelingsstatus",
                    detail: "herbeoordeling is gepland, aan-de-beurt of te-laat.");
            status = EnumTekst.Naar<HerbeoordelingStatus>(herbeoordeling);
        }
        // A klantmanager lists their own caseload (and the ones they cover), never the whole bestand.
        var eigen = await caseload.KlantmanagersVanAsync(request.HttpContext.User, ct);
        if (klantmanager is not null && !eigen.Contains(klantmanager))
            return TypedResults.Problem(statusCode: 403, title: "Geen toegang", detail: "U ziet alleen de klanten in uw eigen caseload (en die u waarneemt).");
        var pagina = await klanten.ZoekAsync(new KlantFilter(klantmanager, wijk, gekozen, inBestand, zoek, eigen, route, status, openAfspraken, gemeente?.Trim()), page, pageSize, ct);
        return TypedResults.Ok(new KlantenPagina(pagina.Items, pagina.Totaal, Paginering.Maak(request, page, pageSize, pagina.Totaal)));
    }

    private static async Task<Results<Ok<KlantDossier>, ProblemHttpResult>> Dossier(string klantnummer, IGrainFactory grains)
    {
        var dossier = await grains.GetGrain<IKlantGrain>(klantnummer).GetDossierAsync();
        return dossier is null ? NietGevonden(klantnummer) : TypedResults.Ok(dossier with { Profiel = dossier.Profiel with { Bsn = BsnWeergave.Maskeer(dossier.Profiel.Bsn) } });
    }

    private static async Task<Results<Ok<BsnAntwoord>, ProblemHttpResult>> Bsn(string klantnummer, IGrainFactory grains)
    {
        // The profile alone: the dossier would also read the client's gesprekken from the table.
        var profiel = await grains.GetGrain<IKlantGrain>(klantnummer).GetProfielAsync();
        return profiel is null ? NietGevonden(klantnummer) : TypedResults.Ok(new BsnAntwoord(klantnummer, profiel.Bsn));
    }

    private static Task<Results<NoContent, ProblemHttpResult>> RegistreerIndeling(string klantnummer, IndelingVerzoek v, HttpContext ctx, IGrainFactory grains, Domeinklok klok) =>
        Voer(klantnummer, grains, k => k.RegistreerIndelingAsync(new IndelingRegistratie(v.Indeling, v.Datum ?? klok.Vandaag, Actor.Van(ctx), v.Toelichting)));

    private static Task<Results<NoContent, ProblemHttpResult>> RegistreerTrede(string klantnummer, TredeVerzoek v, HttpContext ctx, IGrainFactory grains, Domeinklok klok) =>
        Voer(klantnummer, grains, k => k.RegistreerTredeAsync(new TredeMeting(v.Trede, v.Datum ?? klok.Vandaag, Actor.Van(ctx))));

    private static Task<Results<NoContent, ProblemHttpResult>> WijsRouteToe(string klantnummer, RouteVerzoek v, HttpContext ctx, IGrainFactory grains, Domeinklok klok) =>
        Voer(klantnummer, grains, k => k.WijsRouteToeAsync(new RouteToewijzing(v.Route, v.Startdatum ?? klok.Vandaag, Actor.Van(ctx))));

    private static Task<Results<NoContent, ProblemHttpResult>> VerleenOntheffing(string klantnummer, OntheffingVerzoek v, HttpContext ctx, IGrainFactory grains) =>
        Voer(klantnummer, grains, k => k.VerleenOntheffingAsync(new Ontheffing(v.Van, v.Tot, v.Grond, Actor.Van(ctx))));

    private static Task<Results<NoContent, ProblemHttpResult>> RegistreerUitstroom(string klantnummer, UitstroomVerzoek v, HttpContext ctx, IGrainFactory grains, Domeinklok klok) =>
        Voer(klantnummer, grains, k => k.RegistreerUitstroomAsync(new Uitstroom(v.Datum ?? klok.Vandaag, v.Reden, Actor.Van(ctx))));

    // Refusals (OvergangGeweigerdException) surface as 409 problem details via DomeinfoutHandler.
    private static async Task<Results<NoContent, ProblemHttpResult>> Voer(string klantnummer, IGrainFactory grains, Func<IKlantGrain, Task> actie)
    {
        await actie(grains.GetGrain<IKlantGrain>(klantnummer));
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NietGevonden(string klantnummer) =>
        TypedResults.Problem(statusCode: 404, title: "Klant niet gevonden", detail: $"Geen klant met klantnummer {klantnummer} in het bestand.");

}

public sealed record BsnAntwoord(string Klantnummer, string? Bsn);

public sealed record KlantenPagina(
    IReadOnlyList<KlantOverzicht> Klanten,
    long Totaal,
    [property: System.Text.Json.Serialization.JsonPropertyName("_links")] Links Links);
