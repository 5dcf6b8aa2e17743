using System.ComponentModel.DataAnnotations;
using KenJeKlant.Abstractions.Rechtmatigheid;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Host.Audit;
using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Host.Infrastructuur.Http;
using KenJeKlant.Host.Infrastructuur.Postgres;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Host.Rechtmatigheid;

/// <summary>
/// Rechtmatigheidssignalen: raised by the client's own klantmanager with facts (never automatically, never from a
/// score), a queue of their own for handhaving with their own steps (onderzoek, horen, conclusie) and their own letter.
/// </summary>
public static class RechtmatigheidApi
{
    public static IEndpointRouteBuilder MapRechtmatigheidApi(this IEndpointRouteBuilder app)
    {
        var klant = app.MapGroup("/api/v1/klanten/{klantnummer}/rechtmatigheidssignalen").WithTags("Rechtmatigheid").RequireAuthorization(Toegang.EigenKlant);
        klant.MapPost("/", Meld)
            .WithSummary("Meld een twijfel aan het recht op uitkering (art. 17/54 Participatiewet) met de feiten. Alleen de eigen klantmanager; handhaving ziet alleen wat hier staat.")
            .Verwerkt("rechtmatigheidssignaal melden", AuditActie.Wijzigen);
        klant.MapGet("/aanleidingen", (IOptionsMonitor<RechtmatigheidBeleid> beleid) => TypedResults.Ok(beleid.CurrentValue.Aanleidingen as IReadOnlyList<string>))
            .WithSummary("De aanleidingen die een rechtmatigheidssignaal kan hebben (Beleid:Rechtmatigheid:Aanleidingen).")
            .ZonderPersoonsgegevens();

        var groep = app.MapGroup("/api/v1/rechtmatigheidssignalen").WithTags("Rechtmatigheid").RequireAuthorization(Toegang.Handhaving);
        groep.MapGet("/", Lijst)
            .WithSummary("De rechtmatigheidssignalen (status gemeld, in-onderzoek, horen of afgerond), met de feiten die de klantmanager gaf.")
            .Verwerkt("rechtmatigheidssignalen inzien", AuditActie.Lezen, "rechtmatigheidssignalen");
        groep.MapGet("/{id:guid}", Detail)
            .WithSummary("Eén rechtmatigheidssignaal met zijn stappen. Geen BSN, geen dossier.")
            .Verwerkt("rechtmatigheidszaak inzien", AuditActie.Lezen, "rechtmatigheidssignaal");
        groep.MapPost("/{id:guid}/onderzoek", (Guid id, RechtmatigheidToelichting v, HttpContext ctx, IGrainFactory g) =>
                Stap(id, ctx, g, s => s.StartOnderzoekAsync(Actor.Van(ctx), v.Toelichting!)))
            .WithSummary("Start het onderzoek: gemeld → in onderzoek.").Verwerkt("rechtmatigheidszaak behandelen", AuditActie.Wijzigen, "rechtmatigheidssignaal");
        groep.MapPost("/{id:guid}/horen", (Guid id, HorenVerzoek v, HttpContext ctx, IGrainFactory g, IOptionsMonitor<RechtmatigheidBeleid> beleid) =>
                Stap(id, ctx, g, s => s.RoepOpAsync(v.Moment!.Value, string.IsNullOrWhiteSpace(v.Locatie) ? beleid.CurrentValue.Hoorlocatie : v.Locatie, Actor.Van(ctx), v.Toelichting!)))
            .WithSummary("Roep de klant op om gehoord te worden (art. 17/54): de oproep gaat via de outbox. In onderzoek → horen.")
            .Verwerkt("rechtmatigheidszaak behandelen", AuditActie.Wijzigen, "rechtmatigheidssignaal");
        groep.MapPost("/{id:guid}/conclusie", (Guid id, ConclusieVerzoek v, HttpContext ctx, IGrainFactory g) =>
                Stap(id, ctx, g, s => s.ConcludeerAsync(v.Soort!.Value, Actor.Van(ctx), v.Toelichting!)))
            .WithSummary("Leg de conclusie vast: geen-gevolgen, terugvordering-voorgesteld of aangifte-voorgesteld. Een voorstel; het besluit valt buiten dit systeem.")
            .Verwerkt("rechtmatigheidszaak behandelen", AuditActie.Wijzigen, "rechtmatigheidssignaal");
        groep.MapGet("/{id:guid}/oproep.html", Oproep)
            .WithSummary("De oproep om gehoord te worden (art. 17/54) als afdrukbare HTML, in eenvoudig Nederlands.")
            .Produces(200, contentType: "text/html").Verwerkt("rechtmatigheidsoproep inzien", AuditActie.Lezen, "brief");
        return app;
    }

