using Npgsql;

namespace KenJeKlant.Host.Bestand;

/// <summary>
/// A session-level advisory lock on its own connection: cluster-wide, and released by PostgreSQL
/// itself if the silo running the import dies.
/// </summary>
public sealed class PostgresImportSlot(NpgsqlDataSource db) : IImportSlot
{
    private const long Sleutel = 0x4B4A4B_0001; // "KJK" + 1: the bestand import

    public async Task<IAsyncDisposable?> ProbeerAsync(CancellationToken ct)
    {
        var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand($"SELECT pg_try_advisory_lock({Sleutel})", conn);
        if ((bool)(await cmd.ExecuteScalarAsync(ct))!) return new Vergrendeling(conn);
        await conn.DisposeAsync();
        return null;
    }

    private sealed class Vergrendeling(NpgsqlConnection conn) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (var cmd = new NpgsqlCommand($"SELECT pg_advisory_unlock({Sleutel})", conn))
                await cmd.ExecuteNonQueryAsync();
            await conn.DisposeAsync();
        }
    }
}
