using System.Collections.Concurrent;
using KenJeKlant.Abstractions.Handhaving;
using KenJeKlant.Grains.Handhaving;
using KenJeKlant.Host.Handhaving;

namespace KenJeKlant.Host.Storage;

// The handhaving review's columns of the signal table in memory; the signals themselves are the
// campaign part's (InMemoryLeesmodel.Campagnes.cs).
public sealed partial class InMemoryLeesmodel : IHandhavingOpslag, IHandhavingLeesmodel
{
    private readonly ConcurrentDictionary<Guid, SignaalStand> _signaalStanden = new();

    public Task<SignaalBasis?> SignaalAsync(Guid id, CancellationToken ct = default) =>
        Task.FromResult(_signalen.TryGetValue(id, out var s) ? new SignaalBasis(s.Klantnummer, s.CampagneId, s.GesprekId, s.Reden, s.AangemaaktOp) : null);

    public Task SchrijfStandAsync(SignaalStand stand, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stand);
        if (!_signalen.ContainsKey(stand.Id)) throw new InvalidOperationException($"Handhavingssignaal {stand.Id} staat niet in de tabel.");
        _signaalStanden[stand.Id] = stand;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SignaalRegel>> SignalenAsync(SignaalStatus? status, CancellationToken ct) => Signalen(status, null);

    public Task<IReadOnlyList<SignaalRegel>> SignalenAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) => Signalen(null, ids);

    private Task<IReadOnlyList<SignaalRegel>> Signalen(SignaalStatus? status, IReadOnlyCollection<Guid>? ids)
    {
        IReadOnlyList<SignaalRegel> regels = [.. _signalen.Values
            .Where(s => ids is null || ids.Contains(s.Id))
            .Select(s => (Signaal: s, Stand: _signaalStanden.GetValueOrDefault(s.Id)))
            .Where(x => status is null || (x.Stand?.Status ?? SignaalStatus.Open) == status)
            .OrderBy(x => x.Signaal.AangemaaktOp).ThenBy(x => x.Signaal.Klantnummer, StringComparer.Ordinal)
            .Select(x => new SignaalRegel(x.Signaal.Id, x.Signaal.Klantnummer, _gesprekken.GetValueOrDefault(x.Signaal.GesprekId)?.Naam ?? "",
                x.Signaal.CampagneId, x.Signaal.GesprekId, x.Signaal.Reden, x.Stand?.Status ?? SignaalStatus.Open, x.Signaal.AangemaaktOp,
                x.Stand?.Behandelaar, x.Stand?.Besluit, x.Stand?.BeslotenOp))];
        return Task.FromResult(regels);
    }

    public Task<Uitnodigingshistorie?> UitnodigingshistorieAsync(string klantnummer, string campagneId, CancellationToken ct)
    {
        var gesprekken = _gesprekken.Values.Where(g => g.Klantnummer == klantnummer && g.CampagneId == campagneId).OrderBy(g => g.Poging).ToList();
        if (gesprekken.Count == 0) return Task.FromResult<Uitnodigingshistorie?>(null);
        var laatste = gesprekken[^1];
        return Task.FromResult<Uitnodigingshistorie?>(new Uitnodigingshistorie(klantnummer, laatste.Naam, laatste.Klantmanager,
            _campagnes.GetValueOrDefault(campagneId)?.Naam ?? campagneId,
            [.. gesprekken.Select(g => new UitnodigingInCampagne(g.Id, g.Poging, g.Start, g.Eind, g.Status, g.Uitkomst?.Afwezigheid, g.UitkomstOp, g.Gevolg,
                [.. _berichten.Values.Where(b => b.GesprekId == g.Id).OrderBy(b => b.VerzendOp)
                    .Select(b => new BriefInHistorie(b.Soort, b.Status, b.VerzendOp, b.VerzondenOp))]))]));
    }
}
