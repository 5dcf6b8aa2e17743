using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Host.Audit;
using KenJeKlant.Host.Klanten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KenJeKlant.Host.Klantmanagers;

public static class KlantmanagersApi
{
    private const int MaxIdLengte = 40; // medewerker.id is varchar(40)

    public static RouteGroupBuilder MapKlantmanagersApi(this IEndpointRouteBuilder app)
    {
        var groep = app.MapGroup("/api/v1/klantmanagers").WithTags("Klantmanagers");
        groep.MapGet("/", async (IMedewerkers medewerkers, CancellationToken ct) => TypedResults.Ok(await medewerkers.KlantmanagersAsync(ct))).RequireAuthorization(Toegang.Medewerker)
            .WithSummary("Alle klantmanagers.").Verwerkt("medewerkers inzien", AuditActie.Lezen, "medewerkers");
        groep.MapPut("/{id}", Bewaar).RequireAuthorization(Toegang.Beheer).WithSummary("Voeg een klantmanager toe of wijzig naam en status.").Verwerkt("medewerker beheren", AuditActie.Wijzigen, "medewerker");
        groep.MapPut("/{id}/vervanging", ZetVervanging).RequireAuthorization(Toegang.Beheer)
            .WithSummary("Laat een collega de caseload waarnemen tot en met een datum (vakantie, ziekte); zonder vervanger stopt het waarnemen.")
            .Verwerkt("medewerker beheren", AuditActie.Wijzigen, "medewerker");
        return groep;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ZetVervanging(string id, VervangingVerzoek v, IMedewerkers medewerkers, CancellationToken ct)
    {
        if (v.Vervanger is not null && (v.Tot is null || v.Vervanger == id || !(await medewerkers.KlantmanagerIdsAsync(ct)).Contains(v.Vervanger)))
            return TypedResults.Problem(statusCode: 400, title: "Ongeldige vervanging",
                detail: "Een vervanger is een andere, actieve klantmanager, en waarnemen heeft een einddatum (tot).");
        return await medewerkers.ZetVervangingAsync(id, v.Vervanger, v.Vervanger is null ? null : v.Tot, ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: 404, title: "Klantmanager niet gevonden", detail: $"Geen klantmanager met id {id}.");
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

public sealed record KlantmanagerVerzoek(string Naam, bool Actief = true);

public sealed record VervangingVerzoek(string? Vervanger, DateOnly? Tot);
