using KenJeKlant.Abstractions.Werklijsten;

namespace KenJeKlant.Grains.Werklijsten;

/// <summary>Where a werklijst finds the afspraken to check: open afspraken of its clients whose deadline has come.</summary>
public interface IAfspraakWerklijstBron
{
    /// <summary>Open afspraken in the current plans of this klantmanager's clients with a deadline on or before <paramref name="vandaag"/>.</summary>
    Task<IReadOnlyList<WerklijstItem>> TeControlerenAsync(string klantmanager, DateOnly vandaag, CancellationToken ct);
}
