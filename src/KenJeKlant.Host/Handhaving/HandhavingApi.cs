using KenJeKlant.Host.Gemeenten;
using KenJeKlant.Host.Infrastructuur.Http;
using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Host.Audit;
using KenJeKlant.Abstractions.Handhaving;
using KenJeKlant.Host.Handhaving;
using KenJeKlant.Host.Infrastructuur.Postgres;
using KenJeKlant.Host.Klantmanagers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KenJeKlant.Host.Handhaving;

/// <summary>
/// The handhaving queue and the review of one signal. Every step is a person's, recorded with who
/// (from the request's user), when and why; a step out of order or a decision without the steps the
/// law asks answers 409 saying why. Nothing here decides by itself.
/// </summary>
public static class HandhavingApi
{
    public static IEndpointRouteBuilder MapHandhavingApi(this IEndpointRouteBuilder app)
    {
        var groep = app.MapGroup("/api/v1/handhavingssignalen").WithTags("Handhaving").RequireAuthorization(Toegang.Handhaving);
        groep.MapGet("/", Lijst)
            .WithSummary("Signalen na herhaald niet verschijnen (status open, in-behandeling of besloten). Een medewerker beoordeelt elk signaal; het systeem beslist niets.").Verwerkt("handhavingssignalen inzien", AuditActie.Lezen, "handhavingssignalen");
        groep.MapGet("/{id:guid}", Detail)
            .WithSummary("Het signaal, de stappen van de beoordeling en de uitnodigingen van de klant in die campagne. Geen BSN, geen dossier.").Verwerkt("handhavingszaak inzien", AuditActie.Lezen, "handhavingssignaal");
        groep.MapPost("/{id:guid}/behandeling", (Guid id, ToelichtingVerzoek v, HttpContext ctx, IGrainFactory g) =>
                Stap(id, ctx, g, s => s.NeemInBehandelingAsync(Actor.Van(ctx), v.Toelichting!)))
            .WithSummary("Neem het signaal in behandeling.").Verwerkt("handhavingszaak behandelen", AuditActie.Wijzigen, "handhavingssignaal");
        groep.MapPost("/{id:guid}/teruggave", (Guid id, ToelichtingVerzoek v, HttpContext ctx, IGrainFactory g) =>
                Stap(id, ctx, g, s => s.GeefTerugAsync(Actor.Van(ctx), v.Toelichting!)))
            .WithSummary("Geef het signaal terug aan de wachtrij; de stappen tot nu toe blijven staan.").Verwerkt("handhavingszaak behandelen", AuditActie.Wijzigen, "handhavingssignaal");
        groep.MapPost("/{id:guid}/bezorging", (Guid id, BezorgingVerzoek v, HttpContext ctx, IGrainFactory g) =>
                Stap(id, ctx, g, s => s.RegistreerBezorgingAsync(v.Bezorgd!.Value, Actor.Van(ctx), v.Toelichting!)))
            .WithSummary("Leg vast of de uitnodiging is bezorgd (adres, retourpost).").Verwerkt("handhavingszaak behandelen", AuditActie.Wijzigen, "handhavingssignaal");
        groep.MapPost("/{id:guid}/contactpogingen", (Guid id, ContactpogingVerzoek v, HttpContext ctx, IGrainFactory g) =>
                Stap(id, ctx, g, s => s.RegistreerContactpogingAsync(v.Kanaal!.Value, v.Bereikt!.Value, Actor.Van(ctx), v.Toelichting!)))
            .WithSummary("Leg een poging vast om de klant te bereiken.").Verwerkt("handhavingszaak behandelen", AuditActie.Wijzigen, "handhavingssignaal");
        groep.MapPost("/{id:guid}/zienswijze", (Guid id, ZienswijzeVerzoek v, HttpContext ctx, IGrainFactory g) =>
                Stap(id, ctx, g, s => s.RegistreerZienswijzeAsync(v.Soort!.Value, v.Samenvatting, Actor.Van(ctx), v.Toelichting!)))
            .WithSummary("Leg de zienswijze van de klant vast, of dat de klant binnen de termijn niet reageerde.").Verwerkt("handhavingszaak behandelen", AuditActie.Wijzigen, "handhavingssignaal");
        groep.MapPost("/{id:guid}/beoordeling", (Guid id, BeoordelingVerzoek v, HttpContext ctx, IGrainFactory g) =>
                Stap(id, ctx, g, s => s.RegistreerBeoordelingAsync(v.Verwijtbaarheid!.Value, v.DringendeRedenen!.Value, Actor.Van(ctx), v.Toelichting!)))
            .WithSummary("Leg de beoordeling van verwijtbaarheid en dringende redenen vast.").Verwerkt("handhavingszaak behandelen", AuditActie.Wijzigen, "handhavingssignaal");
        groep.MapPost("/{id:guid}/besluit", (Guid id, BesluitVerzoek v, HttpContext ctx, IGrainFactory g) =>
                Stap(id, ctx, g, s => s.NeemBesluitAsync(v.Soort!.Value, v.Percentage, v.DuurMaanden, Actor.Van(ctx), v.Toelichting!)))
            .WithSummary("Neem het besluit: geen maatregel, waarschuwing, voorstel maatregel of rechtmatigheidsonderzoek.").Verwerkt("handhavingszaak behandelen", AuditActie.Wijzigen, "handhavingssignaal");
        groep.MapPost("/{id:guid}/voornemen", (Guid id, VoornemenVerzoek v, HttpContext ctx, IGrainFactory g) =>
                Stap(id, ctx, g, s => s.VerstuurVoornemenAsync(v.Soort!.Value, v.Percentage, v.DuurMaanden, Actor.Van(ctx), v.Toelichting!)))
            .WithSummary("Verstuur het voornemen (na de beoordeling, vóór het besluit) bij een waarschuwing of voorstel maatregel: wat van plan is en waarom, en tot wanneer en hoe de klant een zienswijze kan geven. De brief gaat via de outbox.")
            .Verwerkt("handhavingsbrief versturen", AuditActie.Wijzigen, "handhavingssignaal");
        groep.MapPost("/{id:guid}/besluitbrief", (Guid id, BesluitbriefVerzoek v, HttpContext ctx, IGrainFactory g) =>
                Stap(id, ctx, g, s => s.VerstuurBesluitbriefAsync(v.Ingangsdatum, Actor.Van(ctx), v.Toelichting!)))
            .WithSummary("Verstuur de besluitbrief (beschikking) met de bezwaarclausule. Bij een waarschuwing of maatregel pas na het voornemen en na de zienswijzetermijn (anders 409 met de reden).")
            .Verwerkt("handhavingsbrief versturen", AuditActie.Wijzigen, "handhavingssignaal");
        groep.MapGet("/{id:guid}/brieven/{briefId:guid}.html", BriefHtml)
            .WithSummary("Een voornemen- of besluitbrief van dit signaal als afdrukbare HTML, zoals hij is verstuurd.")
            .Produces(200, contentType: "text/html").Verwerkt("handhavingsbrief inzien", AuditActie.Lezen, "brief");
        groep.MapGet("/{id:guid}/brieven/{briefId:guid}.pdf", BriefPdf)
            .WithSummary("Een voornemen- of besluitbrief van dit signaal als PDF, zoals hij is verstuurd.")
            .Produces(200, contentType: "application/pdf").Verwerkt("handhavingsbrief inzien", AuditActie.Lezen, "brief");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<SignaalRegel>>, ValidationProblem>> Lijst(
        IHandhavingLeesmodel leesmodel, CancellationToken ct, string? status = null)
    {
        SignaalStatus? gekozen = null;
        if (status is not null)
        {
            if (!Enum.GetValues<SignaalStatus>().Any(s => EnumTekst.Van(s) == status))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["status is open, in-behandeling of besloten."] },
                    title: "Onbekende status");
            gekozen = EnumTekst.Naar<SignaalStatus>(status);
        }
        return TypedResults.Ok(await leesmodel.SignalenAsync(gekozen, ct));
    }

    private static async Task<Results<Ok<SignaalDetail>, ProblemHttpResult>> Detail(
        Guid id, HttpContext ctx, IGrainFactory grains, IHandhavingLeesmodel leesmodel, CancellationToken ct)
    {
        if (await grains.GetGrain<IHandhavingssignaalGrain>(id).GetAsync() is not { } review) return NietGevonden(id);
        AuditBetrokkene.Noem(ctx, $"klant {review.Signaal.Klantnummer}");
        var historie = await leesmodel.UitnodigingshistorieAsync(review.Signaal.Klantnummer, review.Signaal.CampagneId, ct);
        return TypedResults.Ok(new SignaalDetail(review, review.Signaal.Klantnummer, historie?.Naam ?? "", historie?.Klantmanager ?? "",
            historie?.CampagneNaam ?? review.Signaal.CampagneId, historie?.Gesprekken ?? []));
    }

    // The body was validated before this runs (Microsoft.Extensions.Validation: 400 naming the field); an
    // unknown signal is 404 and a refused step 409, both from the grain via DomeinfoutHandler.
    private static async Task<Ok<HandhavingsReview>> Stap(
        Guid id, HttpContext ctx, IGrainFactory grains, Func<IHandhavingssignaalGrain, Task<HandhavingsReview>> actie)
    {
        var review = await actie(grains.GetGrain<IHandhavingssignaalGrain>(id));
        AuditBetrokkene.Noem(ctx, $"klant {review.Signaal.Klantnummer}");
        return TypedResults.Ok(review);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> BriefHtml(
        Guid id, Guid briefId, HttpContext ctx, IHandhavingLeesmodel leesmodel, Gemeentelijst gemeenten, CancellationToken ct)
    {
        if (await leesmodel.BriefAsync(id, briefId, ct) is not { } gelezen) return GeenBrief(id, briefId);
        var afdruk = MetGemeente(gelezen, gemeenten);
        AuditBetrokkene.Noem(ctx, $"klant {afdruk.Brief.Klantnummer}");
        return TypedResults.Content(HandhavingsbriefAfdrukken.Html(afdruk), "text/html; charset=utf-8");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> BriefPdf(
        Guid id, Guid briefId, HttpContext ctx, IHandhavingLeesmodel leesmodel, HandhavingsbriefAfdrukken afdrukken, Gemeentelijst gemeenten, CancellationToken ct)
    {
        if (await leesmodel.BriefAsync(id, briefId, ct) is not { } gelezen) return GeenBrief(id, briefId);
        var afdruk = MetGemeente(gelezen, gemeenten);
        AuditBetrokkene.Noem(ctx, $"klant {afdruk.Brief.Klantnummer}");
        return TypedResults.File(afdrukken.Pdf(afdruk), "application/pdf", $"{EnumTekst.Van(afdruk.Brief.Soort)}-{afdruk.Brief.Klantnummer}.pdf");
    }

    // A signal of a client without a gemeente (before gemeenten) is the dienst's only gemeente's.
    private static HandhavingsbriefAfdruk MetGemeente(HandhavingsbriefAfdruk afdruk, Gemeentelijst gemeenten) =>
        afdruk with { Gemeente = afdruk.GemeenteCode is { } code ? gemeenten.Zoek(code) : gemeenten.Enige };

    private static ProblemHttpResult GeenBrief(Guid id, Guid briefId) =>
        TypedResults.Problem(statusCode: 404, title: "Brief niet gevonden", detail: $"Handhavingssignaal {id} heeft geen brief met id {briefId}.");

    private static ProblemHttpResult NietGevonden(Guid id) =>
        TypedResults.Problem(statusCode: 404, title: "Signaal niet gevonden", detail: $"Er is geen handhavingssignaal met id {id}.");
}

/// <summary>What the review needs of one signal: the review itself, who the client is and their invitations in that campaign.</summary>
public sealed record SignaalDetail(
    HandhavingsReview Review, string Klantnummer, string Naam, string Klantmanager, string CampagneNaam,
    IReadOnlyList<UitnodigingInCampagne> Uitnodigingen);
