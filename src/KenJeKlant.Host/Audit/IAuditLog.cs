namespace KenJeKlant.Host.Audit;

/// <summary>The append-only audit log. Appending is the only change it allows.</summary>
public interface IAuditLog
{
    Task SchrijfAsync(AuditRegel regel, CancellationToken ct);

    /// <summary>Entries for one betrokkene (or all), newest first.</summary>
    Task<IReadOnlyList<AuditInvoer>> ZoekAsync(string? betrokkene, int maximaal, CancellationToken ct);

    Task<AuditVerificatie> VerifieerAsync(CancellationToken ct);
}
