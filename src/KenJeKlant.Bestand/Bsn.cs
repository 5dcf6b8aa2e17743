using System.Globalization;

namespace KenJeKlant.Bestand;

/// <summary>
/// Burgerservicenummer checks. A BSN is nine digits that pass the elfproef
/// (9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 mod 11). Exports often lose the leading zero
/// (spreadsheets treat the BSN as a number), so eight digits are accepted and padded.
/// </summary>
public static class Bsn
{
    /// <summary>True when <paramref name="invoer"/> is nine digits (or eight, padded) that pass the elfproef.</summary>
    public static bool IsGeldig(string? invoer) => Normaliseer(invoer) is not null;

    /// <summary>
    /// The nine-digit form of a valid BSN, or null when the input is not a valid BSN.
    /// Surrounding whitespace is ignored; eight digits get a leading zero.
    /// </summary>
    public static string? Normaliseer(string? invoer)
    {
        var cijfers = invoer?.Trim();
        if (cijfers is null || !IsAlleenCijfers(cijfers))
        {
            return null;
        }

        var negen = cijfers.Length switch
        {
            9 => cijfers,
            8 => "0" + cijfers,
            _ => null,
        };
        return negen is not null && VoldoetAanElfproef(negen) ? negen : null;
    }

    /// <summary>
    /// Builds a valid BSN from its first eight digits (0 … 99,999,999) by adding the check digit.
    /// Returns null when no check digit exists (the weighted sum leaves remainder 10) or when the
    /// result would be all zeros, which the elfproef accepts but is never a real BSN.
    /// </summary>
    public static string? MetControlecijfer(int eersteAchtCijfers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(eersteAchtCijfers);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(eersteAchtCijfers, 99_999_999);
        if (eersteAchtCijfers == 0)
        {
            return null;
        }

        var prefix = eersteAchtCijfers.ToString("D8", CultureInfo.InvariantCulture);
        // The last digit weighs −1, so it must equal the remainder of the first eight; 10 is not a digit.
        var controle = GewogenSom(prefix) % 11;
        return controle == 10 ? null : prefix + (char)('0' + controle);
    }

    /// <summary>The elfproef on exactly nine digits; all zeros passes the arithmetic but is rejected.</summary>
    internal static bool VoldoetAanElfproef(string negenCijfers)
    {
        if (negenCijfers.All(c => c == '0'))
        {
            return false;
        }

        var som = GewogenSom(negenCijfers) - (negenCijfers[8] - '0');
        return som % 11 == 0;
    }

    /// <summary>9·d1 + 8·d2 + … + 2·d8 over the first eight digits.</summary>
    private static int GewogenSom(string cijfers)
    {
        var som = 0;
        for (var i = 0; i < 8; i++)
        {
            som += (9 - i) * (cijfers[i] - '0');
        }
        return som;
    }

    // char.IsDigit would accept other scripts' digits (e.g. Arabic-Indic); only ASCII 0-9 is a BSN digit.
    private static bool IsAlleenCijfers(string tekst) => tekst.Length > 0 && tekst.All(char.IsAsciiDigit);
}
