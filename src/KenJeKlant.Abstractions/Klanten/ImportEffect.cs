namespace KenJeKlant.Abstractions.Klanten;

/// <summary>What one row of a bestand export did to the client it names.</summary>
[GenerateSerializer, Alias("kjk.ImportEffect")]
public enum ImportEffect
{
    Ongewijzigd = 0,
    Nieuw = 1,
    Gewijzigd = 2,
    /// <summary>A client who had left the bestand appears in the export again (inflow happens: ~30% a year).</summary>
    TerugInBestand = 3,
}
