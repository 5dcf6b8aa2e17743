using KenJeKlant.Abstractions.Klanten;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace KenJeKlant.Host.Infrastructuur.Http;

/// <summary>Turns a refused state change into RFC 9457 problem details that say why (409 Conflict).</summary>
public sealed class OvergangGeweigerdHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public const string Type = "https://kenjeklant.nl/problemen/overgang-geweigerd";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not OvergangGeweigerdException geweigerd) return false;
        httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
        var probleem = new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Type = Type,
            Title = "Deze wijziging is niet toegestaan",
            Detail = geweigerd.Message,
        };
        // The same "errors" member as a 400 validation problem, so a client finds the field the same way.
        if (geweigerd.Veld is { } veld) probleem.Extensions["errors"] = new Dictionary<string, string[]> { [veld] = [geweigerd.Message] };
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = probleem });
    }
}
