using KenJeKlant.Abstractions.Bestand;
using KenJeKlant.Bestand;
using KenJeKlant.Grains;
using KenJeKlant.Host.Audit;
using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Host.Infrastructuur.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace KenJeKlant.Host.Bestand;

public static class BestandApi
{
    private const int MaxSynthetisch = 1_000_000;
    private const int Recent = 20;

    public static RouteGroupBuilder MapBestandApi(this IEndpointRouteBuilder app)
    {
        var groep = app.MapGroup("/api/v1/bestand").WithTags("Bestand").RequireAuthorization(Toegang.Beheer);
        groep.MapPost("/", Importeer)
            .Accepts<string>("text/csv")
            .WithSummary("Importeer de periodieke export van het uitkeringssysteem (CSV) als taak: 202 met de plek waar de voortgang staat.")
            .WithDescription("Het bestand wordt eerst opgeslagen; daarna worden alle regels gecontroleerd, dan toegepast, en pas als elke regel is toegepast gaan klanten die niet meer in de export staan uit het bestand. Met fouten wordt niets geïmporteerd, tenzij ?gedeeltelijk=true: dan alleen de goede regels. ?controle=true controleert alleen. Er loopt één import tegelijk. Dezelfde export nogmaals importeren verandert niets.")
            .Verwerkt("bestand importeren", AuditActie.Wijzigen, "bestand");
        groep.MapGet("/imports", Imports)
            .WithSummary("De recente imports, de nieuwste eerst (aantallen, geen klantgegevens).").ZonderPersoonsgegevens();
        groep.MapGet("/imports/{id:guid}", Stand)
            .WithSummary("Hoe ver een import is: status, stap, regels gelezen, goed en toegepast, de fouten tot nu toe en, als hij klaar is, het rapport.")
            .Verwerkt("importrapport inzien", AuditActie.Lezen, "bestand");
        groep.MapDelete("/imports/{id:guid}", BreekAf)
            .WithSummary("Breek een lopende import af: wat is toegepast blijft heel, niemand gaat uit het bestand.")
            .Verwerkt("bestand importeren afbreken", AuditActie.Wijzigen, "bestand");
        groep.MapGet("/synthetisch", Synthetisch)
            .WithSummary("Een synthetisch bestand (CSV) voor demo's en tests, met de kengetallen van Haarlem.").ZonderPersoonsgegevens();
        return groep;
    }

    public static string Pad(Guid id) => $"/api/v1/bestand/imports/{id}";

    private static async Task<Results<Accepted<ImportStand>, ProblemHttpResult>> Importeer(
        HttpContext context, BestandImports imports, CancellationToken ct, bool gedeeltelijk = false, bool controle = false)
    {
        if (context.Request.ContentLength > imports.MaxBytes) return TeGroot(imports.MaxBytes);
        // Our own count stops the upload at the limit; the server's limit is only a safety net above it.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limiet)
            limiet.MaxRequestBodySize = imports.MaxBytes + PostgresBestandImport.BlokGrootte;

        var start = await imports.StartAsync(context.Request.Body, Charset(context.Request), gedeeltelijk, controle, Actor.Van(context), ct);
        switch (start)
        {
            case ImportStart.Gestart g:
                return TypedResults.Accepted(Pad(g.Stand.Id), g.Stand);
            case ImportStart.Leeg:
                return TypedResults.Problem(statusCode: 400, title: "Leeg bestand", detail: "Stuur de CSV-export als body van het verzoek.");
            case ImportStart.TeGroot:
                return TeGroot(imports.MaxBytes);
            case ImportStart.Bezet { Lopende: { } lopende }:
                context.Response.Headers.Location = Pad(lopende.Id);
                return TypedResults.Problem(statusCode: 409, title: "Er loopt al een import",
                    detail: $"Er wordt al een bestand geïmporteerd (gestart door {lopende.Door}). Wacht tot die import klaar is, of breek hem af.",
                    extensions: new Dictionary<string, object?> { ["lopendeImport"] = lopende.Id, ["lopendeImportStatus"] = Pad(lopende.Id), ["import"] = lopende });
            default:
                return TypedResults.Problem(statusCode: 409, title: "Er loopt al een import",
                    detail: "Er werd net een ander bestand geïmporteerd. Probeer het opnieuw.");
        }
    }

    private static ProblemHttpResult TeGroot(long maxBytes) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Het bestand is te groot",
            detail: $"Een export mag ten hoogste {maxBytes / (1024 * 1024)} MB zijn.");

    private static async Task<Ok<IReadOnlyList<ImportSamenvatting>>> Imports(BestandImports imports, CancellationToken ct)
    {
        var recent = await imports.RecenteAsync(Recent, ct);
        // Looking wakes a running job that nobody follows (see BestandImports.LopendeAsync).
        if (recent.Any(j => j.Status == ImportStatus.Bezig)) await imports.LopendeAsync(ct);
        return TypedResults.Ok<IReadOnlyList<ImportSamenvatting>>([.. recent.Select(ImportSamenvatting.Van)]);
    }

    private static async Task<Ok<ImportStand>> Stand(Guid id, BestandImports imports) => TypedResults.Ok(await imports.StandAsync(id));

    private static async Task<Ok<ImportStand>> BreekAf(Guid id, HttpContext context, BestandImports imports) =>
        TypedResults.Ok(await imports.BreekAfAsync(id, Actor.Van(context)));

    private static string? Charset(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.Charset.Value is { Length: > 0 } charset ? charset : null;

    // Streams straight to the response: a 400,000-row file never sits in memory.
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Synthetisch(HttpContext context, Domeinklok klok, Gemeenten.Gemeentelijst gemeenten, CancellationToken ct, int aantal = 3800, int seed = 2017)
    {
        if (aantal is < 1 or > MaxSynthetisch)
            return TypedResults.Problem(statusCode: 400, title: "Ongeldig aantal", detail: $"aantal ligt tussen 1 en {MaxSynthetisch}.");
        var generator = new SyntheticBestandGenerator(new SyntheticBestandOpties
        {
            Aantal = aantal,
            Seed = seed,
            Peildatum = klok.Vandaag,
            Gemeenten = [.. gemeenten.Alle.Select(g => g.Code)],
        });
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"synthetisch-bestand-{aantal}-{seed}.csv\"";
        await generator.SchrijfAsync(context.Response.Body, ct);
        return TypedResults.Empty;
    }
}

/// <summary>One import in the list of recent imports: counts only; <paramref name="Adres"/> is its status resource.</summary>
public sealed record ImportSamenvatting(
    Guid Id, ImportStatus Status, ImportFase Fase, bool Controle, bool Gedeeltelijk, string Door,
    DateTimeOffset GestartOp, DateTimeOffset? BeeindigdOp, int Regels, int Toegepast, int AantalFouten, string? Titel, string Adres)
{
    public static ImportSamenvatting Van(Grains.Bestand.ImportJob job) => new(
        job.Id, job.Status, job.Fase, job.Controle, job.Gedeeltelijk, job.Door, job.GestartOp, job.BeeindigdOp,
        job.Regels, job.Toegepast, job.AantalFouten, job.Titel, BestandApi.Pad(job.Id));
}
