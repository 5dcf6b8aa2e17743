namespace KenJeKlant.Bestand;

/// <summary>Writing one CSV field per RFC 4180.</summary>
internal static class CsvVeld
{
    /// <summary>The value, quoted (with doubled quotes) only when it holds the separator, a quote or a line break.</summary>
    public static string Schrijf(string waarde, char scheidingsteken) =>
        waarde.AsSpan().IndexOfAny([scheidingsteken, '"', '\r', '\n']) < 0
            ? waarde
            : "\"" + waarde.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
