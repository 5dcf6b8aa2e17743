using KenJeKlant.Abstractions.Bestand;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Grains.Bestand;

namespace KenJeKlant.Tests.Bestand;

/// <summary>
/// The import job's store in memory, for testing the job's plain classes without a silo or a database.
/// Behaves like the PostgreSQL store where it matters: an effect is stored once per row (counted once),
/// and "left the bestand" finds the clients in <see cref="InBestand"/> that no staged row names.
/// </summary>
internal sealed class ImportOpslagInGeheugen : IBestandImportOpslag
{
    public SortedDictionary<int, (GelezenRij Rij, ImportEffect? Effect)> Rijen { get; } = [];
    public SortedSet<string> InBestand { get; } = new(StringComparer.Ordinal);
    /// <summary>Profiles the clients in <see cref="InBestand"/> hold already (their stored state and read-model row).</summary>
    public Dictionary<string, KlantProfiel> Bekend { get; } = new(StringComparer.Ordinal);
    public int Geschreven { get; private set; }

    public void Stage(params KlantProfiel[] profielen)
    {
        var regel = Rijen.Count + 2;
        foreach (var p in profielen) Rijen[regel++] = (new GelezenRij(regel - 1, p.Klantnummer, p), null);
    }

    public Task<IReadOnlyList<TeVerwerkenRij>> TeVerwerkenAsync(Guid id, int naRegel, int aantal) =>
        Task.FromResult<IReadOnlyList<TeVerwerkenRij>>([.. Rijen.Where(r => r.Key > naRegel && r.Value.Effect is null && r.Value.Rij.Profiel is not null)
            .Take(aantal).Select(r => new TeVerwerkenRij(r.Key, r.Value.Rij.Profiel!))]);

    public Task SchrijfToegepastAsync(ImportJob job, IReadOnlyList<(int Regel, ImportEffect Effect)> effecten)
    {
        foreach (var (regel, effect) in effecten)
        {
            if (Rijen[regel].Effect is not null) continue;
            Rijen[regel] = (Rijen[regel].Rij, effect);
            job.Toegepast++;
            _ = effect switch
            {
                ImportEffect.Nieuw => job.Nieuw++,
                ImportEffect.Gewijzigd => job.Gewijzigd++,
                ImportEffect.TerugInBestand => job.TerugInBestand++,
                _ => job.Ongewijzigd++,
            };
        }
        return Task.CompletedTask;
    }

    /// <summary>All pending rows in one part (the PostgreSQL store goes in parts of <paramref name="aantal"/>).</summary>
    public Task<(int Gezet, int? Tot)> ZetOngewijzigdAsync(ImportJob job, int naRegel, int aantal)
    {
        var gelijk = Rijen.Where(r => r.Value.Effect is null && r.Value.Rij.Profiel is { } p && InBestand.Contains(p.Klantnummer)
            && Bekend.GetValueOrDefault(p.Klantnummer) == p).Select(r => (r.Key, ImportEffect.Ongewijzigd)).ToList();
        SchrijfToegepastAsync(job, gelijk);
        return Task.FromResult<(int, int?)>((gelijk.Count, null));
    }

    public Task<(int Gezet, int? Tot)> ZetNieuwAsync(ImportJob job, int naRegel, int aantal, Func<KlantProfiel, KenJeKlant.Grains.Klanten.KlantState> nieuw)
    {
        var deel = Rijen.Where(r => r.Key > naRegel && r.Value.Effect is null && r.Value.Rij.Profiel is not null).Take(aantal).ToList();
        if (deel.Count == 0) return Task.FromResult<(int, int?)>((0, null));
        var nieuwe = deel.Where(r => !Bekend.ContainsKey(r.Value.Rij.Klantnummer) && !InBestand.Contains(r.Value.Rij.Klantnummer)).ToList();
        foreach (var (_, (rij, _)) in nieuwe)
        {
            var staat = nieuw(rij.Profiel!);
            Bekend[rij.Klantnummer] = staat.Profiel!;
            InBestand.Add(rij.Klantnummer);
        }
        SchrijfToegepastAsync(job, [.. nieuwe.Select(r => (r.Key, ImportEffect.Nieuw))]);
        return Task.FromResult<(int, int?)>((nieuwe.Count, deel[^1].Key));
    }

    private IEnumerable<string> NietInExport => InBestand.Where(k => !Rijen.Values.Any(r => r.Rij.Klantnummer == k));

    public Task<int> TelUitBestandAsync(Guid id) => Task.FromResult(NietInExport.Count());

    public Task<IReadOnlyList<string>> UitBestandAsync(Guid id, string na, int aantal) =>
        Task.FromResult<IReadOnlyList<string>>([.. NietInExport.Where(k => string.CompareOrdinal(k, na) > 0).Take(aantal)]);

    public Task SchrijfAsync(ImportJob job)
    {
        Geschreven++;
        return Task.CompletedTask;
    }

    public Task<ImportJob?> LeesAsync(Guid id, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<IReadOnlyList<ImportMelding>> MeldingenAsync(Guid id, MeldingSoort soort, int maximaal, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<Stream> OpenBestandAsync(Guid id, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<IReadOnlySet<string>> KlantmanagersAsync(CancellationToken ct = default) => throw new NotSupportedException();
    public IReadOnlyList<string> Gemeenten => [];
    public Task BeginControleAsync(ImportJob job) => throw new NotSupportedException();
    public Task SchrijfGelezenAsync(ImportJob job, GelezenDeel deel) => throw new NotSupportedException();
    public Task RondAfAsync(ImportJob job) => throw new NotSupportedException();
}
