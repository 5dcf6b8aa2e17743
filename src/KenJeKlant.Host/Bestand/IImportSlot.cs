namespace KenJeKlant.Host.Bestand;

/// <summary>One bestand import at a time across the whole cluster: two overlapping exports would each mark the other's clients as gone.</summary>
public interface IImportSlot
{
    /// <returns>A handle that releases the slot, or null if another import is running.</returns>
    Task<IAsyncDisposable?> ProbeerAsync(CancellationToken ct);
}
