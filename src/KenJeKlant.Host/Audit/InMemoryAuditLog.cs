using System.Runtime.CompilerServices;

namespace KenJeKlant.Host.Audit;

/// <summary>The audit log without a database (development mode): the same chain, in memory.</summary>
public sealed class InMemoryAuditLog : IAuditLog
{
    private readonly List<AuditInvoer> _invoer = [];
    private readonly Lock _slot = new();

    public Task SchrijfAsync(AuditRegel regel, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(regel);
        regel = regel with { Tijdstip = AuditKeten.OpMicroseconde(regel.Tijdstip) };
        lock (_slot)
        {
            var vorige = _invoer.Count == 0 ? AuditKeten.Begin : _invoer[^1].Hash;
            var volgnummer = _invoer.Count + 1L;
            _invoer.Add(new AuditInvoer(volgnummer, regel, vorige, AuditKeten.Hash(volgnummer, regel, vorige)));
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditInvoer>> ZoekAsync(string? betrokkene, int maximaal, CancellationToken ct)
    {
        lock (_slot)
            return Task.FromResult<IReadOnlyList<AuditInvoer>>([.. _invoer.Where(i => betrokkene is null || i.Regel.Betrokkene == betrokkene).Reverse().Take(maximaal)]);
    }

    public Task<AuditVerificatie> VerifieerAsync(CancellationToken ct) => AuditKeten.VerifieerAsync(AllesAsync(ct), ct);

    private async IAsyncEnumerable<AuditInvoer> AllesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        List<AuditInvoer> kopie;
        lock (_slot) kopie = [.. _invoer];
        foreach (var i in kopie)
        {
            ct.ThrowIfCancellationRequested();
            yield return i;
        }
        await Task.CompletedTask;
    }
}
