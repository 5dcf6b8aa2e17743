using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Host.Bestand;
using KenJeKlant.Host.Infrastructuur.Postgres;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KenJeKlant.Host.Audit;

public static class AuditModule
{
    /// <summary>The audit log (Logboek Dataverwerkingen): <c>/api/v1/auditlog</c>, append-only and hash-chained in PostgreSQL.</summary>
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IAuditLog, PostgresAuditLog>();
        builder.Services.AddSingleton<HubAudit>();
        return builder;
    }

    /// <summary>Outermost: the entry records the status the caller finally got, refusals and errors included.</summary>
    public static WebApplication UseAudit(this WebApplication app)
    {
        app.UseMiddleware<AuditMiddleware>();
        return app;
    }

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var groep = app.MapGroup("/api/v1/auditlog").WithTags("Auditlog").RequireAuthorization(Toegang.Beheer);
        groep.MapGet("/", Zoek).WithSummary("Wie las of wijzigde welke persoonsgegevens, wanneer en waarom (nieuwste eerst). Alleen voor beheerders.")
            .Verwerkt("auditlog inzien", AuditActie.Lezen, "auditlog");
        groep.MapGet("/verificatie", Verifieer).WithSummary("Controleert de hele keten: is er een regel gewijzigd, verwijderd of tussengevoegd?")
            .ZonderPersoonsgegevens();
        app.MapGet("/api/v1/verwerkingsactiviteiten", () => TypedResults.Ok(Verwerkingsregister.Alle)).WithTags("Auditlog").RequireAuthorization(Toegang.Medewerker)
            .WithSummary("Het verwerkingsregister: elke verwerkingsactiviteit met haar vaste id, doel, grondslag en de handelingen die de auditlog ernaar noemt.")
            .ZonderPersoonsgegevens();
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditInvoer>>, ProblemHttpResult>> Zoek(
        IAuditLog log, CancellationToken ct, string? betrokkene = null, int maximaal = 100)
    {
        if (maximaal is < 1 or > 1000)
            return TypedResults.Problem(statusCode: 400, title: "Ongeldig maximum", detail: "maximaal ligt tussen 1 en 1000.");
        return TypedResults.Ok(await log.ZoekAsync(betrokkene, maximaal, ct));
    }

    private static async Task<Ok<AuditVerificatie>> Verifieer(IAuditLog log, CancellationToken ct) =>
        TypedResults.Ok(await log.VerifieerAsync(ct));
}
