using System.Security.Claims;

namespace KenJeKlant.Host.Beveiliging;

/// <summary>
/// How a person is represented once logged in, whichever way (password, token, the gemeente's
/// identity provider): their account name, display name, roles and — for a klantmanager — the
/// medewerker id their caseload hangs on.
/// </summary>
public static class KenJeKlantClaims
{
    public const string Medewerker = "medewerker";
    public const string Naam = "naam";
    /// <summary>Identity type of a browser session; only those need an anti-forgery token.</summary>
    public const string Sessie = "sessie";
    public const string Token = "token";
    /// <summary>How the session began; <c>gemeente</c> for the identity provider, whose session logging out also ends.</summary>
    public const string Aanmelding = "aanmelding";
    /// <summary>
    /// A CBS gemeentecode a programmaleider is limited to (one claim per gemeente; none: all of them).
    /// Read by <see cref="Gemeenten.Gemeentetoegang"/>.
    /// </summary>
    public const string Gemeente = "gemeente";

    public static ClaimsPrincipal Principal(string gebruikersnaam, string naam, IEnumerable<string> rollen, string? medewerker, string soort,
        IEnumerable<string>? gemeenten = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, gebruikersnaam), new(Naam, naam) };
        claims.AddRange(rollen.Where(Rollen.Bestaat).Distinct(StringComparer.Ordinal).Select(r => new Claim(ClaimTypes.Role, r)));
        if (medewerker is not null) claims.Add(new Claim(Medewerker, medewerker));
        claims.AddRange((gemeenten ?? []).Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim()).Distinct(StringComparer.Ordinal).Select(g => new Claim(Gemeente, g)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, soort, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static string? MedewerkerVan(this ClaimsPrincipal user) => user.FindFirstValue(Medewerker);

    public static IReadOnlyList<string> RollenVan(this ClaimsPrincipal user) =>
        [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)];

    public static bool IsSessie(this ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, AuthenticationType: Sessie };
}
