namespace KenJeKlant.Bestand;

/// <summary>Why a file as a whole cannot be read; no row is imported then.</summary>
public enum BestandProbleemSoort
{
    LeegBestand,
    GeenKopregel,
    OnbekendScheidingsteken,
    OntbrekendeKolommen,
    DubbeleKolommen,
    GeenRijen,
}
