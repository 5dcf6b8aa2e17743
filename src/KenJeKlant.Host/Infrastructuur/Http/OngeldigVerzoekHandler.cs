using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace KenJeKlant.Host.Infrastructuur.Http;

/// <summary>
/// A body that cannot be read (bad JSON, an unknown field, an unknown enum value) is the caller's mistake:
/// 400 problem details with <c>errors</c> keyed by the field's JSON path, as a validation refusal is.
/// Minimal APIs throw it in every environment (HttpModule sets ThrowOnBadRequest); unhandled, it would
/// become a 500.
/// </summary>
public sealed class OngeldigVerzoekHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException fout) return false;
        var json = fout.InnerException as JsonException;
        var pad = json?.Path;
        var veld = Veld(pad);
        var onbekend = json?.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) == true;
        var melding = onbekend
            ? $"Onbekend veld '{veld}': dit verzoek kent het niet. Controleer de spelling."
            : "Deze waarde is niet te lezen: controleer het type en de toegestane waarden.";
        httpContext.Response.StatusCode = fout.StatusCode;
        var details = veld is null
            ? new Microsoft.AspNetCore.Mvc.ProblemDetails()
            : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [veld] = [melding] });
        details.Status = fout.StatusCode;
        details.Title = "Het verzoek is niet te lezen";
        details.Detail = onbekend
            ? $"Het verzoek bevat een veld dat niet bestaat. Controleer veld {pad}."
            : "De inhoud is geen geldige JSON voor dit verzoek, of een waarde is onbekend." + (pad is null ? "" : $" Controleer veld {pad}.");
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = details });
    }

    /// <summary>"$.capaciteit.slotMinuten" → "capaciteit.slotMinuten", the key the validation errors use too.</summary>
    private static string? Veld(string? pad) =>
        string.IsNullOrEmpty(pad) || pad == "$" ? null : pad.StartsWith("$.", StringComparison.Ordinal) ? pad[2..] : pad.TrimStart('$');
}
