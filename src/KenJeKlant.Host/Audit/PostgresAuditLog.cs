using System.Runtime.CompilerServices;
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
    private const string Kolommen = "volgnummer, tijdstip, actor, rol, actie, verwerking, object, resultaat, oorsprong, trace_id, vorige_hash, hash";

    public async Task SchrijfAsync(AuditRegel regel, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(regel);
        regel = regel with { Tijdstip = AuditKeten.OpMicroseconde(regel.Tijdstip) };
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var lockCmd = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({Slot})", conn, tx)) await lockCmd.ExecuteNonQueryAsync(ct);
        long volgnummer = 1;
        var vorige = AuditKeten.Begin;
        await using (var laatste = new NpgsqlCommand("SELECT volgnummer, hash FROM auditlog ORDER BY volgnummer DESC LIMIT 1", conn, tx))
        await using (var r = await laatste.ExecuteReaderAsync(ct))
        {
            if (await r.ReadAsync(ct)) (volgnummer, vorige) = (r.GetInt64(0) + 1, (byte[])r[1]);
        }
        await using var insert = new NpgsqlCommand($"INSERT INTO auditlog ({Kolommen}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)", conn, tx);
        object[] waarden =
        [
            volgnummer, regel.Tijdstip.UtcDateTime, regel.Actor, regel.Rol, regel.Actie.ToString(), regel.Verwerking, regel.Betrokkene,
            regel.Resultaat, regel.Oorsprong, regel.TraceId, vorige, AuditKeten.Hash(volgnummer, regel, vorige),
        ];
        foreach (var w in waarden) insert.Parameters.Add(new NpgsqlParameter { Value = w });
        await insert.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<AuditInvoer>> ZoekAsync(string? betrokkene, int maximaal, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"SELECT {Kolommen} FROM auditlog WHERE $1::text IS NULL OR object = $1 ORDER BY volgnummer DESC LIMIT {maximaal}");
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)betrokkene ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var regels = new List<AuditInvoer>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) regels.Add(Lees(r));
        return regels;
    }

    public Task<AuditVerificatie> VerifieerAsync(CancellationToken ct) => AuditKeten.VerifieerAsync(AllesAsync(ct), ct);

    private async IAsyncEnumerable<AuditInvoer> AllesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"SELECT {Kolommen} FROM auditlog ORDER BY volgnummer");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) yield return Lees(r);
    }

    private static AuditInvoer Lees(NpgsqlDataReader r) => new(
        r.GetInt64(0),
        new AuditRegel(r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.GetString(3), Enum.Parse<AuditActie>(r.GetString(4)),
            r.GetString(5), r.GetString(6), r.GetInt32(7), r.GetString(8), r.GetString(9)),
        (byte[])r[10], (byte[])r[11]);
}
