using System.Diagnostics;
using System.Runtime.CompilerServices;
using Dapper;
using KenJeKlant.Host.Infrastructuur.Postgres;
using Npgsql;

namespace KenJeKlant.Host.Audit;

/// <summary>
/// The audit log in PostgreSQL. Appends are serialised cluster-wide by a transaction-level advisory
/// lock: the chain needs the previous hash, and every silo appends. Reads of personal data happen at
/// human pace, so one writer at a time is plenty.
/// </summary>
public sealed class PostgresAuditLog(NpgsqlDataSource db) : IAuditLog
{
    private const long Slot = 0x4B4A4B_41554449; // "KJK" "AUDI"

    // The auditlog table, once. What is hashed is AuditKeten.Hash over the entry built below, never these
    // parameters, so the chain does not depend on how the row gets to the table.
    internal static readonly KolomTabel<AuditInvoer> Auditlog = new KolomTabel<AuditInvoer>("auditlog")
        .Kolom("volgnummer", "bigint", i => i.Volgnummer)
        .Kolom("tijdstip", "timestamptz", i => i.Regel.Tijdstip.UtcDateTime)
        .Kolom("actor", "text", i => i.Regel.Actor)
        .Kolom("rol", "text", i => i.Regel.Rol)
        .Kolom("actie", "text", i => i.Regel.Actie.ToString())
        .Kolom("verwerking", "text", i => i.Regel.Verwerking)
        .Kolom("object", "text", i => i.Regel.Betrokkene)
        .Kolom("resultaat", "integer", i => i.Regel.Resultaat)
        .Kolom("oorsprong", "text", i => i.Regel.Oorsprong)
        .Kolom("trace_id", "text", i => i.Regel.TraceId)
        .Kolom("activiteit_id", "text", i => i.Regel.ActiviteitId)
        .Kolom("span_id", "text", i => i.Regel.SpanId)
        .Kolom("vorige_hash", "bytea", i => i.VorigeHash)
        .Kolom("hash", "bytea", i => i.Hash);

    private static readonly string Insert = Auditlog.InsertUitWaarden("");

    public async Task SchrijfAsync(AuditRegel regel, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(regel);
        // Microseconds, as PostgreSQL keeps them, so what is hashed is what is stored. Every writer gets the register's
        // id for its activity and the current span here, in one place.
        regel = regel with
        {
            Tijdstip = AuditKeten.OpMicroseconde(regel.Tijdstip),
            ActiviteitId = regel.ActiviteitId ?? Verwerkingsregister.IdVan(regel.Verwerking),
            SpanId = regel.SpanId ?? Activity.Current?.SpanId.ToHexString(),
        };
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@slot)", new { slot = Slot }, tx, cancellationToken: ct));
        var laatste = await conn.QuerySingleOrDefaultAsync<Schakel>(new CommandDefinition(
            "SELECT volgnummer, hash FROM auditlog ORDER BY volgnummer DESC LIMIT 1", transaction: tx, cancellationToken: ct));
        var (volgnummer, vorige) = laatste is null ? (1L, AuditKeten.Begin) : (laatste.Volgnummer + 1, laatste.Hash);
        var invoer = new AuditInvoer(volgnummer, regel, vorige, AuditKeten.Hash(volgnummer, regel, vorige));
        await conn.ExecuteAsync(new CommandDefinition(Insert, Auditlog.Waarden(invoer), tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<AuditInvoer>> ZoekAsync(string? betrokkene, int maximaal, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rijen = await conn.QueryAsync<OpgeslagenInvoer>(new CommandDefinition(
            $"SELECT {Auditlog.Lijst()} FROM auditlog WHERE @betrokkene::text IS NULL OR object = @betrokkene ORDER BY volgnummer DESC LIMIT @maximaal",
            new { betrokkene, maximaal }, cancellationToken: ct));
        return [.. rijen.Select(r => r.NaarInvoer())];
    }

    public Task<AuditVerificatie> VerifieerAsync(CancellationToken ct) => AuditKeten.VerifieerAsync(AllesAsync(ct), ct);

    private async IAsyncEnumerable<AuditInvoer> AllesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        // Unbuffered: verification walks the whole chain, which only grows.
        var rijen = conn.QueryUnbufferedAsync<OpgeslagenInvoer>($"SELECT {Auditlog.Lijst()} FROM auditlog ORDER BY volgnummer");
        await foreach (var rij in rijen.WithCancellation(ct)) yield return rij.NaarInvoer();
    }

    /// <summary>The chain's last link: where the next entry continues.</summary>
    private sealed record Schakel(long Volgnummer, byte[] Hash);

    /// <summary>An auditlog row read by column name; <see cref="NaarInvoer"/> rebuilds the entry exactly as it was hashed.</summary>
    internal sealed class OpgeslagenInvoer
    {
        public long Volgnummer { get; init; }
        public DateTimeOffset Tijdstip { get; init; }
        public required string Actor { get; init; }
        public required string Rol { get; init; }
        public required string Actie { get; init; }
        public required string Verwerking { get; init; }
        /// <summary>The column is called <c>object</c>: the betrokkene.</summary>
        public required string Object { get; init; }
        public int Resultaat { get; init; }
        public required string Oorsprong { get; init; }
        public required string TraceId { get; init; }
        public string? ActiviteitId { get; init; }
        public string? SpanId { get; init; }
        public required byte[] VorigeHash { get; init; }
        public required byte[] Hash { get; init; }

        public AuditInvoer NaarInvoer() => new(
            Volgnummer,
            new AuditRegel(Tijdstip, Actor, Rol, Enum.Parse<AuditActie>(Actie), Verwerking, Object, Resultaat, Oorsprong, TraceId)
            {
                ActiviteitId = ActiviteitId,
                SpanId = SpanId,
            },
            VorigeHash, Hash);
    }
}
