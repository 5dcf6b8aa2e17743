using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Abstractions.Werklijsten;
using KenJeKlant.Grains.Klanten;
using KenJeKlant.Grains.Werklijsten;

namespace KenJeKlant.Host.Storage;

/// <summary>
/// The application tables for development without a database: one process, nothing persists.
/// The host logs a loud warning whenever this is in use.
/// </summary>
public sealed partial class InMemoryLeesmodel : IKlantOverzichtProjectie, IKlantOverzichten, IWerklijstBron, IMedewerkers, IImportSlot, IDisposable
{
    private readonly ConcurrentDictionary<string, KlantOverzicht> _klanten = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Klantmanager> _klantmanagers = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _import = new(1, 1);

    public Task SchrijfAsync(KlantOverzicht overzicht, CancellationToken cancellationToken = default)
    {
        _klanten[overzicht.Klantnummer] = overzicht;
        return Task.CompletedTask;
    }

    public Task<Pagina<KlantOverzicht>> ZoekAsync(KlantFilter filter, int pagina, int paginagrootte, CancellationToken ct)
    {
        var treffers = _klanten.Values
            .Where(k => filter.Klantmanager is null || k.Klantmanager == filter.Klantmanager)
            .Where(k => filter.Caseload is null || filter.Caseload.Contains(k.Klantmanager))
            .Where(k => filter.Wijk is null || k.Wijk == filter.Wijk)
            .Where(k => filter.Indeling is null || k.Indeling == filter.Indeling)
            .Where(k => filter.InBestand is null || k.InBestand == filter.InBestand)
            .Where(k => string.IsNullOrWhiteSpace(filter.Zoek)
                || k.Klantnummer.Contains(filter.Zoek.Trim(), StringComparison.OrdinalIgnoreCase)
                || k.Naam.Contains(filter.Zoek.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderBy(k => k.Klantnummer, StringComparer.Ordinal)
            .ToList();
        var items = treffers.Skip((pagina - 1) * paginagrootte).Take(paginagrootte).ToList();
        return Task.FromResult(new Pagina<KlantOverzicht>(items, treffers.Count));
    }

    public async IAsyncEnumerable<string> KlantnummersInBestandAsync([EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var k in _klanten.Values.Where(k => k.InBestand).ToList())
        {
            ct.ThrowIfCancellationRequested();
            yield return k.Klantnummer;
        }
        await Task.CompletedTask;
    }

    public Task<long> AantalAsync(CancellationToken ct) => Task.FromResult((long)_klanten.Count);

    public Task<IReadOnlyList<HerbeoordelingTelling>> TelHerbeoordelingenAsync(DateOnly vandaag, int teLaatNaDagen, CancellationToken ct)
    {
        var grens = vandaag.AddDays(-teLaatNaDagen);
        IReadOnlyList<HerbeoordelingTelling> tellingen = _klanten.Values
            .Where(k => k.InBestand && k.HerbeoordelingDatum is not null)
            .GroupBy(k => k.Klantmanager)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new HerbeoordelingTelling(g.Key,
                g.Count(k => k.HerbeoordelingDatum > vandaag),
                g.Count(k => k.HerbeoordelingDatum <= vandaag && k.HerbeoordelingDatum > grens),
                g.Count(k => k.HerbeoordelingDatum <= grens)))
            .ToList();
        return Task.FromResult(tellingen);
    }

    public Task<IReadOnlyList<WerklijstItem>> HerbeoordelingenAsync(string klantmanager, CancellationToken ct)
    {
        IReadOnlyList<WerklijstItem> items = _klanten.Values
            .Where(k => k.Klantmanager == klantmanager && k.HerbeoordelingGemeld is not null)
            .Select(k => new WerklijstItem(k.Klantnummer, k.Naam, WerklijstSoort.Herbeoordeling, k.HerbeoordelingDatum!.Value,
                k.HerbeoordelingGemeld!.Value, k.HerbeoordelingGrond ?? ""))
            .ToList();
        return Task.FromResult(items);
    }

    public Task<IReadOnlySet<string>> KlantmanagerIdsAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlySet<string>>(_klantmanagers.Values.Where(k => k.Actief).Select(k => k.Id).ToHashSet(StringComparer.Ordinal));

    public Task<IReadOnlyList<Klantmanager>> KlantmanagersAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Klantmanager>>(_klantmanagers.Values.OrderBy(k => k.Id, StringComparer.Ordinal).ToList());

    public Task BewaarAsync(Klantmanager klantmanager, CancellationToken ct)
    {
        _klantmanagers[klantmanager.Id] = klantmanager;
        return Task.CompletedTask;
    }

    public Task<bool> ZetVervangingAsync(string klantmanager, string? vervanger, DateOnly? tot, CancellationToken ct)
    {
        if (!_klantmanagers.TryGetValue(klantmanager, out var km)) return Task.FromResult(false);
        _klantmanagers[klantmanager] = km with { Vervanger = vervanger, VervangenTot = tot };
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<string>> VervangenDoorAsync(string vervanger, DateOnly vandaag, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<string>>([.. _klantmanagers.Values
            .Where(k => k.Actief && k.Vervanger == vervanger && k.VervangenTot >= vandaag).Select(k => k.Id)]);

    public Task<string?> KlantmanagerVanAsync(string klantnummer, CancellationToken ct) =>
        Task.FromResult(_klanten.TryGetValue(klantnummer, out var k) ? k.Klantmanager : null);

    public async Task<IAsyncDisposable?> ProbeerAsync(CancellationToken ct) =>
        await _import.WaitAsync(0, ct) ? new Vrijgave(_import) : null;

    public void Dispose() => _import.Dispose();

    private sealed class Vrijgave(SemaphoreSlim slot) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            slot.Release();
            return ValueTask.CompletedTask;
        }
    }
}
