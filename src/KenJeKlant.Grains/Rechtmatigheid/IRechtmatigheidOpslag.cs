using KenJeKlant.Abstractions.Rechtmatigheid;

namespace KenJeKlant.Grains.Rechtmatigheid;

/// <summary>The rechtmatigheidssignaal table, the one home of a signal and its steps; the host supplies it on PostgreSQL.</summary>
public interface IRechtmatigheidOpslag
{
    Task<Rechtmatigheidszaak?> ZaakAsync(Guid id, CancellationToken ct = default);

    /// <summary>Writes the signal as it now is; a new one is inserted.</summary>
    Task SchrijfAsync(Rechtmatigheidszaak zaak, CancellationToken ct = default);

    /// <summary>Puts the oproep for horen in the outbox (as sent) once per signal; returns its id (the existing one on a retry).</summary>
    Task<Guid> SchrijfOproepAsync(Guid signaalId, Guid briefId, DateTimeOffset verzondenOp, CancellationToken ct = default);
}
