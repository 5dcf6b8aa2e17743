using KenJeKlant.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Orleans.Reminders;
using Orleans.TestingHost;

namespace KenJeKlant.Tests.Storage;

/// <summary>
/// The Orleans ADO.NET reminder table against our PostgreSQL scripts. Only the reminder service runs on
/// a fake clock (its keyed TimeProvider), so a one-minute period passes in milliseconds while the rest
/// of the silo keeps real time.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class ReminderTests : IAsyncLifetime
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1); // the Orleans minimum
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly string _serviceId = $"svc-{Guid.NewGuid():N}";
    private readonly List<InProcessTestCluster> _clusters = [];
    private string _database = "";

    public async Task InitializeAsync() => _database = await PostgresServer.CreateDatabaseAsync("reminders");

    public async Task DisposeAsync()
    {
        foreach (var cluster in _clusters)
        {
            await cluster.DisposeAsync();
        }

        await PostgresServer.DropDatabaseAsync(_database);
    }

    [Fact]
    public async Task RegisteredReminderIsListedStoredAndTicks()
    {
        var cluster = await StartClusterAsync();
        var grain = cluster.Client.GetGrain<IReminderProbeGrain>("klant-1");

        await grain.RegisterAsync("herbeoordeling", Period);

        Assert.Equal(["herbeoordeling"], await grain.ListAsync());
        Assert.Equal(Period.TotalMilliseconds, await StoredPeriodAsync("herbeoordeling"));
        Assert.True(await AdvanceUntilTicksAsync(grain, "herbeoordeling", 2), "The reminder did not tick twice.");
    }

    [Fact]
    public async Task ReminderSurvivesARestartOfTheWholeCluster()
    {
        var first = await StartClusterAsync();
        await first.Client.GetGrain<IReminderProbeGrain>("klant-2").RegisterAsync("uitnodiging", Period);
        await first.StopAllSilosAsync();

        var second = await StartClusterAsync();
        var grain = second.Client.GetGrain<IReminderProbeGrain>("klant-2");

        Assert.Equal(["uitnodiging"], await grain.ListAsync());
        Assert.True(await AdvanceUntilTicksAsync(grain, "uitnodiging", 1), "The reminder did not tick after the restart.");
    }

    private async Task<InProcessTestCluster> StartClusterAsync()
    {
        var cluster = PostgresTestCluster.Build(_database, _serviceId, silo =>
            silo.Services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, _clock));
        _clusters.Add(cluster);
        await cluster.DeployAsync();
        return cluster;
    }

    // Small steps: a fake clock runs due timers inline, and a reminder re-arms itself on every tick.
    private async Task<bool> AdvanceUntilTicksAsync(IReminderProbeGrain grain, string reminderName, int ticks)
    {
        for (var step = 0; step < 240; step++)
        {
            if (await grain.TicksAsync(reminderName) >= ticks)
            {
                return true;
            }

            _clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(TimeSpan.FromMilliseconds(25));
        }

        return false;
    }

    private async Task<long> StoredPeriodAsync(string reminderName)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT period FROM orleansreminderstable WHERE remindername = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reminderName });
        return (long)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException("No reminder row."));
    }
}
