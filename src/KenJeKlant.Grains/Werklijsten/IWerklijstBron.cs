using KenJeKlant.Abstractions.Werklijsten;

namespace KenJeKlant.Grains.Werklijsten;

/// <summary>
/// Where a werklijst is rebuilt from when its grain activates: the read model the klant grains keep.
/// The werklijst itself is not stored — rewriting a whole list per prompt grows with the caseload.
/// </summary>
public interface IWerklijstBron
{
    /// <summary>The reassessment prompts the klant grains reported to this klantmanager and have not withdrawn.</summary>
    Task<IReadOnlyList<WerklijstItem>> HerbeoordelingenAsync(string klantmanager, CancellationToken ct);

}

/// <summary>Where a werklijst finds the open campaign gesprekken of its klantmanager when it activates.</summary>
public interface IGesprekWerklijstBron
{
    /// <summary>Gesprekken to hold, and those whose slot passed without an outcome.</summary>
    Task<IReadOnlyList<WerklijstItem>> GesprekkenAsync(string klantmanager, CancellationToken ct);
}
