using System.Text.Json.Serialization;

namespace KenJeKlant.Host.Rapportages;

/// <summary>
/// A report as the raad reads it: a title, the area (one gemeente or several together), the period or peildatum, and
/// tables whose cells are counts, percentages or "&lt; 5". A hidden cell has no <c>waarde</c>, only its <c>weergave</c>.
/// </summary>
public sealed record Rapport(
    string Soort,
    string Titel,
    string Gebied,
    IReadOnlyList<string> Gemeenten,
    DateOnly Van,
    DateOnly Tot,
    DateOnly? Peildatum,
    IReadOnlyList<Tabel> Tabellen,
    string Toelichting);

/// <summary>One table; <c>grafiek</c> says how the page draws it (staaf, lijn or geen).</summary>
public sealed record Tabel(string Titel, string Rijkop, IReadOnlyList<string> Kolommen, IReadOnlyList<Rij> Rijen)
{
    public string Grafiek { get; init; } = "staaf";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Toelichting { get; init; }
}

public sealed record Rij(string Label, IReadOnlyList<Cel> Cellen);

/// <summary>A number and how it is shown; <c>waarde</c> is null when the cell is hidden ("&lt; 5") or empty.</summary>
public sealed record Cel(decimal? Waarde, string Weergave)
{
    public static Cel Aantal(int n) => new(n, n.ToString("N0", Rapportcultuur.Nl));

    public static Cel Verborgen { get; } = new(null, $"< {Celbeveiliging.Drempel}");

    public static Cel Leeg { get; } = new(null, "–");

    public static Cel Percentage(decimal p) => new(Math.Round(p, 1), Math.Round(p, 1).ToString("0.0", Rapportcultuur.Nl) + " %");
}

public static class Rapportcultuur
{
    public static System.Globalization.CultureInfo Nl { get; } = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");
}
