using KenJeKlant.Abstractions.Bestand;

namespace KenJeKlant.Host.Bestand;

/// <summary>What the beheer page receives: the import's whole stand, first as snapshot on Volg, then on every (coalesced) change.</summary>
public interface IBestandImportClient
{
    Task Import(ImportStand stand);
}
