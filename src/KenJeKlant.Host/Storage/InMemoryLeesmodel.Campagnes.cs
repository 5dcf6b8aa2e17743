using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Werklijsten;
using KenJeKlant.Grains.Campagnes;
using KenJeKlant.Grains.Werklijsten;
using KenJeKlant.Host.Campagnes;

namespace KenJeKlant.Host.Storage;

// The campaign tables in memory, with the same idempotency rules as PostgreSQL: a newer version
// wins, a letter that went out never changes back, a signal is written once.
public sealed partial class InMemoryLeesmodel : ICampagneOpslag, IGesprekWerklijstBron, ICampagneLeesmodel
{
    private readonly ConcurrentDictionary<Guid, GesprekRij> _gesprekken = new();
    private readonly ConcurrentDictionary<Guid, BerichtRij> _berichten = new();
    private readonly ConcurrentDictionary<Guid, SignaalRij> _signalen = new();
    private readonly ConcurrentDictionary<string, CampagneRegel> _campagnes = new(StringComparer.Ordinal);
    private readonly Lock _schrijven = new();

    public Task<IReadOnlyList<GesprekRij>> GesprekkenAsync(string campagneId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<GesprekRij>>([.. _gesprekken.Values.Where(g => g.CampagneId == campagneId)]);

    public Task<IReadOnlyList<Kandidaat>> KandidatenAsync(string campagneId, CampagneSelectie selectie, CancellationToken ct = default)
    {
        var bezet = _gesprekken.Values.Where(g => g.CampagneId == campagneId || g.IsOpen).Select(g => g.Klantnummer).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<Kandidaat> kandidaten = [.. _klanten.Values
            .Where(k => k.InBestand && k.UitstroomReden is null && !bezet.Contains(k.Klantnummer))
            .Where(k => selectie.Klantmanager is null || k.Klantmanager == selectie.Klantmanager)
            .Where(k => selectie.Wijk is null || k.Wijk == selectie.Wijk)
            .Where(k => selectie.Indeling is null || k.Indeling == selectie.Indeling)
            .Where(k => selectie.NietGesprokenSinds is null || k.LaatsteGesprek is null || k.LaatsteGesprek < selectie.NietGesprokenSinds)
            .Where(k => selectie.Doelgroep switch
            {
                null => true,
                Doelgroep.Statushouder => k.Doelgroepen.Statushouder,
                Doelgroep.SchoolverlaterProVso => k.Doelgroepen.SchoolverlaterProVso,
                Doelgroep.Arbeidsbeperking => k.Doelgroepen.Arbeidsbeperking,
                _ => k.Doelgroepen.Doelgroepregister,
            })
            .Select(k => new Kandidaat(k.Klantnummer, k.Naam, k.Klantmanager, k.LaatsteGesprek, k.StartdatumUitkering, k.Wijk))];
        return Task.FromResult(kandidaten);
    }

    public Task<IReadOnlyList<Guid>> OpenVanVertrokkenKlantenAsync(string campagneId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<Guid>>([.. _gesprekken.Values
            .Where(g => g.CampagneId == campagneId && g.IsOpen && _klanten.TryGetValue(g.Klantnummer, out var k) && (!k.InBestand || k.UitstroomReden is not null))
            .Select(g => g.Id)]);

    public Task<IReadOnlyList<GeboektSlot>> GeboektEldersAsync(string campagneId, IReadOnlyCollection<string> klantmanagers, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<GeboektSlot>>([.. _gesprekken.Values
            .Where(g => g.CampagneId != campagneId && g.IsOpen && klantmanagers.Contains(g.Klantmanager))
            .Select(g => new GeboektSlot(g.Klantmanager, g.Start))]);

    public Task SchrijfAsync(Wijzigingen wijzigingen, CancellationToken ct = default)
    {
        lock (_schrijven)
        {
            foreach (var g in wijzigingen.Gesprekken)
            {
                if (_gesprekken.TryGetValue(g.Id, out var oud) && oud.Versie >= g.Versie) continue;
                _gesprekken[g.Id] = g with { KlantVersie = Math.Max(g.KlantVersie, oud?.KlantVersie ?? 0) };
            }
            foreach (var b in wijzigingen.Berichten)
            {
                if (_berichten.TryGetValue(b.Id, out var oud) && oud.Status != BerichtStatus.Gepland) continue;
                _berichten[b.Id] = b;
            }
            foreach (var s in wijzigingen.Signalen) _signalen.TryAdd(s.Id, s);
        }
        return Task.CompletedTask;
    }

    public Task KlantBijgewerktAsync(IReadOnlyList<(Guid Id, int Versie)> bevestigd, CancellationToken ct = default)
    {
        lock (_schrijven)
        {
            foreach (var (id, versie) in bevestigd)
            {
                if (_gesprekken.TryGetValue(id, out var g) && g.KlantVersie < versie) _gesprekken[id] = g with { KlantVersie = versie };
            }
        }
        return Task.CompletedTask;
    }

    public Task SchrijfCampagneAsync(string campagneId, string naam, CampagneStatus status, DateOnly periodeVan, DateOnly periodeTot, CancellationToken ct = default)
    {
        _campagnes[campagneId] = new CampagneRegel(campagneId, naam, EnumTekst.Van(status), periodeVan, periodeTot);
        return Task.CompletedTask;
    }

    Task<IReadOnlyList<WerklijstItem>> IGesprekWerklijstBron.GesprekkenAsync(string klantmanager, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<WerklijstItem>>([.. _gesprekken.Values
            .Where(g => g.Klantmanager == klantmanager && g.IsOpen)
            .Select(g => GesprekWerklijst.Item(g, _campagnes.GetValueOrDefault(g.CampagneId)?.Naam ?? g.CampagneId, TimeZoneInfo.Local))]);

    public Task<string?> CampagneVanGesprekAsync(string klantnummer, Guid gesprekId, CancellationToken ct) =>
        Task.FromResult(_gesprekken.TryGetValue(gesprekId, out var g) && g.Klantnummer == klantnummer ? g.CampagneId : null);

    public Task<IReadOnlyList<CampagneRegel>> CampagnesAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<CampagneRegel>>([.. _campagnes.Values.OrderBy(c => c.Id, StringComparer.Ordinal)]);

    public async IAsyncEnumerable<BriefRegel> BrievenAsync(BerichtStatus? status, string? campagneId, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var b in _berichten.Values.Where(b => (status is null || b.Status == status) && (campagneId is null || b.CampagneId == campagneId))
                     .OrderBy(b => b.VerzendOp).ThenBy(b => b.Klantnummer, StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            if (Brief(b) is { } regel) yield return regel;
        }
        await Task.CompletedTask;
    }

    public Task<BriefRegel?> BriefAsync(Guid id, CancellationToken ct) =>
        Task.FromResult(_berichten.TryGetValue(id, out var b) ? Brief(b) : null);

    public Task<IReadOnlyList<OpenGesprek>> VoorbijZonderUitkomstAsync(string campagneId, DateTimeOffset tot, int maximaal, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<OpenGesprek>>([.. _gesprekken.Values
            .Where(g => g.CampagneId == campagneId && g.IsOpen && g.Eind <= tot)
            .OrderBy(g => g.Eind).Take(maximaal)
            .Select(g => new OpenGesprek(g.Id, g.Klantnummer, g.Klantmanager, g.Poging, g.Start, g.Eind))]);

    private BriefRegel? Brief(BerichtRij b)
    {
        if (!_gesprekken.TryGetValue(b.GesprekId, out var g)) return null;
        var klant = _klanten.GetValueOrDefault(b.Klantnummer);
        var km = _klantmanagers.GetValueOrDefault(g.Klantmanager);
        return new BriefRegel(b.Id, b.Soort, b.Status, b.VerzendOp, b.VerzondenOp, b.Klantnummer, g.Naam, klant?.Postcode ?? "",
            g.Klantmanager, km?.Naam ?? g.Klantmanager, g.CampagneId, _campagnes.GetValueOrDefault(g.CampagneId)?.Naam ?? g.CampagneId,
            g.Start, g.Eind, g.Poging);
    }
}
