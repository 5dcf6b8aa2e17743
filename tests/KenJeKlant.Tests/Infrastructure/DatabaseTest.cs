using Npgsql;

namespace KenJeKlant.Tests.Infrastructure;

/// <summary>A test class of its own migrated database on the real server, created before its test and dropped after.</summary>
public abstract class DatabaseTest(string prefix) : IAsyncLifetime
{
    private string _database = "";
    private NpgsqlDataSource? _db;

    protected NpgsqlDataSource Db => _db ?? throw new InvalidOperationException("Niet gestart.");

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync(prefix);
        _db = NpgsqlDataSource.Create(_database);
    }

    public async Task DisposeAsync()
    {
        if (_db is not null) await _db.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(_database);
    }
}
