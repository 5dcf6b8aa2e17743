using KenJeKlant.Abstractions.Klanten;

namespace KenJeKlant.Host.Klanten;

/// <summary>Reads an indeling from a query string the way the JSON API writes it ("zonder-afstand").</summary>
public static class IndelingParameter
{
    public static bool TryParse(string tekst, out Indeling indeling) =>
        Enum.TryParse(tekst.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), ignoreCase: true, out indeling)
        && Enum.IsDefined(indeling);
}
