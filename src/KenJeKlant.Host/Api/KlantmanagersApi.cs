using KenJeKlant.Host.Storage;

namespace KenJeKlant.Host.Api;

public static class KlantmanagersApi
{
    public static RouteGroupBuilder MapKlantmanagersApi(this IEndpointRouteBuilder app)
    {
        var groep = app.MapGroup("/api/v1/klantmanagers").WithTags("Klantmanagers");
        groep.MapGet("/", async (IMedewerkers medewerkers, CancellationToken ct) => TypedResults.Ok(await medewerkers.KlantmanagersAsync(ct)))
            .WithSummary("Alle klantmanagers.");
        groep.MapPut("/{id}", async (string id, KlantmanagerVerzoek v, IMedewerkers medewerkers, CancellationToken ct) =>
        {
            await medewerkers.BewaarAsync(new Klantmanager(id, v.Naam, v.Actief), ct);
            return TypedResults.NoContent();
        }).WithSummary("Voeg een klantmanager toe of wijzig naam en status.");
        return groep;
    }
}
