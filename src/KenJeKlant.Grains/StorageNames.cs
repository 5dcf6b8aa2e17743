namespace KenJeKlant.Grains;

/// <summary>Names of the grain storage providers the host must register.</summary>
public static class StorageNames
{
    /// <summary>All KenJeKlant grain state (one table; grain type and key tell the rows apart).</summary>
    public const string KenJeKlant = "kenjeklant";

    /// <summary>Klant grain state: its own typed table, written in batches with the client's read-model row (decision 29).</summary>
    public const string Klanten = "klanten";
}
