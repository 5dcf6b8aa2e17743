namespace KenJeKlant.Abstractions.Bestand;

/// <summary>Receives an import's whole stand as it changes (the hosts forward it to the beheer page).</summary>
[Alias("kjk.IBestandImportObserver")]
public interface IBestandImportObserver : IGrainObserver
{
    [Alias("ImportGewijzigd")]
    void ImportGewijzigd(ImportStand stand);
}