    private static async Task<Results<Created<Rechtmatigheidszaak>, ValidationProblem>> Meld(
        string klantnummer, MeldingVerzoek v, HttpContext ctx, IGrainFactory grains, IOptionsMonitor<RechtmatigheidBeleid> beleid)
    {
        var aanleidingen = beleid.CurrentValue.Aanleidingen;
        if (!aanleidingen.Contains(v.Aanleiding!, StringComparer.Ordinal))
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["aanleiding"] = [$"Kies een aanleiding uit de lijst: {string.Join(", ", aanleidingen)}."] },
                title: "Onbekende aanleiding");
        var id = Guid.NewGuid();
        var zaak = await grains.GetGrain<IRechtmatigheidssignaalGrain>(id).MeldAsync(klantnummer, v.Aanleiding!, v.Feiten!, v.Toelichting!, Actor.Van(ctx));
        return TypedResults.Created($"/api/v1/rechtmatigheidssignalen/{id}", zaak);
    }

    private static async Task<Results<Ok<IReadOnlyList<RechtmatigheidRegel>>, ValidationProblem>> Lijst(
        PostgresRechtmatigheid opslag, CancellationToken ct, string? status = null)
    {
        RechtmatigheidStatus? gekozen = null;
        if (status is not null)
        {
            if (!Enum.GetValues<RechtmatigheidStatus>().Any(s => EnumTekst.Van(s) == status))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["status is gemeld, in-onderzoek, horen of afgerond."] },
                    title: "Onbekende status");
            gekozen = EnumTekst.Naar<RechtmatigheidStatus>(status);
        }
        return TypedResults.Ok(await opslag.LijstAsync(gekozen, ct));
    }

    private static async Task<Results<Ok<Rechtmatigheidszaak>, ProblemHttpResult>> Detail(Guid id, HttpContext ctx, IGrainFactory grains)
    {
        if (await grains.GetGrain<IRechtmatigheidssignaalGrain>(id).GetAsync() is not { } zaak) return NietGevonden(id);
        AuditBetrokkene.Noem(ctx, $"klant {zaak.Klantnummer}");
        return TypedResults.Ok(zaak);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Oproep(
        Guid id, HttpContext ctx, IGrainFactory grains, PostgresRechtmatigheid opslag, KenJeKlant.Grains.Domeinklok klok,
        Gemeenten.Gemeentelijst gemeenten, CancellationToken ct)
    {
        if (await grains.GetGrain<IRechtmatigheidssignaalGrain>(id).GetAsync() is not { Horen: not null } zaak)
            return TypedResults.Problem(statusCode: 404, title: "Geen oproep", detail: $"Rechtmatigheidssignaal {id} heeft (nog) geen oproep om te horen.");
        AuditBetrokkene.Noem(ctx, $"klant {zaak.Klantnummer}");
        var (naam, postcode, gemeente) = await opslag.AdresAsync(zaak.Klantnummer, ct);
        var afzender = gemeente is null ? gemeenten.Enige : gemeenten.Zoek(gemeente);
        return TypedResults.Content(RechtmatigheidsoproepHtml.Maak(zaak, naam, postcode, klok.LocalTimeZone, afzender), "text/html; charset=utf-8");
    }

    private static async Task<Ok<Rechtmatigheidszaak>> Stap(
        Guid id, HttpContext ctx, IGrainFactory grains, Func<IRechtmatigheidssignaalGrain, Task<Rechtmatigheidszaak>> actie)
    {
        var zaak = await actie(grains.GetGrain<IRechtmatigheidssignaalGrain>(id));
        AuditBetrokkene.Noem(ctx, $"klant {zaak.Klantnummer}");
        return TypedResults.Ok(zaak);
    }

    private static ProblemHttpResult NietGevonden(Guid id) =>
        TypedResults.Problem(statusCode: 404, title: "Signaal niet gevonden", detail: $"Er is geen rechtmatigheidssignaal met id {id}.");
}

/// <summary>A klantmanager's signal: an aanleiding from the configured list, the facts and why.</summary>
public sealed record MeldingVerzoek(
    [property: Required(ErrorMessage = "Kies een aanleiding.")] string? Aanleiding,
    [property: Required(ErrorMessage = "Beschrijf de feiten: wat heeft u gezien of gehoord, wanneer?"), StringLength(4000)] string? Feiten,
    [property: Required(ErrorMessage = "Licht toe waarom dit twijfel geeft aan het recht op uitkering."), StringLength(4000)] string? Toelichting);

public sealed record RechtmatigheidToelichting(
    [property: Required(ErrorMessage = "Licht toe waarom: elke stap in een rechtmatigheidszaak heeft een reden.")] string? Toelichting);

public sealed record HorenVerzoek(
    [property: Required(ErrorMessage = "Vermeld het moment waarop de klant wordt gehoord.")] DateTimeOffset? Moment,
    string? Locatie,
    [property: Required(ErrorMessage = "Licht toe waarom: elke stap in een rechtmatigheidszaak heeft een reden.")] string? Toelichting);

public sealed record ConclusieVerzoek(
    [property: Required(ErrorMessage = "Vermeld de conclusie: geen-gevolgen, terugvordering-voorgesteld of aangifte-voorgesteld.")] RechtmatigheidConclusie? Soort,
    [property: Required(ErrorMessage = "Licht toe waarom: elke stap in een rechtmatigheidszaak heeft een reden.")] string? Toelichting);
