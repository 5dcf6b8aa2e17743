using KenJeKlant.Grains;
using KenJeKlant.Host.Herbeoordelingen;
using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Host.Audit;
using System.Text;
using KenJeKlant.Bestand;

using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace KenJeKlant.Host.Bestand;

public static class BestandApi
{
    private const int MaxSynthetisch = 1_000_000;

    public static RouteGroupBuilder MapBestandApi(this IEndpointRouteBuilder app)
    {
        var groep = app.MapGroup("/api/v1/bestand").WithTags("Bestand").RequireAuthorization(Toegang.Beheer);
        groep.MapPost("/", Importeer)
            .Accepts<string>("text/csv")
            .WithSummary("Importeer de periodieke export van het uitkeringssysteem (CSV).")
            .WithDescription("Met fouten wordt niets geïmporteerd, tenzij ?gedeeltelijk=true: dan alleen de goede regels. Dezelfde export nogmaals importeren verandert niets.").Verwerkt("bestand importeren", AuditActie.Wijzigen, "bestand");
        groep.MapGet("/synthetisch", Synthetisch)
            .WithSummary("Een synthetisch bestand (CSV) voor demo's en tests, met de kengetallen van Haarlem.").ZonderPersoonsgegevens();
        return groep;
    }

    private static async Task<Results<Ok<ImportRapport>, ProblemHttpResult>> Importeer(
        HttpContext context, BestandImporteur importeur, IOptions<ImportInstellingen> instellingen, CancellationToken ct, bool gedeeltelijk = false)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limiet)
            limiet.MaxRequestBodySize = instellingen.Value.MaxMegabytes * 1024L * 1024L;

        await using var kopie = await SpoolAsync(context.Request.Body, ct);
        if (kopie.Length == 0)
            return TypedResults.Problem(statusCode: 400, title: "Leeg bestand", detail: "Stuur de CSV-export als body van het verzoek.");

        ImportUitkomst uitkomst;
        try
        {
            uitkomst = await importeur.ImporteerAsync(kopie, Codering(context.Request), gedeeltelijk, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Rows already applied are complete and "left the bestand" is only decided after every row,
            // so the same file imported again finishes the job without harm.
            return TypedResults.Problem(statusCode: 503, title: "De import is afgebroken",
                detail: "De import is onderweg afgebroken (" + e.GetType().Name + "). Al verwerkte regels staan goed; importeer hetzelfde bestand opnieuw om de import af te maken.");
        }
        return uitkomst switch
        {
            ImportUitkomst.Geimporteerd g => TypedResults.Ok(g.Rapport),
            ImportUitkomst.Afgewezen a => Probleem(422, "Het bestand bevat fouten", a.Rapport),
            ImportUitkomst.Ongeldig o => Probleem(400, "Het bestand is niet te lezen", o.Rapport),
            _ => TypedResults.Problem(statusCode: 409, title: "Er loopt al een import",
                detail: "Er wordt al een bestand geïmporteerd. Probeer het opnieuw zodra die klaar is."),
        };
    }

    private static ProblemHttpResult Probleem(int status, string titel, ImportRapport rapport) =>
        TypedResults.Problem(statusCode: status, title: titel, detail: rapport.Melding,
            extensions: new Dictionary<string, object?> { ["rapport"] = rapport });

    // The reader needs a seekable stream (validate first, then apply); the body is copied to a
    // temporary file, not to memory, so a 400,000-row export does not sit in the heap.
    private static async Task<FileStream> SpoolAsync(Stream body, CancellationToken ct)
    {
        var pad = Path.GetTempFileName();
        var kopie = new FileStream(pad, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await body.CopyToAsync(kopie, ct);
        kopie.Position = 0;
        return kopie;
    }

    private static Encoding? Codering(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || type.Charset.Value is not { Length: > 0 } charset) return null;
        try
        {
            return Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return null; // an unknown charset label: let the reader detect it from the content
        }
    }

    // Streams straight to the response: a 400,000-row file never sits in memory.
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Synthetisch(HttpContext context, Domeinklok klok, CancellationToken ct, int aantal = 3800, int seed = 2017)
    {
        if (aantal is < 1 or > MaxSynthetisch)
            return TypedResults.Problem(statusCode: 400, title: "Ongeldig aantal", detail: $"aantal ligt tussen 1 en {MaxSynthetisch}.");
        var generator = new SyntheticBestandGenerator(new SyntheticBestandOpties
        {
            Aantal = aantal,
            Seed = seed,
            Peildatum = klok.Vandaag,
        });
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"synthetisch-bestand-{aantal}-{seed}.csv\"";
        await generator.SchrijfAsync(context.Response.Body, ct);
        return TypedResults.Empty;
    }
}
