using KenJeKlant.Abstractions.Bestand;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Grains.Bestand;

namespace KenJeKlant.Tests.Bestand;

/// <summary>
/// The import job's store with a brake on its second step, so a test can see a job while it runs without
/// racing it: when closed, "which rows are still to apply" answers "none for now" (and no client is written in bulk) (the job waits and keeps
/// answering) until the test lets a number of batches through. Everything else is the real store.
/// </summary>
public sealed class ImportRem : IBestandImportOpslag
{
    private readonly Lock _slot = new();
    private bool _dicht;
    private int _doorlaten;

    public IBestandImportOpslag Binnen { get; set; } = null!;

    /// <summary>From now on no batch is applied unless let through.</summary>
    public void Sluit()
    {
        lock (_slot) (_dicht, _doorlaten) = (true, 0);
    }

    public void LaatDoor(int batches)
    {
        lock (_slot) _doorlaten += batches;
    }

    public void Open()
    {
        lock (_slot) _dicht = false;
    }

    public Task<IReadOnlyList<TeVerwerkenRij>> TeVerwerkenAsync(Guid id, int naRegel, int aantal)
    {
        lock (_slot)
        {
            if (_dicht && _doorlaten == 0) return Task.FromResult<IReadOnlyList<TeVerwerkenRij>>([]);
            if (_dicht) _doorlaten--;
        }
        return Binnen.TeVerwerkenAsync(id, naRegel, aantal);
    }

    /// <summary>While closed, no client is written in bulk either: every row goes the braked way, through its klant grain.</summary>
    public Task<int> ZetNieuwAsync(ImportJob job, int naRegel, int totRegel, Func<KlantProfiel, KenJeKlant.Grains.Klanten.KlantState> nieuw)
    {
        lock (_slot)
            if (_dicht) return Task.FromResult(0);
        return Binnen.ZetNieuwAsync(job, naRegel, totRegel, nieuw);
    }

    public Task<ImportJob?> LeesAsync(Guid id, CancellationToken ct = default) => Binnen.LeesAsync(id, ct);
    public Task<IReadOnlyList<ImportMelding>> MeldingenAsync(Guid id, MeldingSoort soort, int maximaal, CancellationToken ct = default) => Binnen.MeldingenAsync(id, soort, maximaal, ct);
    public Task<Stream> OpenBestandAsync(Guid id, CancellationToken ct = default) => Binnen.OpenBestandAsync(id, ct);
    public Task<IReadOnlySet<string>> KlantmanagersAsync(CancellationToken ct = default) => Binnen.KlantmanagersAsync(ct);
    public IReadOnlyList<string> Gemeenten => Binnen.Gemeenten;
    public Task BeginControleAsync(ImportJob job) => Binnen.BeginControleAsync(job);
    public Task SchrijfGelezenAsync(ImportJob job, GelezenDeel deel) => Binnen.SchrijfGelezenAsync(job, deel);
    public Task SchrijfToegepastAsync(ImportJob job, IReadOnlyList<(int Regel, ImportEffect Effect)> effecten) => Binnen.SchrijfToegepastAsync(job, effecten);
    public Task<int> ZetOngewijzigdAsync(ImportJob job, int naRegel, int totRegel) => Binnen.ZetOngewijzigdAsync(job, naRegel, totRegel);
    public Task<int> LaatsteRegelAsync(Guid id) => Binnen.LaatsteRegelAsync(id);
    public Task<int> TelUitBestandAsync(Guid id) => Binnen.TelUitBestandAsync(id);
    public Task<IReadOnlyList<string>> UitBestandAsync(Guid id, string na, int aantal) => Binnen.UitBestandAsync(id, na, aantal);
    public Task SchrijfAsync(ImportJob job) => Binnen.SchrijfAsync(job);
    public Task RondAfAsync(ImportJob job) => Binnen.RondAfAsync(job);
}
