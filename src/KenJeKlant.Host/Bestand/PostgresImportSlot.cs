using Dapper;
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
        try
        {
            if (await conn.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_try_advisory_lock(@sleutel)", new { sleutel = Sleutel }, cancellationToken: ct)))
                return new Vergrendeling(conn);
        }
        catch
        {
            await conn.DisposeAsync();
            throw;
        }
        await conn.DisposeAsync();
        return null;
    }

    // Holds the connection (and so the session and its lock) until the import is done.
    private sealed class Vergrendeling(NpgsqlConnection conn) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await conn.ExecuteAsync("SELECT pg_advisory_unlock(@sleutel)", new { sleutel = Sleutel });
            await conn.DisposeAsync();
        }
    }
}
