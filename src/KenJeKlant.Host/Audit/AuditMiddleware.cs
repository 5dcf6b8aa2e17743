using System.Diagnostics;
using System.Security.Claims;
using KenJeKlant.Host.Infrastructuur.Http;

namespace KenJeKlant.Host.Audit;

/// <summary>
/// Writes one audit entry per request to an endpoint that declares a <see cref="Verwerking"/>, just
/// before the response starts: the status the caller gets is known (refusals and errors included,
/// which is why this sits outside the exception handler), and nothing is disclosed unlogged — if the
/// entry cannot be written, the response fails instead.
/// </summary>
// The system clock, not the Domeinklok: the audit log records when a processing really happened, also in the demo.
public sealed partial class AuditMiddleware(RequestDelegate next, IAuditLog log, TimeProvider klok, ILogger<AuditMiddleware> logger)
{
    public Task InvokeAsync(HttpContext ctx)
    {
        if (ctx.GetEndpoint()?.Metadata.GetMetadata<Verwerking>() is { } verwerking)
        {
            // Read now: the exception handler clears the route values before it writes a refusal.
            var betrokkene = Betrokkene(ctx, verwerking);
            ctx.Response.OnStarting(() => SchrijfAsync(ctx, verwerking, betrokkene));
        }
        return next(ctx);
    }

    private async Task SchrijfAsync(HttpContext ctx, Verwerking v, string betrokkene)
    {
        var regel = Regel(ctx, v, AuditBetrokkene.Van(ctx, betrokkene));
        try
        {
            await log.SchrijfAsync(regel, CancellationToken.None);
        }
        catch (Exception e) when (ctx.Response.StatusCode >= 400 || v.Actie == AuditActie.Wijzigen)
        {
            // A refusal discloses nothing, and a change has already happened (hiding its answer would
            // only make the caller retry it): both go out, with the entry in full in the operators'
            // log. A successful read without its entry is not sent at all (the exception aborts it).
            LogNietGeschreven(logger, e, regel.Verwerking, regel.Betrokkene, regel.Resultaat, regel.Actor, regel.TraceId);
        }
    }

    private AuditRegel Regel(HttpContext ctx, Verwerking v, string betrokkene) => new(
        klok.GetUtcNow(),
        Actor.Van(ctx),
        Actor.RolVan(ctx.User),
        v.Actie,
        v.Activiteit,
        betrokkene,
        ctx.Response.StatusCode,
        ctx.Connection.RemoteIpAddress?.ToString() ?? "onbekend",
        Activity.Current?.TraceId.ToString() ?? ctx.TraceIdentifier);

    private static string Betrokkene(HttpContext ctx, Verwerking v)
    {
        var route = ctx.Request.RouteValues;
        if (route.TryGetValue("klantnummer", out var klant) && klant is not null) return $"klant {klant}";
        foreach (var sleutel in new[] { "id", "gesprekId" })
            if (route.TryGetValue(sleutel, out var id) && id is not null) return $"{v.Betrokkene} {id}";
        return v.Betrokkene;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit entry NOT written: {Verwerking} on {Betrokkene} by {Actor}, answer {Status}, trace {TraceId}")]
    private static partial void LogNietGeschreven(ILogger logger, Exception fout, string verwerking, string betrokkene, int status, string actor, string traceId);
}
