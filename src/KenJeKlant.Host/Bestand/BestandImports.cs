using KenJeKlant.Abstractions.Bestand;
using KenJeKlant.Grains;
using KenJeKlant.Grains.Bestand;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Host.Bestand;

/// <summary>
/// Starting an import job from an upload and following it to its end, for the API and the demo bestand:
/// the file and the job's row are stored first, then the job's grain starts (and arms its reminder)
/// before the caller hears "accepted".
/// </summary>
public sealed class BestandImports(PostgresBestandImport opslag, IGrainFactory grains, Domeinklok klok, IOptionsMonitor<ImportInstellingen> instellingen)
{
    private static readonly TimeSpan Peilen = TimeSpan.FromMilliseconds(250);

    public long MaxBytes => instellingen.CurrentValue.MaxMegabytes * 1024L * 1024L;

    /// <param name="codering">The charset the upload named, or null: detected from the content.</param>
    public async Task<ImportStart> StartAsync(Stream body, string? codering, bool gedeeltelijk, bool controle, string door, CancellationToken ct)
    {
        // Asked first so a second upload is refused before it is sent; the unique index decides in the end.
        if (await LopendeAsync(ct) is { } lopende) return new ImportStart.Bezet(lopende);
        var job = ImportJob.Maak(Guid.CreateVersion7(), door, codering, gedeeltelijk, controle, klok.Vandaag, TimeProvider.System.GetUtcNow());
        return await opslag.OntvangAsync(job, body, MaxBytes, ct) switch
        {
            Ontvangst.Leeg => new ImportStart.Leeg(),
            Ontvangst.TeGroot => new ImportStart.TeGroot(instellingen.CurrentValue.MaxMegabytes),
            Ontvangst.Bezet => new ImportStart.Bezet(await LopendeAsync(ct)),
            _ => new ImportStart.Gestart(await Grain(job.Id).BeginAsync()),
        };
    }

    /// <summary>
    /// The running import as its grain sees it. Asking wakes the grain, which takes the job up where its
    /// checkpoint is: a job whose start was cut off before its reminder was armed is never left stranded.
    /// </summary>
    public async Task<ImportStand?> LopendeAsync(CancellationToken ct) =>
        await opslag.LopendeAsync(ct) is { } id ? await StandAsync(id) : null;

    public Task<ImportStand> StandAsync(Guid id) => Grain(id).GetStandAsync();

    public Task<ImportStand> BreekAfAsync(Guid id, string door) => Grain(id).BreekAfAsync(door);

    public Task<IReadOnlyList<ImportJob>> RecenteAsync(int aantal, CancellationToken ct) => opslag.RecenteAsync(aantal, ct);

    /// <summary>Follows a job until it has ended (for the demo bestand; the beheer page follows it live).</summary>
    public async Task<ImportStand> WachtOpEindeAsync(Guid id, CancellationToken ct)
    {
        while (true)
        {
            var stand = await StandAsync(id);
            if (stand.Status != ImportStatus.Bezig) return stand;
            await Task.Delay(Peilen, ct);
        }
    }

    private IBestandImportGrain Grain(Guid id) => grains.GetGrain<IBestandImportGrain>(id);
}

/// <summary>How starting an import went.</summary>
public abstract record ImportStart
{
    private ImportStart() { }

    public sealed record Gestart(ImportStand Stand) : ImportStart;
    /// <summary>Another import runs (null: it ended just now); nothing was stored.</summary>
    public sealed record Bezet(ImportStand? Lopende) : ImportStart;
    public sealed record Leeg : ImportStart;
    public sealed record TeGroot(int MaxMegabytes) : ImportStart;
}
