namespace KenJeKlant.Grains;

/// <summary>Names of the grain storage providers the host must register.</summary>
public static class StorageNames
{
    /// <summary>All KenJeKlant grain state (one table; grain type and key tell the rows apart).</summary>
    public const string KenJeKlant = "kenjeklant";
}
