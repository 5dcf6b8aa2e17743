using KenJeKlant.Host.Handhaving;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace KenJeKlant.Host.Infrastructuur.Http;

/// <summary>
/// A body that cannot be read (bad JSON, an unknown enum value) is the caller's mistake: 400 problem
/// details naming the field. Minimal APIs throw it in every environment (ApiExtensions sets
/// ThrowOnBadRequest); unhandled, it would become a 500.
/// </summary>
public sealed class OngeldigVerzoekHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException fout) return false;
        var veld = fout.InnerException is JsonException { Path: { } pad } ? $" Controleer veld {pad}." : "";
        httpContext.Response.StatusCode = fout.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = fout.StatusCode,
                Title = "Het verzoek is niet te lezen",
                Detail = "De inhoud is geen geldige JSON voor dit verzoek, of een waarde is onbekend." + veld,
            },
        });
    }
}
