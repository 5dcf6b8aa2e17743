namespace KenJeKlant.Bestand;

/// <summary>
/// Something in one row that the beheerder should look at but that does not stop the row from being
/// imported (unlike a <see cref="RijFout"/>), phrased for the beheerder.
/// </summary>
/// <param name="Regel">1-based physical line in the file where the row starts (the kopregel is line 1).</param>
/// <param name="Veld">Column name as in <see cref="BestandKolommen"/> (lower case).</param>
/// <param name="Reden">Short reason in plain Dutch; it never repeats a name or BSN.</param>
public sealed record RijWaarschuwing(int Regel, string Veld, string Reden);
