using KenJeKlant.Abstractions;

namespace KenJeKlant.Bestand;

/// <summary>
/// The outcome for one row: a <see cref="KlantProfiel"/> when the row is valid, otherwise all its errors.
/// </summary>
/// <param name="Regel">1-based physical line where the row starts.</param>
/// <param name="Klantnummer">
/// The klantnummer when it is well-formed, even if other fields are wrong: the cross-row checks
/// (duplicates) need it, and the beheerder recognises a row by it.
/// </param>
/// <param name="Klantmanager">The klantmanager id as given, for the check against known medewerkers.</param>
/// <param name="Klant">The profile; null exactly when <paramref name="Fouten"/> is not empty.</param>
/// <param name="Fouten">Every problem found in the row, not only the first.</param>
public sealed record BestandRij(
    int Regel,
    string? Klantnummer,
    string? Klantmanager,
    KlantProfiel? Klant,
    IReadOnlyList<RijFout> Fouten)
{
    public bool IsGeldig => Klant is not null;

    /// <summary>What to look at in the row without it being refused: a valid row stays valid.</summary>
    public IReadOnlyList<RijWaarschuwing> Waarschuwingen { get; init; } = [];

    /// <summary>This row with more errors; a row with errors carries no profile.</summary>
    public BestandRij MetFouten(IReadOnlyList<RijFout> extra) =>
        extra.Count == 0 ? this : this with { Klant = null, Fouten = [.. Fouten, .. extra] };
}
