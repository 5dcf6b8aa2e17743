using System.Security.Claims;
using KenJeKlant.Host.Gemeenten;

namespace KenJeKlant.Host.Rapportages;

/// <summary>
/// Which gemeenten a request covers: the one asked for, or all the user may see together. A gemeente that does not
/// exist is a 400 naming the parameter; one the user may not see is a 403 (the audit log records the refusal).
/// </summary>
public static class GemeenteKeuze
{
    public sealed record Uitkomst(Gebied? Gebied, IResult? Fout);

    public static Uitkomst Kies(string? gemeente, ClaimsPrincipal gebruiker, Gemeentelijst lijst, string parameter = "gemeente")
    {
        var toegestaan = Gemeentetoegang.Toegestaan(gebruiker);
        if (!string.IsNullOrWhiteSpace(gemeente))
        {
            if (lijst.Zoek(gemeente) is not { } g)
                return new(null, TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    [parameter] = [$"Onbekende gemeente '{gemeente}'; bekend zijn: {string.Join(", ", lijst.Alle.Select(a => $"{a.Code} ({a.Naam})"))}."],
                }, title: "Onbekende gemeente"));
            if (toegestaan is not null && !toegestaan.Contains(g.Code))
                return new(null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Geen toegang tot deze gemeente",
                    detail: $"U werkt niet voor {g.Naam}; vraag een beheerder om toegang."));
            return new(new Gebied([g.Code], g.Naam, g.Code), null);
        }
        var zichtbaar = lijst.Alle.Where(a => toegestaan is null || toegestaan.Contains(a.Code)).ToList();
        if (zichtbaar.Count == 0)
            return new(null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Geen gemeente", detail: "Uw account is aan geen gemeente gekoppeld."));
        var namen = zichtbaar.Select(a => a.Naam).ToList();
        var naam = namen.Count == 1 ? namen[0] : string.Join(", ", namen[..^1]) + " en " + namen[^1];
        return new(new Gebied([.. zichtbaar.Select(a => a.Code)], naam), null);
    }
}
