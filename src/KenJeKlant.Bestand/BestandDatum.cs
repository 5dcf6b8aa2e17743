using System.Globalization;

namespace KenJeKlant.Bestand;

/// <summary>
/// Dates as exports write them: Dutch d-m-jjjj (with or without leading zeros) or ISO jjjj-mm-dd.
/// Slashes are refused on purpose: 03/04/2020 is 3 April in Dutch but 4 March in a US-set spreadsheet,
/// and guessing would silently shift dates.
/// </summary>
internal static class BestandDatum
{
    private static readonly string[] Formaten = ["d-M-yyyy", "yyyy-M-d"];

    public const string Verwachting = "verwacht dd-mm-jjjj of jjjj-mm-dd";

    public static bool TryParse(string tekst, out DateOnly datum) =>
        DateOnly.TryParseExact(tekst.Trim(), Formaten, CultureInfo.InvariantCulture, DateTimeStyles.None, out datum);

    /// <summary>The Dutch notation the generator writes.</summary>
    public static string Formatteer(DateOnly datum) => datum.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    /// <summary>Whole years between <paramref name="geboortedatum"/> and <paramref name="peildatum"/>.</summary>
    public static int Leeftijd(DateOnly geboortedatum, DateOnly peildatum)
    {
        var jaren = peildatum.Year - geboortedatum.Year;
        return peildatum < geboortedatum.AddYears(jaren) ? jaren - 1 : jaren;
    }
}
