using KenJeKlant.Abstractions.PlanVanAanpak;

namespace KenJeKlant.Grains.PlanVanAanpak;

/// <summary>
/// The plan's tables as its grain uses them: the home of every version and afspraak. The grain is their one writer
/// per client; the version's primary key refuses a second writer of the same version all the same.
/// </summary>
public interface IPlanVanAanpakOpslag
{
    /// <summary>The current version with its afspraken and the list of versions, or null when the client has none.</summary>
    Task<Plan?> HuidigAsync(string klantnummer, CancellationToken ct = default);

    /// <summary>Version <paramref name="versie"/> as it was agreed, or null.</summary>
    Task<Plan?> VersieAsync(string klantnummer, int versie, CancellationToken ct = default);

    /// <summary>Stores a new version in one transaction: its header, the rows that end with it, the rows that start with it.</summary>
    Task SchrijfAsync(PlanWijziging wijziging, CancellationToken ct = default);

    /// <summary>Closes an open afspraak of the current plan; false when it was not open (any more).</summary>
    Task<bool> SchrijfAfrondingAsync(string klantnummer, Afspraak afspraak, CancellationToken ct = default);

    /// <summary>The client's name and klantmanager (for the werklijst), or null when the client is not in the read model.</summary>
    Task<KlantVoorPlan?> KlantAsync(string klantnummer, CancellationToken ct = default);
}

/// <summary>A client as a plan's werklijst items and printout name them.</summary>
public sealed record KlantVoorPlan(string Klantnummer, string Naam, string Klantmanager);

/// <summary>
/// A new version as it is stored: the plan as it now reads, the afspraak rows that start with this version (new
/// afspraken and new contents of changed ones) and the ids whose current row ends with it (changed or left out).
/// </summary>
public sealed record PlanWijziging(
    Plan Plan,
    IReadOnlyList<Afspraak> NieuweRijen,
    IReadOnlyList<Guid> Beeindigd);
