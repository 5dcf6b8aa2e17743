namespace KenJeKlant.Grains.Bestand;

/// <summary>What one step of the job came to.</summary>
public enum StapUitkomst
{
    /// <summary>More to do at once.</summary>
    Verder,
    /// <summary>Nothing can be done right now (a klant grain out of reach, nothing available): try again after a pause.</summary>
    Wacht,
    /// <summary>This step is done.</summary>
    Klaar,
}

/// <summary>Calls for many clients with a bounded number in flight (back-pressure on the cluster); one that fails does not stop the others.</summary>
public static class Begrensd
{
    public static async Task<IReadOnlyList<(T Invoer, TUit? Uitkomst, Exception? Fout)>> VoerUitAsync<T, TUit>(
        IReadOnlyList<T> invoer, int tegelijk, Func<T, Task<TUit>> actie)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        ArgumentNullException.ThrowIfNull(actie);
        using var ruimte = new SemaphoreSlim(Math.Max(1, tegelijk));
        return await Task.WhenAll(invoer.Select(async item =>
        {
            await ruimte.WaitAsync();
            try
            {
                return (item, await actie(item), (Exception?)null);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return (item, default(TUit), e);
            }
            finally
            {
                ruimte.Release();
            }
        }));
    }
}
