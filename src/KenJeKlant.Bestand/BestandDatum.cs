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

    public static bool TryParse(string tekst, out DateOnly datum)
    {
        ArgumentNullException.ThrowIfNull(tekst);
        var waarde = tekst.AsSpan().Trim();
        // The two shapes exports write nearly always (dd-mm-jjjj, jjjj-mm-dd) are read digit by digit: TryParseExact over a
        // list of formats was the largest part of reading a row (three dates a row; profile of the import, decision 29).
        // Anything else, and any impossible date, goes to TryParseExact, which stays the rule: this only ever accepts what
        // it accepts, with the same date (BestandLezerVeldTests.DatumLeestAlsTryParseExact).
        return Tien(waarde, out datum)
            || DateOnly.TryParseExact(waarde, Formaten, CultureInfo.InvariantCulture, DateTimeStyles.None, out datum);
    }

    private static bool Tien(ReadOnlySpan<char> tekst, out DateOnly datum)
    {
        datum = default;
        if (tekst.Length != 10) return false;
        int dag, maand, jaar;
        if (tekst[2] == '-' && tekst[5] == '-')
        {
            if (!Cijfers(tekst[..2], out dag) || !Cijfers(tekst[3..5], out maand) || !Cijfers(tekst[6..], out jaar)) return false;
        }
        else if (tekst[4] == '-' && tekst[7] == '-')
        {
            if (!Cijfers(tekst[..4], out jaar) || !Cijfers(tekst[5..7], out maand) || !Cijfers(tekst[8..], out dag)) return false;
        }
        else return false;
        if (jaar < 1 || maand is < 1 or > 12 || dag < 1 || dag > DateTime.DaysInMonth(jaar, maand)) return false;
        datum = new DateOnly(jaar, maand, dag);
        return true;
    }

    private static bool Cijfers(ReadOnlySpan<char> tekst, out int getal)
    {
        getal = 0;
        foreach (var teken in tekst)
        {
            if (!char.IsAsciiDigit(teken)) return false;
            getal = getal * 10 + (teken - '0');
        }
        return true;
    }

    /// <summary>The Dutch notation the generator writes.</summary>
    public static string Formatteer(DateOnly datum) => datum.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    /// <summary>Whole years between <paramref name="geboortedatum"/> and <paramref name="peildatum"/>.</summary>
    public static int Leeftijd(DateOnly geboortedatum, DateOnly peildatum)
    {
        var jaren = peildatum.Year - geboortedatum.Year;
        return peildatum < geboortedatum.AddYears(jaren) ? jaren - 1 : jaren;
    }
}
