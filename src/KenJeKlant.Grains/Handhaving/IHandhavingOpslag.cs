using KenJeKlant.Abstractions.Handhaving;

namespace KenJeKlant.Grains.Handhaving;

/// <summary>
/// The handhavingssignaal table as the review grain uses it: the campaign's row is the source of a
/// signal, and the grain writes where the review stands back to it for the queue and reports.
/// The host supplies it on PostgreSQL.
/// </summary>
public interface IHandhavingOpslag
{
    /// <summary>The signal as the campaign created it, or null when there is none with this id.</summary>
    Task<SignaalBasis?> SignaalAsync(Guid id, CancellationToken ct = default);

    Task SchrijfStandAsync(SignaalStand stand, CancellationToken ct = default);

    /// <summary>
    /// Puts the letter in the outbox (<c>bericht</c>, as sent) once: a retry of the same signal and soort keeps the
    /// letter already there and returns its id, so a step repeated after a failed state write sends nothing twice.
    /// </summary>
    Task<Guid> SchrijfBriefAsync(Handhavingsbrief brief, CancellationToken ct = default);
}

/// <summary>Where one review stands, as the read model keeps it.</summary>
public sealed record SignaalStand(
    Guid Id,
    SignaalStatus Status,
    string? Behandelaar,
    BesluitSoort? Besluit,
    int? Percentage,
    int? DuurMaanden,
    string? BeslotenDoor,
    DateTimeOffset? BeslotenOp,
    DateTimeOffset BijgewerktOp);
