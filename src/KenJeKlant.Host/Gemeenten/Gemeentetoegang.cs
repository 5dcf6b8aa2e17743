using System.Security.Claims;
using KenJeKlant.Host.Beveiliging;

namespace KenJeKlant.Host.Gemeenten;

/// <summary>
/// Which gemeenten a person may ask about where a gemeente is asked for (campaigns, reports). A programmaleider
/// can be limited to one or more gemeenten (claims of type <see cref="KenJeKlantClaims.Gemeente"/>); a beheerder
/// and a programmaleider without such claims may see all. Klantmanagers are limited by their caseload instead.
/// </summary>
public static class Gemeentetoegang
{
    /// <summary>null: all gemeenten; otherwise the CBS codes this person is limited to (never empty).</summary>
    public static IReadOnlySet<string>? Toegestaan(ClaimsPrincipal gebruiker)
    {
        ArgumentNullException.ThrowIfNull(gebruiker);
        if (gebruiker.IsInRole(Rollen.Beheerder)) return null;
        var codes = gebruiker.FindAll(KenJeKlantClaims.Gemeente).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return codes.Count == 0 ? null : codes;
    }

    /// <summary>May this person ask about gemeente <paramref name="code"/>?</summary>
    public static bool Mag(ClaimsPrincipal gebruiker, string code) =>
        Toegestaan(gebruiker) is not { } codes || codes.Contains(code);
}
