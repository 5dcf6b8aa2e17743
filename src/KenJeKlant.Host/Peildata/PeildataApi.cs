using KenJeKlant.Abstractions.Peildata;
using KenJeKlant.Grains;
using KenJeKlant.Host.Audit;
using KenJeKlant.Host.Beveiliging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KenJeKlant.Host.Peildata;

public static class PeildataApi
{
    public static RouteGroupBuilder MapPeildataApi(this IEndpointRouteBuilder app)
    {
        var groep = app.MapGroup("/api/v1/peildata").WithTags("Peildata");
        groep.MapGet("", Lijst).RequireAuthorization(Toegang.Programma)
            .WithSummary("De vastgelegde peildata, nieuwste eerst: hoeveel klanten, hoeveel gewijzigd, hoe lang het duurde.").ZonderPersoonsgegevens();
        groep.MapPost("", Neem).RequireAuthorization(Toegang.Beheer)
            .WithSummary("Leg de stand van het bestand nu vast als de stand op een peildatum (standaard gisteren). Een eerdere peildatum dan de laatste wordt geweigerd; de laatste mag opnieuw.")
            .Verwerkt("peildatum vastleggen", AuditActie.Wijzigen, "bestand");
        return groep;
    }

    private static async Task<Ok<IReadOnlyList<PeildatumRun>>> Lijst(PostgresPeildata peildata, CancellationToken ct, int aantal = 60) =>
        TypedResults.Ok(await peildata.RunsAsync(Math.Clamp(aantal, 1, 1000), ct));

    private static async Task<Results<Ok<PeildatumRun>, ValidationProblem>> Neem(PeildatumVerzoek? v, PostgresPeildata peildata, Domeinklok klok, CancellationToken ct)
    {
        var peildatum = v?.Peildatum ?? klok.Vandaag.AddDays(-1);
        if (peildatum > klok.Vandaag)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["peildatum"] = ["Een peildatum ligt niet in de toekomst."] }, title: "Ongeldige peildatum");
        return TypedResults.Ok(await peildata.NeemAsync(peildatum, ct));
    }
}

/// <summary>The day whose state is recorded; empty: yesterday.</summary>
public sealed record PeildatumVerzoek(DateOnly? Peildatum);
