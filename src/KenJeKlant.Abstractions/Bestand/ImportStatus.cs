namespace KenJeKlant.Abstractions.Bestand;

/// <summary>Where a bestand import stands: running, or how it ended.</summary>
[GenerateSerializer, Alias("kjk.ImportStatus")]
public enum ImportStatus
{
    Bezig = 0,
    /// <summary>Done: imported (or, for a controle, checked) to the end.</summary>
    Klaar = 1,
    /// <summary>Stopped by a beheerder; what was applied is complete, nobody left the bestand.</summary>
    Afgebroken = 2,
    /// <summary>The file could not be imported (unreadable, or errors without a partial import): nothing applied.</summary>
    Mislukt = 3,
}

/// <summary>The steps of an import, in order.</summary>
[GenerateSerializer, Alias("kjk.ImportFase")]
public enum ImportFase
{
    /// <summary>Reading the file and checking every row; nothing changes yet.</summary>
    Controleren = 0,
    /// <summary>Applying the valid rows to the klant grains.</summary>
    Toepassen = 1,
    /// <summary>Marking clients missing from the export as having left the bestand.</summary>
    UitBestand = 2,
    /// <summary>Nothing left to do.</summary>
    Afgerond = 3,
}
