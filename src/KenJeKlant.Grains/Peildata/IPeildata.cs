using KenJeKlant.Abstractions.Peildata;

namespace KenJeKlant.Grains.Peildata;

/// <summary>Where peildata are kept (PostgreSQL's klant_peildata and peildatum_telling).</summary>
public interface IPeildata
{
    /// <summary>The latest recorded peildatum, or null before the first.</summary>
    Task<DateOnly?> LaatsteAsync(CancellationToken ct = default);

    /// <summary>
    /// Records the bestand's current state as the state on <paramref name="peildatum"/> and counts it. A peildatum
    /// before the latest is refused (history is not rewritten); the latest itself may be taken again.
    /// </summary>
    Task<PeildatumRun> NeemAsync(DateOnly peildatum, CancellationToken ct = default);
}
