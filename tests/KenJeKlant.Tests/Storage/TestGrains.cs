using System.Text.Json.Serialization;
using KenJeKlant.Tests.Infrastructure;

namespace KenJeKlant.Tests.Storage;

/// <summary>State with a stable JSON name, as production state should have: renaming the C# member
/// must not change what is stored.</summary>
[GenerateSerializer]
public sealed class ProbeState
{
    [Id(0)]
    [JsonPropertyName("waarde")]
    public string Value { get; set; } = "";
}

public interface IStorageProbeGrain : IGrainWithStringKey
{
    Task SetAsync(string value);

    Task<string> GetAsync();
}

public sealed class StorageProbeGrain(
    [PersistentState("probe", PostgresTestCluster.StorageName)] IPersistentState<ProbeState> state)
    : Grain, IStorageProbeGrain
{
    public async Task SetAsync(string value)
    {
        state.State.Value = value;
        await state.WriteStateAsync();
    }

    public Task<string> GetAsync() => Task.FromResult(state.State.Value);
}

public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task RegisterAsync(string reminderName, TimeSpan period);

    Task<IReadOnlyList<string>> ListAsync();

    Task<int> TicksAsync(string reminderName);
}

/// <summary>Counts ticks in memory: enough to see that a reminder fires on this activation.</summary>
public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    private readonly Dictionary<string, int> _ticks = [];

    public Task RegisterAsync(string reminderName, TimeSpan period) =>
        this.RegisterOrUpdateReminder(reminderName, period, period);

    public async Task<IReadOnlyList<string>> ListAsync() =>
        (await this.GetReminders()).Select(r => r.ReminderName).Order().ToList();

    public Task<int> TicksAsync(string reminderName) =>
        Task.FromResult(_ticks.GetValueOrDefault(reminderName));

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _ticks[reminderName] = _ticks.GetValueOrDefault(reminderName) + 1;
        return Task.CompletedTask;
    }
}
