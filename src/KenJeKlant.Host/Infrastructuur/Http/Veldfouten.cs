using KenJeKlant.Grains;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KenJeKlant.Host.Infrastructuur.Http;

public static class Veldfouten
{
    /// <summary>A 400 validation problem whose <c>errors</c> list the messages per request field.</summary>
    public static ValidationProblem AlsProbleem(this IEnumerable<Veldfout> fouten, string titel) =>
        TypedResults.ValidationProblem(
            fouten.GroupBy(f => f.Veld).ToDictionary(g => g.Key, g => g.Select(f => f.Melding).ToArray()),
            title: titel);
}
