using System.Text.Json;
using System.Text.RegularExpressions;

namespace KenJeKlant.Host.Infrastructuur.Http;

/// <summary>
/// Microsoft.Extensions.Validation (.NET 10) keys its errors by the C# member path (<c>Afspraken[2].Deadline</c>)
/// and titles them in English; our API names fields by their JSON path (<c>afspraken[2].deadline</c>) and speaks
/// Dutch (dotnet/aspnetcore#61764 tracks making the keys follow the JSON naming policy). Applied to every
/// validation problem on its way out, so a client finds a field the same way whoever raised the error.
/// </summary>
public static partial class ValidatieSpelling
{
    private const string EngelseTitel = "One or more validation errors occurred.";

    public static void Pas(ProblemDetailsContext context)
    {
        if (context.ProblemDetails is not HttpValidationProblemDetails probleem) return;
        if (probleem.Title == EngelseTitel) probleem.Title = "Het verzoek is niet volledig of niet juist";
        if (!probleem.Errors.Keys.Any(k => Segment().IsMatch(k) && k != JsonPad(k))) return;
        var fouten = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (veld, meldingen) in probleem.Errors)
            fouten[JsonPad(veld)] = fouten.TryGetValue(JsonPad(veld), out var al) ? [.. al, .. meldingen] : meldingen;
        probleem.Errors = fouten;
    }

    /// <summary><c>Afspraken[2].Deadline</c> → <c>afspraken[2].deadline</c>: each member name in camelCase, indexes kept.</summary>
    public static string JsonPad(string pad) => Segment().Replace(pad, m => JsonNamingPolicy.CamelCase.ConvertName(m.Value));

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Segment();
}
