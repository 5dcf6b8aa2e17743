using KenJeKlant.Tests.Infrastructure;
using Npgsql;
using Orleans.Runtime;

namespace KenJeKlant.Tests.Storage;

/// <summary>The Orleans ADO.NET membership table against our PostgreSQL scripts.</summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class ClusteringTests
{
    [Fact]
    public async Task TwoSilosJoinThroughTheMembershipTable()
    {
        var database = await PostgresServer.CreateDatabaseAsync("clustering");
        var clusterId = $"cluster-{Guid.NewGuid():N}";
        var cluster = PostgresTestCluster.BuildWithPostgresMembership(database, clusterId, $"svc-{Guid.NewGuid():N}", silos: 2);
        try
        {
            await cluster.DeployAsync();

            // Joining is asynchronous; on a busy two-core box give the cluster view time to converge.
            var management = cluster.Client.GetGrain<IManagementGrain>(0);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((await management.GetHosts(onlyActive: true)).Count < 2 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }

            Assert.Equal(2, (await management.GetHosts(onlyActive: true)).Count);
            Assert.Equal([(int)SiloStatus.Active, (int)SiloStatus.Active], await MembershipStatusesAsync(database, clusterId));
            // Gateways are discovered through GatewaysQueryKey: a client call proves it works.
            await cluster.Client.GetGrain<IStorageProbeGrain>("klant-1").SetAsync("via gateway");
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
            await PostgresServer.DropDatabaseAsync(database);
        }
    }

    private static async Task<List<int>> MembershipStatusesAsync(string database, string clusterId)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT status FROM orleansmembershiptable WHERE deploymentid = $1 ORDER BY port", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = clusterId });
        await using var reader = await command.ExecuteReaderAsync();
        var statuses = new List<int>();
        while (await reader.ReadAsync())
        {
            statuses.Add(reader.GetInt32(0));
        }

        return statuses;
    }
}
