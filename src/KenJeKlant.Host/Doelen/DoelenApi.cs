using KenJeKlant.Grains;
using KenJeKlant.Host.Audit;
using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Host.Gemeenten;
using KenJeKlant.Host.Infrastructuur.Http;
using KenJeKlant.Host.Rapportages;

namespace KenJeKlant.Host.Doelen;

public static class DoelenApi
{
    public static RouteGroupBuilder MapDoelenApi(this IEndpointRouteBuilder app)
    {
        var groep = app.MapGroup("/api/v1/doelen").WithTags("Doelen").RequireAuthorization(Toegang.Programma);
        groep.MapGet("/indicatoren", () => TypedResults.Ok(Indicatoren.Alle))
            .WithSummary("De indicatoren van de doelenboom waarvoor een doel kan worden gezet.").ZonderPersoonsgegevens();
        groep.MapGet("", Lijst)
            .WithSummary("De doelen van een jaar (standaard dit jaar) voor een gemeente, of zonder gemeente voor de dienst als geheel (wie voor enkele gemeenten werkt: die van hen); elk doel met wie het wanneer zette, en eerdere waarden.")
            .Produces<IReadOnlyList<DoelMetGeschiedenis>>().ProducesValidationProblem().ProducesProblem(403).Verwerkt("doelen inzien", AuditActie.Lezen, "doelenboom");
        groep.MapPut("/{indicator}/{jaar:int}", Zet)
            .WithSummary("Zet het doel voor een indicator in een jaar, voor een gemeente of (zonder gemeente) voor de dienst. Een nieuw doel vervangt het vorige; het vorige blijft in de geschiedenis.")
            .Produces<Doel>().ProducesValidationProblem().ProducesProblem(403).Verwerkt("doel zetten", AuditActie.Wijzigen, "doelenboom");
        return groep;
    }

    private static async Task<IResult> Lijst(
        HttpContext ctx, PostgresDoelen doelen, Gemeentelijst gemeenten, Domeinklok klok, CancellationToken ct, int? jaar = null, string? gemeente = null)
    {
        var j = jaar ?? klok.Vandaag.Year;
        if (j is < 2000 or > 2100) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["jaar"] = ["Een jaar tussen 2000 en 2100."] }, title: "Ongeldig jaar");
        // No gemeente asked: the dienst's targets, or for someone limited to gemeenten, theirs.
        IReadOnlyCollection<string> welke;
        if (!string.IsNullOrWhiteSpace(gemeente))
        {
            if (GemeenteKeuze.Kies(gemeente, ctx.User, gemeenten) is { Fout: { } fout }) return fout;
            welke = [gemeente];
        }
        else welke = Gemeentetoegang.Toegestaan(ctx.User) is { } eigen ? [.. eigen] : [""];
        var alle = await doelen.AlleAsync(j, j, welke, ct);
        IReadOnlyList<DoelMetGeschiedenis> lijst = [.. alle.GroupBy(d => (d.Indicator, d.Gemeente)).Select(g => new DoelMetGeschiedenis(g.First(), [.. g.Skip(1)]))];
        return TypedResults.Ok(lijst);
    }

    private static async Task<IResult> Zet(
        string indicator, int jaar, DoelVerzoek v, HttpContext ctx, PostgresDoelen doelen, Gemeentelijst gemeenten, Domeinklok klok, CancellationToken ct)
    {
        var fouten = new Dictionary<string, string[]>();
        var gevonden = Indicatoren.Zoek(indicator);
        if (gevonden is null) fouten["indicator"] = [$"Onbekende indicator '{indicator}'; bekend zijn: {string.Join(", ", Indicatoren.Alle.Select(i => i.Code))}."];
        if (jaar is < 2000 or > 2100) fouten["jaar"] = ["Een jaar tussen 2000 en 2100."];
        if (v.Waarde < 0 || (gevonden?.Eenheid == Indicatoren.Procent && v.Waarde > 100))
            fouten["waarde"] = [gevonden?.Eenheid == Indicatoren.Procent ? "Een percentage van 0 tot en met 100." : "Een aantal van 0 of meer."];
        if (v.Toelichting is { Length: > 1000 }) fouten["toelichting"] = ["Ten hoogste 1000 tekens."];
        if (fouten.Count > 0) return TypedResults.ValidationProblem(fouten, title: "Ongeldig doel");
        if (Gebied(v.Gemeente, ctx, gemeenten) is { Fout: { } fout }) return fout;
        return TypedResults.Ok(await doelen.ZetAsync(indicator, jaar, v.Gemeente ?? "", v.Waarde, v.Toelichting, Actor.Van(ctx), klok.GetUtcNow(), ct));
    }

    // A target for one gemeente needs access to it; one for the dienst as a whole needs access to every gemeente.
    private static GemeenteKeuze.Uitkomst Gebied(string? gemeente, HttpContext ctx, Gemeentelijst gemeenten)
    {
        if (!string.IsNullOrWhiteSpace(gemeente)) return GemeenteKeuze.Kies(gemeente, ctx.User, gemeenten);
        return Gemeentetoegang.Toegestaan(ctx.User) is null
            ? new(null, null)
            : new(null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Geen toegang tot de hele dienst",
                detail: "Doelen voor de dienst als geheel zet wie voor alle gemeenten werkt; kies uw gemeente."));
    }
}

/// <summary>A target; <c>gemeente</c> empty for the dienst as a whole.</summary>
public sealed record DoelVerzoek(decimal Waarde, string? Gemeente = null, string? Toelichting = null);

public sealed record DoelMetGeschiedenis(Doel Huidig, IReadOnlyList<Doel> Eerder);
