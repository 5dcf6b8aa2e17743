namespace KenJeKlant.Bestand;

/// <summary>
/// Yes/no columns. Systems write ja/nee, j/n, true/false or 1/0; an empty cell means nee because
/// exports leave flags blank when they were never set.
/// </summary>
internal static class JaNee
{
    public static bool TryParse(string tekst, out bool waarde)
    {
        switch (tekst.Trim().ToLowerInvariant())
        {
            case "ja" or "j" or "true" or "1":
                waarde = true;
                return true;
            case "nee" or "n" or "false" or "0" or "":
                waarde = false;
                return true;
            default:
                waarde = false;
                return false;
        }
    }

    public static string Formatteer(bool waarde) => waarde ? "ja" : "nee";
}
