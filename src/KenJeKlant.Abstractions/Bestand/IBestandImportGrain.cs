using KenJeKlant.Abstractions.Realtime;

namespace KenJeKlant.Abstractions.Bestand;

/// <summary>
/// One bestand import (key: its id), a job that runs on its own: the uploaded file and the job's row are
/// in PostgreSQL before it starts, it keeps its progress there, and a reminder brings it back on another
/// silo when the one running it dies. An unknown id throws <see cref="Klanten.NietGevondenException"/>.
/// </summary>
[Alias("kjk.IBestandImportGrain")]
public interface IBestandImportGrain : IGrainWithGuidKey, IVolgbaar<IBestandImportObserver>
{
    /// <summary>Starts the job whose row and file were just stored; returns at once with its stand.</summary>
    [Alias("Begin")]
    Task<ImportStand> BeginAsync();

    [Alias("GetStand")]
    Task<ImportStand> GetStandAsync();

    /// <summary>
    /// Stops a running import between two steps: every client touched so far is applied whole, and nobody
    /// is marked as having left the bestand. An import that has already ended is refused (409), one that
    /// was already stopped is answered as it stands.
    /// </summary>
    [Alias("BreekAf")]
    Task<ImportStand> BreekAfAsync(string door);
}
