namespace KenJeKlant.Bestand;

/// <summary>Dutch postcodes: four digits (not starting with 0) and two letters, stored as "1234AB".</summary>
internal static class PostcodeNotatie
{
    /// <summary>"1234 AB", "1234ab" or "1234AB" become "1234AB"; anything else null.</summary>
    public static string? Normaliseer(string tekst)
    {
        var zonderSpaties = string.Concat(tekst.Where(c => !char.IsWhiteSpace(c)));
        if (zonderSpaties.Length != 6)
        {
            return null;
        }

        var cijfers = zonderSpaties.AsSpan(0, 4);
        var letters = zonderSpaties.AsSpan(4, 2);
        var geldig = cijfers[0] != '0'
            && !cijfers.ContainsAnyExceptInRange('0', '9')
            && char.IsAsciiLetter(letters[0]) && char.IsAsciiLetter(letters[1]);
        return geldig ? zonderSpaties.ToUpperInvariant() : null;
    }

    /// <summary>The notation with a space, as it appears on letters.</summary>
    public static string MetSpatie(string genormaliseerd) => genormaliseerd[..4] + " " + genormaliseerd[4..];
}
