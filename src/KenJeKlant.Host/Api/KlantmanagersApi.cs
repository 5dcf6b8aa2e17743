using KenJeKlant.Host.Audit;
using KenJeKlant.Host.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KenJeKlant.Host.Api;

public static class KlantmanagersApi
{
    private const int MaxIdLengte = 40; // medewerker.id is varchar(40)

    public static RouteGroupBuilder MapKlantmanagersApi(this IEndpointRouteBuilder app)
    {
        var groep = app.MapGroup("/api/v1/klantmanagers").WithTags("Klantmanagers");
        groep.MapGet("/", async (IMedewerkers medewerkers, CancellationToken ct) => TypedResults.Ok(await medewerkers.KlantmanagersAsync(ct)))
            .WithSummary("Alle klantmanagers.").Verwerkt("medewerkers inzien", AuditActie.Lezen, "medewerkers");
        groep.MapPut("/{id}", Bewaar).WithSummary("Voeg een klantmanager toe of wijzig naam en status.").Verwerkt("medewerker beheren", AuditActie.Wijzigen, "medewerker");
        return groep;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Bewaar(string id, KlantmanagerVerzoek v, IMedewerkers medewerkers, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(v.Naam) || id.Length > MaxIdLengte)
            return TypedResults.Problem(statusCode: 400, title: "Ongeldige klantmanager",
                detail: $"Een klantmanager heeft een naam en een id van ten hoogste {MaxIdLengte} tekens.");
        await medewerkers.BewaarAsync(new Klantmanager(id, v.Naam.Trim(), v.Actief), ct);
        return TypedResults.NoContent();
    }
}
