namespace KenJeKlant.Bestand;

/// <summary>
/// One problem with one row of the bestand, phrased for the beheerder who has to fix the export.
/// </summary>
/// <param name="Regel">1-based physical line in the file where the row starts (the kopregel is line 1).</param>
/// <param name="Veld">Column name as in <see cref="BestandKolommen"/> (lower case), or <see cref="HeleRij"/> when the row as a whole is wrong.</param>
/// <param name="Reden">Short reason in plain Dutch, e.g. "BSN voldoet niet aan de elfproef".</param>
public sealed record RijFout(int Regel, string Veld, string Reden)
{
    /// <summary>Veld value for problems that belong to no single column (wrong number of fields, open quote).</summary>
    public const string HeleRij = "(rij)";
}
