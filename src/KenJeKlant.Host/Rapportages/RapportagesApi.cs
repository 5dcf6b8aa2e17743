using KenJeKlant.Grains;
using KenJeKlant.Host.Audit;
using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Host.Gemeenten;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace KenJeKlant.Host.Rapportages;

public static class RapportagesApi
{
    public static RouteGroupBuilder MapRapportagesApi(this IEndpointRouteBuilder app)
    {
        var groep = app.MapGroup("/api/v1/rapportages").WithTags("Rapportages").RequireAuthorization(Toegang.Programma);
        groep.MapGet("", () => TypedResults.Ok(Rapportsoorten.Alle.Select(s => new Rapportsoort(s.Key, s.Value)).ToList()))
            .WithSummary("De rapportages die er zijn.").ZonderPersoonsgegevens();
        groep.MapGet("/{soort}", Rapport)
            .WithSummary("Een rapportage over een periode (van, tot; standaard het afgelopen jaar) of op de peildatum tot, voor één gemeente of alle gemeenten samen die u mag zien. " +
                         "JSON, of met Accept: text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet of text/html (afdrukbaar hoofdstuk voor het jaarverslag). " +
                         "Alleen aantallen; aantallen van 1 tot 5 verborgen.")
            .Produces<Rapport>(200).Produces(200, contentType: "text/csv").Produces(200, contentType: RapportXlsx.MediaType).Produces(200, contentType: "text/html")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
            .Verwerkt("rapportage opvragen", AuditActie.Lezen, "rapportage");
        return groep;
    }

    private static async Task<IResult> Rapport(
        string soort, HttpContext ctx, Rapportbouwer bouwer, Gemeentelijst gemeenten, IOptions<RapportagesInstellingen> instellingen, Domeinklok klok,
        CancellationToken ct, DateOnly? van = null, DateOnly? tot = null, string? gemeente = null)
    {
        if (!Rapportsoorten.Alle.ContainsKey(soort))
            return TypedResults.Problem(statusCode: 404, title: "Onbekende rapportage", detail: $"Er is geen rapportage '{soort}'; er zijn: {string.Join(", ", Rapportsoorten.Alle.Keys)}.");
        var vandaag = klok.Vandaag;
        var eind = tot ?? vandaag;
        var begin = van ?? eind.AddYears(-1).AddDays(1);
        var fouten = new Dictionary<string, string[]>();
        if (eind > vandaag) fouten["tot"] = ["Een peildatum ligt niet in de toekomst."];
        if (begin > vandaag) fouten["van"] = ["Een peildatum ligt niet in de toekomst."];
        if (eind < begin) fouten["tot"] = ["tot ligt op of na van."];
        else if (eind > begin.AddYears(instellingen.Value.MaximaalJaren)) fouten["tot"] = [$"Een periode is ten hoogste {instellingen.Value.MaximaalJaren} jaar."];
        if (fouten.Count > 0) return TypedResults.ValidationProblem(fouten, title: "Ongeldige periode");
        var keuze = GemeenteKeuze.Kies(gemeente, ctx.User, gemeenten);
        if (keuze.Fout is { } fout) return fout;

        var rapport = await bouwer.MaakAsync(soort, begin, eind, keuze.Gebied!, ct);
        var bestand = $"{soort}-{(gemeente ?? "samen")}-{eind:yyyy-MM-dd}";
        return Gevraagd(ctx.Request) switch
        {
            "text/csv" => TypedResults.Stream(s => RapportCsv.SchrijfAsync(s, rapport, ct), "text/csv; charset=utf-8", bestand + ".csv"),
            RapportXlsx.MediaType => TypedResults.File(RapportXlsx.Maak(rapport), RapportXlsx.MediaType, bestand + ".xlsx"),
            "text/html" => TypedResults.Content(RapportAfdruk.Html(rapport), "text/html; charset=utf-8"),
            _ => TypedResults.Ok(rapport),
        };
    }

    // The first of the formats we make that the Accept header names, in the client's order of preference.
    private static string Gevraagd(HttpRequest request)
    {
        var gevraagd = request.GetTypedHeaders().Accept.OrderByDescending(a => a.Quality ?? 1).Select(a => a.MediaType.Value);
        return gevraagd.FirstOrDefault(m => m is "text/csv" or RapportXlsx.MediaType or "text/html" or "application/json" or "application/problem+json") ?? "application/json";
    }
}

public sealed record Rapportsoort(string Soort, string Titel);
