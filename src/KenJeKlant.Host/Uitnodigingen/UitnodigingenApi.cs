using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Host.Audit;
using System.Globalization;
using KenJeKlant.Bestand;
using KenJeKlant.Grains;
using KenJeKlant.Grains.Campagnes;
using KenJeKlant.Abstractions.Gemeenten;
using KenJeKlant.Host.Campagnes;
using KenJeKlant.Host.Gemeenten;
using KenJeKlant.Host.Infrastructuur.Postgres;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KenJeKlant.Host.Uitnodigingen;

/// <summary>The outbox for people: a CSV for mail merge and a printable letter per invitation.</summary>
public static class UitnodigingenApi
{
    public static IEndpointRouteBuilder MapUitnodigingenApi(this IEndpointRouteBuilder app)
    {
        var groep = app.MapGroup("/api/v1/uitnodigingen").WithTags("Uitnodigingen").RequireAuthorization(Toegang.Beheer);
        groep.MapGet("/", Csv).WithSummary("Brieven uit de outbox als CSV (;-gescheiden, UTF-8) voor samenvoegen; filter op status en campagne.")
            .Produces(200, contentType: "text/csv").Verwerkt("brieven samenvoegen", AuditActie.Lezen, "outbox");
        groep.MapGet("/{id:guid}/brief", Brief).WithSummary("De brief als afdrukbare HTML, in eenvoudig Nederlands.")
            .Produces(200, contentType: "text/html").Verwerkt("brief inzien", AuditActie.Lezen, "brief");
        return app;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Csv(
        HttpContext ctx, ICampagneLeesmodel leesmodel, Domeinklok klok, Gemeentelijst gemeenten,
        CancellationToken ct, string? status = null, string? campagne = null)
    {
        BerichtStatus? gekozen = null;
        if (status is not null)
        {
            if (!Enum.GetValues<BerichtStatus>().Any(s => EnumTekst.Van(s) == status))
                return TypedResults.Problem(statusCode: 400, title: "Onbekende status", detail: "status is gepland, verzonden of ingetrokken.");
            gekozen = EnumTekst.Naar<BerichtStatus>(status);
        }
        ctx.Response.ContentType = "text/csv; charset=utf-8";
        ctx.Response.Headers.ContentDisposition = "attachment; filename=\"uitnodigingen.csv\"";
        var zone = klok.LocalTimeZone;
        // The one CSV writer: a name or place that starts like a formula is neutralised (the import refuses those
        // already; this keeps it so for whatever else reaches a letter).
        await CsvSchrijver.SchrijfAsync(ctx.Response.Body,
            ["id", "soort", "status", "verzenddatum", "klantnummer", "naam", "postcode", "gesprekdatum", "begintijd", "eindtijd", "klantmanager", "campagne", "uitnodiging", "gemeente", "retouradres"],
            Rijen(leesmodel.BrievenAsync(gekozen, campagne, ct), zone, gemeenten), ct);
        return TypedResults.Empty;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Brief(
        Guid id, ICampagneLeesmodel leesmodel, Domeinklok klok, Gemeentelijst gemeenten, CancellationToken ct)
    {
        if (await leesmodel.BriefAsync(id, ct) is not { } brief)
            return TypedResults.Problem(statusCode: 404, title: "Brief niet gevonden", detail: $"Er is geen brief met id {id}.");
        // A handhaving letter shares the outbox but not these words: it is printed from its signal, as it was sent.
        if (brief.Soort is BerichtSoort.Voornemen or BerichtSoort.Besluit)
            return TypedResults.Problem(statusCode: 404, title: "Handhavingsbrief",
                detail: $"Brief {id} is een handhavingsbrief; open hem bij het handhavingssignaal (GET /api/v1/handhavingssignalen/{{id}}/brieven/{id}.html).");
        return TypedResults.Content(BriefHtml.Maak(brief, klok.LocalTimeZone, Afzender(brief.Gemeente, gemeenten)), "text/html; charset=utf-8");
    }

    // The letter's gemeente; a letter of a client without one (written before gemeenten) is the dienst's only gemeente's.
    private static Gemeente? Afzender(string? code, Gemeentelijst gemeenten) =>
        code is null ? gemeenten.Enige : gemeenten.Zoek(code);

    private static async IAsyncEnumerable<IReadOnlyList<string>> Rijen(IAsyncEnumerable<BriefRegel> brieven, TimeZoneInfo zone, Gemeentelijst gemeenten)
    {
        await foreach (var b in brieven)
        {
            var afzender = Afzender(b.Gemeente, gemeenten);
            var start = TimeZoneInfo.ConvertTime(b.GesprekStart, zone);
            var eind = TimeZoneInfo.ConvertTime(b.GesprekEind, zone);
            yield return
            [
                b.Id.ToString(), EnumTekst.Van(b.Soort), EnumTekst.Van(b.Status),
                TimeZoneInfo.ConvertTime(b.VerzendOp, zone).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
                b.Klantnummer, b.Naam, b.Postcode, start.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
                start.ToString("HH:mm", CultureInfo.InvariantCulture), eind.ToString("HH:mm", CultureInfo.InvariantCulture),
                b.KlantmanagerNaam, b.CampagneNaam, b.Poging.ToString(CultureInfo.InvariantCulture),
                afzender is null ? "" : "Gemeente " + afzender.Naam, afzender?.Retouradres ?? "",
            ];
        }
    }
}
