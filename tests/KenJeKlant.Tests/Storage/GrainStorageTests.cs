using System.Text.Json;
using KenJeKlant.Tests.Infrastructure;
using Npgsql;
using Orleans.Storage;
using Orleans.TestingHost;

namespace KenJeKlant.Tests.Storage;

/// <summary>The Orleans ADO.NET grain storage against our PostgreSQL scripts, through a real silo.</summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class GrainStorageTests : IAsyncLifetime
{
    private string _database = "";
    private InProcessTestCluster? _cluster;

    private InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("Cluster not started.");

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync("grainstorage");
        _cluster = PostgresTestCluster.Build(_database, serviceId: $"svc-{Guid.NewGuid():N}");
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }

        await PostgresServer.DropDatabaseAsync(_database);
    }

    [Fact]
    public async Task WrittenStateIsReadBackByANewActivation()
    {
        var grain = Cluster.Client.GetGrain<IStorageProbeGrain>("klant-1");
        await grain.SetAsync("eerste gesprek gepland");

        await Cluster.DeactivateAsync(grain);

        Assert.Equal("eerste gesprek gepland", await grain.GetAsync());
        Assert.Equal(1, await ScalarAsync<int>("SELECT count(*)::int FROM orleansstorage"));
    }

    [Fact]
    public async Task WriteBasedOnAStaleVersionIsRejected()
    {
        var grain = Cluster.Client.GetGrain<IStorageProbeGrain>("klant-2");
        await grain.SetAsync("versie een");
        // Another writer (a second activation after a split brain) gets in first.
        await ScalarAsync<int>("UPDATE orleansstorage SET version = version + 1 RETURNING version");

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.SetAsync("versie twee"));

        Assert.Equal("versie een", ReadStoredValue(await StoredPayloadAsync()));
    }

    [Fact]
    public async Task StateIsStoredAsPlainJsonWithoutTypeNames()
    {
        var grain = Cluster.Client.GetGrain<IStorageProbeGrain>("klant-3");
        await grain.SetAsync("ontheffing");

        var payload = await StoredPayloadAsync();

        Assert.DoesNotContain("$type", payload, StringComparison.Ordinal);
        Assert.Equal("ontheffing", ReadStoredValue(payload));
    }

    private static string ReadStoredValue(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        return document.RootElement.GetProperty("waarde").GetString() ?? "";
    }

    private Task<string> StoredPayloadAsync() =>
        ScalarAsync<string>("SELECT convert_from(payloadbinary, 'UTF8') FROM orleansstorage");

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No result: {sql}"));
    }
}
