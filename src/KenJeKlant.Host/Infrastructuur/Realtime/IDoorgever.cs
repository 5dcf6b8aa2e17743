namespace KenJeKlant.Host.Infrastructuur.Realtime;

/// <summary>What <see cref="RealtimeOnderhoud"/> does with every feature's doorgever, whatever it forwards.</summary>
public interface IDoorgever
{
    Task SpoelDoorAsync(CancellationToken ct = default);

    Task HerabonneerAsync(CancellationToken ct);
}
