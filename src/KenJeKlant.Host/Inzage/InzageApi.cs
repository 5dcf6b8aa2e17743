using System.Text.Json;
using KenJeKlant.Abstractions.Handhaving;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Grains;
using KenJeKlant.Host.Audit;
using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Host.PlanVanAanpak;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Host.Inzage;

public static class InzageApi
{
    public static RouteHandlerBuilder MapInzageApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/klanten/{klantnummer}/inzage", Inzage).WithTags("Inzage").RequireAuthorization(Toegang.Beheer)
            .WithSummary("Inzage (AVG art. 15): alles wat over de klant is vastgelegd en elke verwerking uit de auditlog, als JSON of met Accept: application/pdf als document voor de klant. Voor de beheerder als privacyfunctionaris.")
            .Produces<Inzagedocument>().Produces(200, contentType: "application/pdf").ProducesProblem(404)
            .Verwerkt("inzageverzoek behandelen", AuditActie.Lezen);

    private static async Task<IResult> Inzage(
        string klantnummer, HttpContext ctx, IGrainFactory grains, PostgresInzage opslag, IOptions<InzageInstellingen> instellingen,
        IOptions<JsonOptions> json, IOptions<AfdrukInstellingen> afdruk, Domeinklok klok, CancellationToken ct)
    {
        var dossier = await grains.GetGrain<IKlantGrain>(klantnummer).GetDossierAsync();
        if (dossier is null)
            return TypedResults.Problem(statusCode: 404, title: "Klant niet gevonden", detail: $"Er is geen klant met klantnummer {klantnummer}.");
        var reviews = new List<HandhavingsReview>();
        foreach (var id in await opslag.HandhavingssignalenAsync(klantnummer, ct))
            if (await grains.GetGrain<IHandhavingssignaalGrain>(id).GetAsync() is { } review) reviews.Add(review);
        var document = new Inzagedocument(
            klantnummer, klok.Nu, dossier,
            await opslag.GesprekkenAsync(klantnummer, ct),
            await opslag.PlannenAsync(klantnummer, ct),
            await opslag.AfsprakenAsync(klantnummer, ct),
            reviews,
            await opslag.RechtmatigheidssignalenAsync(klantnummer, ct),
            await opslag.BrievenAsync(klantnummer, ct),
            await opslag.VerwerkingenAsync(klantnummer, instellingen.Value.MedewerkerNaamTonen, ct));
        if (!ctx.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("application/pdf", StringComparison.OrdinalIgnoreCase)))
            return TypedResults.Ok(document);
        Lettertypen.Installeer(afdruk.Value);
        return TypedResults.File(InzagePdf.Maak(document, json.Value.SerializerOptions), "application/pdf", $"inzage-{klantnummer}.pdf");
    }
}
