using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Grains.Campagnes;

namespace KenJeKlant.Tests.Campagnes;

/// <summary>
/// The campaign's tables in memory, for testing the campaign's plain classes without a silo or a
/// database. Writes behave like the PostgreSQL upserts (a gesprek only moves to a newer version, a
/// letter only changes while planned, a signal is written once), the selection leaves out clients who
/// already have a gesprek in the campaign, and the next writes can be made to fail.
/// </summary>
internal sealed class OpslagInGeheugen : ICampagneOpslag
{
    public Dictionary<Guid, GesprekRij> Gesprekken { get; } = [];
    public Dictionary<Guid, BerichtRij> Berichten { get; } = [];
    public Dictionary<Guid, SignaalRij> Signalen { get; } = [];

    /// <summary>Who the selection finds (filters are not applied: the selection itself is tested against PostgreSQL).</summary>
    public List<Kandidaat> Bestand { get; } = [];

    /// <summary>Slots of other campaigns.</summary>
    public List<GeboektSlot> Elders { get; } = [];

    /// <summary>Clients who left the bestand or whose benefit ended.</summary>
    public HashSet<string> Vertrokken { get; } = new(StringComparer.Ordinal);

    /// <summary>How many of the next <see cref="SchrijfAsync"/> calls fail, as a lost connection would.</summary>
    public int Mislukt { get; set; }

    public List<Wijzigingen> Geschreven { get; } = [];

    public Task<IReadOnlyList<GesprekRij>> GesprekkenAsync(string campagneId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<GesprekRij>>([.. Gesprekken.Values.Where(g => g.CampagneId == campagneId)]);

    public Task<IReadOnlyList<Kandidaat>> KandidatenAsync(string campagneId, CampagneSelectie selectie, CancellationToken ct = default)
    {
        var bezet = Gesprekken.Values.Where(g => g.CampagneId == campagneId || g.IsOpen).Select(g => g.Klantnummer).ToHashSet(StringComparer.Ordinal);
        return Task.FromResult<IReadOnlyList<Kandidaat>>([.. Bestand.Where(k => !bezet.Contains(k.Klantnummer) && !Vertrokken.Contains(k.Klantnummer))]);
    }

    public Task<IReadOnlyList<Guid>> OpenVanVertrokkenKlantenAsync(string campagneId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<Guid>>([.. Gesprekken.Values.Where(g => g.CampagneId == campagneId && g.IsOpen && Vertrokken.Contains(g.Klantnummer)).Select(g => g.Id)]);

    public Task<IReadOnlyList<GeboektSlot>> GeboektEldersAsync(string campagneId, IReadOnlyCollection<string> klantmanagers, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<GeboektSlot>>([.. Elders.Where(s => klantmanagers.Contains(s.Klantmanager))]);

    public async Task SchrijfAsync(Wijzigingen wijzigingen, CancellationToken ct = default)
    {
        await Task.Yield(); // a real write is never synchronous: callers must not depend on it
        if (Mislukt > 0)
        {
            Mislukt--;
            throw new InvalidOperationException("De verbinding met de database is verbroken.");
        }
        foreach (var g in wijzigingen.Gesprekken)
        {
            if (Gesprekken.TryGetValue(g.Id, out var oud) && oud.Versie >= g.Versie) continue;
            Gesprekken[g.Id] = g;
        }
        foreach (var b in wijzigingen.Berichten)
        {
            if (Berichten.TryGetValue(b.Id, out var oud) && oud.Status != BerichtStatus.Gepland) continue;
            Berichten[b.Id] = b;
        }
        foreach (var s in wijzigingen.Signalen) Signalen.TryAdd(s.Id, s);
        Geschreven.Add(wijzigingen);
    }

    /// <summary>As the PostgreSQL store: a new or moved gesprek whose time overlaps an open one of its klantmanager (stored or elsewhere) is left out.</summary>
    public async Task<IReadOnlySet<Guid>> BoekAsync(Wijzigingen wijzigingen, CancellationToken ct = default)
    {
        var bezet = wijzigingen.Gesprekken.Where(n => n.IsOpen
                && (Gesprekken.Values.Any(g => g.IsOpen && g.Id != n.Id && g.Klantmanager == n.Klantmanager && g.Start < n.Eind && n.Start < g.Eind)
                    || Elders.Any(s => s.Klantmanager == n.Klantmanager && s.Start < n.Eind && n.Start < s.Eind)))
            .Select(n => n.Id).ToHashSet();
        await SchrijfAsync(new Wijzigingen(
            [.. wijzigingen.Gesprekken.Where(g => !bezet.Contains(g.Id))],
            [.. wijzigingen.Berichten.Where(b => !bezet.Contains(b.GesprekId))],
            [.. wijzigingen.Signalen.Where(s => !bezet.Contains(s.GesprekId))]), ct);
        return bezet;
    }

    public Task SchrijfCampagneAsync(string campagneId, string naam, CampagneStatus status, DateOnly periodeVan, DateOnly periodeTot, string? gemeente = null, CancellationToken ct = default) =>
        Task.CompletedTask;
}
