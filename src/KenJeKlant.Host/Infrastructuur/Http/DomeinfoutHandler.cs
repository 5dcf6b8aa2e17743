using KenJeKlant.Abstractions.Klanten;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace KenJeKlant.Host.Infrastructuur.Http;

/// <summary>
/// Turns the domain's errors into RFC 9457 problem details that say why: input that breaks a rule is 400 (errors
/// per field), a refused state change is 409 Conflict (with the field it is about), something that does not exist is 404.
/// </summary>
public sealed class DomeinfoutHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public const string Type = "https://kenjeklant.nl/problemen/overgang-geweigerd";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is NietGevondenException nietGevonden)
        {
            httpContext.Response.StatusCode = StatusCodes.Status404NotFound;
            return await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = { Status = StatusCodes.Status404NotFound, Title = "Niet gevonden", Detail = nietGevonden.Message },
            });
        }
        if (exception is OngeldigeInvoerException ongeldig)
        {
            httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = new HttpValidationProblemDetails(ongeldig.Fouten.ToDictionary(f => f.Key, f => f.Value)) { Status = StatusCodes.Status400BadRequest, Title = ongeldig.Message },
            });
        }
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
