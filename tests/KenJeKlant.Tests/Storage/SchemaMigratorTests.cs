using KenJeKlant.Host.Infrastructuur.Postgres;
using KenJeKlant.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace KenJeKlant.Tests.Storage;

public sealed class SchemaMigratorTests : IAsyncLifetime
{
    // Every key the Orleans 10.4.2 ADO.NET providers read at start-up (see shared ORLEANS-NOTES.md).
    private static readonly string[] OrleansQueryKeys =
    [
        "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey", "ClearStorageKey", "DeleteMembershipTableEntriesKey",
        "DeleteReminderRowKey", "DeleteReminderRowsKey", "DeleteStorageKey", "GatewaysQueryKey", "InsertMembershipKey",
        "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey", "ReadFromStorageKey",
        "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey", "ReadReminderRowsKey", "UpdateIAmAlivetimeKey",
        "UpdateMembershipKey", "UpsertReminderRowKey", "WriteToStorageKey",
    ];

    private string _database = "";
    private NpgsqlDataSource? _dataSource;

    private NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateEmptyDatabaseAsync("migrator");
        _dataSource = NpgsqlDataSource.Create(_database);
    }

    public async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        await PostgresServer.DropDatabaseAsync(_database);
    }

    [Fact]
    public async Task AppliesEveryScriptInOrderToAnEmptyDatabase()
    {
        var applied = await NewMigrator().MigrateAsync(CancellationToken.None);

        var expected = SchemaMigrator.EmbeddedScripts();
        Assert.Equal(expected.Select(s => s.Name), applied);
        Assert.Equal(["V001__orleans_query_table.sql", "V002__orleans_clustering.sql",
                      "V003__orleans_persistence.sql", "V004__orleans_reminders.sql"], applied.Take(4));
        Assert.Equal(expected.Select(s => $"{s.Version}|{s.Name}|{s.Checksum}"),
            await ReadColumnAsync("SELECT versie || '|' || naam || '|' || checksum FROM schema_versie ORDER BY versie"));
        Assert.Equal(OrleansQueryKeys, await ReadColumnAsync("SELECT querykey FROM orleansquery ORDER BY querykey COLLATE \"C\""));
    }

    [Fact]
    public async Task SecondRunAppliesNothingAndChangesNothing()
    {
        await NewMigrator().MigrateAsync(CancellationToken.None);
        var before = await SnapshotAsync();

        var applied = await NewMigrator().MigrateAsync(CancellationToken.None);

        Assert.Empty(applied);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task MigratorsStartingTogetherApplyEachScriptOnce()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => NewMigrator().MigrateAsync(CancellationToken.None)));

        Assert.Equal(SchemaMigrator.EmbeddedScripts().Select(s => s.Name), runs.SelectMany(r => r).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ScriptChangedAfterItWasAppliedIsReportedByName()
    {
        await NewMigrator().MigrateAsync(CancellationToken.None);
        await ExecuteAsync("UPDATE schema_versie SET checksum = repeat('0', 64) WHERE versie = 2");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => NewMigrator().MigrateAsync(CancellationToken.None));

        Assert.Contains("V002__orleans_clustering.sql", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryScriptCanBeRunAgainOnAMigratedDatabase()
    {
        await NewMigrator().MigrateAsync(CancellationToken.None);
        var before = await ReadColumnAsync("SELECT querykey || querytext FROM orleansquery ORDER BY querykey");

        foreach (var script in SchemaMigrator.EmbeddedScripts())
        {
            await ExecuteAsync(script.Sql);
        }

        Assert.Equal(before, await ReadColumnAsync("SELECT querykey || querytext FROM orleansquery ORDER BY querykey"));
    }

    private SchemaMigrator NewMigrator() => new(DataSource, NullLogger<SchemaMigrator>.Instance);

    private async Task<List<string>> SnapshotAsync()
    {
        var snapshot = await ReadColumnAsync("SELECT versie || naam || checksum || toegepast_op FROM schema_versie ORDER BY versie");
        snapshot.AddRange(await ReadColumnAsync("SELECT querykey || querytext FROM orleansquery ORDER BY querykey"));
        snapshot.AddRange(await ReadColumnAsync(
            "SELECT table_name || column_name || data_type FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1"));
        return snapshot;
    }

    private async Task<List<string>> ReadColumnAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
