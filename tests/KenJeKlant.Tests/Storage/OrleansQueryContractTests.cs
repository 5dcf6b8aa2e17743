using System.Data;
using KenJeKlant.Tests.Infrastructure;
using Npgsql;

namespace KenJeKlant.Tests.Storage;

/// <summary>
/// Edge cases of the stored queries that a single test silo never reaches, run the way the providers run
/// them: the query text from <c>orleansquery</c>, named parameters typed as Orleans types them.
/// </summary>
public sealed class OrleansQueryContractTests : IAsyncLifetime
{
    private string _database = "";

    public async Task InitializeAsync() => _database = await PostgresServer.CreateDatabaseAsync("querycontract");

    public Task DisposeAsync() => PostgresServer.DropDatabaseAsync(_database);

    [Fact]
    public async Task ReminderRangeQueriesHandleSignedAndWrappedRanges()
    {
        foreach (var (grain, hash) in new[] { ("t/laag", -100), ("t/nul", 0), ("t/hoog", 100) })
        {
            await ScalarAsync("UpsertReminderRowKey",
                ("ServiceId", "svc"), ("GrainId", grain), ("ReminderName", "r"),
                ("StartTime", DateTime.UtcNow), ("Period", 60_000), ("GrainHash", hash));
        }

        // (BeginHash, EndHash]: Rows1 when begin < end as signed ints, Rows2 (wrap-around) otherwise.
        Assert.Equal(["t/hoog", "t/nul"], await ReadGrainIdsAsync("ReadRangeRows1Key", -50, 100));
        Assert.Equal(["t/hoog", "t/laag"], await ReadGrainIdsAsync("ReadRangeRows2Key", 50, -50));
    }

    [Fact]
    public async Task OnlyOneOfTwoFirstWritesOfTheSameGrainSucceeds()
    {
        // Two activations of one grain (split brain), both without an ETag, both inserting.
        Assert.Equal(1, await WriteAsync(version: null));
        Assert.Null(await WriteAsync(version: null));
        Assert.Equal(2, await WriteAsync(version: 1));
        Assert.Null(await WriteAsync(version: 1));
    }

    [Fact]
    public async Task ConcurrentFirstWritesOfTheSameGrainCannotBothSucceed()
    {
        // The same split brain, but at the same moment: the second insert must wait for the first and then
        // fail. Upstream's reference script (INSERT ... WHERE NOT EXISTS, no unique index) lets both through
        // and leaves two rows; our unique index is what stops it (deploy/sql/README.md).
        await using var first = await OpenAsync();
        await using var transaction = await first.BeginTransactionAsync();
        await using (var write = await CommandAsync(first, "WriteToStorageKey",
                         [.. GrainIdentity(), ("GrainStateVersion", null), ("PayloadBinary", "{}"u8.ToArray())]))
        {
            Assert.Equal(1, await write.ExecuteScalarAsync());
        }

        var second = WriteAsync(version: null);
        await WaitUntilABackendWaitsForALockAsync(second);
        await transaction.CommitAsync();

        Assert.Null(await second);
        Assert.Equal(1L, await CountStoredRowsAsync());
    }

    [Fact]
    public async Task ClearWithAStaleVersionReturnsNoNewVersion()
    {
        await WriteAsync(version: null);

        Assert.Null(await ScalarAsync("ClearStorageKey", [.. GrainIdentity(), ("GrainStateVersion", (int?)7)]));
        Assert.Equal(2, await ScalarAsync("ClearStorageKey", [.. GrainIdentity(), ("GrainStateVersion", (int?)1)]));
    }

    private async Task<int?> WriteAsync(int? version) =>
        (int?)await ScalarAsync("WriteToStorageKey",
            [.. GrainIdentity(), ("GrainStateVersion", version), ("PayloadBinary", "{}"u8.ToArray())]);

    private static (string, object?)[] GrainIdentity() =>
    [
        ("GrainIdHash", 11), ("GrainIdN0", 0L), ("GrainIdN1", 42L), ("GrainTypeHash", 22),
        ("GrainTypeString", "klant"), ("GrainIdExtensionString", null), ("ServiceId", "svc"),
    ];

    // Returns as soon as another session of this database waits for a lock (or the task ended without
    // waiting, which the caller's assertions then report), so the first transaction commits only after the
    // second write has really met it.
    private async Task WaitUntilABackendWaitsForALockAsync(Task other)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
            connection);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!other.IsCompleted && DateTime.UtcNow < deadline)
        {
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            await Task.Delay(20);
        }
    }

    private async Task<long> CountStoredRowsAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM orleansstorage", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<string>> ReadGrainIdsAsync(string queryKey, int beginHash, int endHash)
    {
        await using var connection = await OpenAsync();
        await using var command = await CommandAsync(connection, queryKey,
            ("ServiceId", "svc"), ("BeginHash", beginHash), ("EndHash", endHash));
        await using var reader = await command.ExecuteReaderAsync();
        var grainIds = new List<string>();
        while (await reader.ReadAsync())
        {
            grainIds.Add(reader.GetString(reader.GetOrdinal("GrainId")));
        }

        return [.. grainIds.Order(StringComparer.Ordinal)];
    }

    private async Task<object?> ScalarAsync(string queryKey, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = await CommandAsync(connection, queryKey, parameters);
        var result = await command.ExecuteScalarAsync();
        return result is DBNull ? null : result;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        return connection;
    }

    // Orleans' DbExtensions give every parameter the DbType of its CLR type, also when the value is null.
    private static async Task<NpgsqlCommand> CommandAsync(
        NpgsqlConnection connection, string queryKey, params (string Name, object? Value)[] parameters)
    {
        await using var lookup = new NpgsqlCommand("SELECT querytext FROM orleansquery WHERE querykey = $1", connection);
        lookup.Parameters.Add(new NpgsqlParameter<string> { TypedValue = queryKey });
        var text = (string?)await lookup.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No query {queryKey}.");

        var command = new NpgsqlCommand(text, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, DbTypeOf(name, value)) { Value = value ?? DBNull.Value });
        }

        return command;
    }

    private static DbType DbTypeOf(string name, object? value) => value switch
    {
        int => DbType.Int32,
        long => DbType.Int64,
        DateTime => DbType.DateTime,
        byte[] => DbType.Binary,
        string when name == "GrainId" => DbType.AnsiString,
        string => DbType.String,
        null when name == "GrainStateVersion" => DbType.Int32,
        null => DbType.String,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, $"No DbType for parameter {name}."),
    };
}
