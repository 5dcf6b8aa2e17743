using System.Text.Json.Serialization;

namespace KenJeKlant.Abstractions.Bestand;

/// <summary>An error or a warning about one row of the export, phrased for the beheerder who has to fix it.</summary>
/// <param name="Regel">1-based physical line in the file where the row starts (the kopregel is line 1).</param>
/// <param name="Veld">Column name (lower case), or <c>(rij)</c> for the row as a whole.</param>
/// <param name="Reden">Short reason in plain Dutch.</param>
[GenerateSerializer, Alias("kjk.ImportMelding")]
public sealed record ImportMelding(
    [property: Id(0), JsonPropertyName("regel")] int Regel,
    [property: Id(1), JsonPropertyName("veld")] string Veld,
    [property: Id(2), JsonPropertyName("reden")] string Reden);
