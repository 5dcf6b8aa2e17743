using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Klanten;

namespace KenJeKlant.Grains.Campagnes;

/// <summary>
/// The campaign's tables (gesprek, bericht = the outbox, handhavingssignaal, campagne) and the
/// selection over the klant read model. Implemented by the host (PostgreSQL, or in memory without one).
/// Every write is idempotent: rows carry deterministic ids and a version, so a repeated write after
/// a crash changes nothing.
/// </summary>
public interface ICampagneOpslag
{
    Task<IReadOnlyList<GesprekRij>> GesprekkenAsync(string campagneId, CancellationToken ct = default);

    /// <summary>
    /// Clients in the bestand (benefit not ended) matching the selection, without a gesprek in this
    /// campaign yet and without an open gesprek in another campaign.
    /// </summary>
    Task<IReadOnlyList<Kandidaat>> KandidatenAsync(string campagneId, CampagneSelectie selectie, CancellationToken ct = default);

    /// <summary>Ids of this campaign's open gesprekken whose client left the bestand or whose benefit ended.</summary>
    Task<IReadOnlyList<Guid>> OpenVanVertrokkenKlantenAsync(string campagneId, CancellationToken ct = default);

    /// <summary>Open gesprekken of other owners (campaigns, the klantmanagers' own agendas) for these klantmanagers: their time is taken.</summary>
    Task<IReadOnlyList<GeboektSlot>> GeboektEldersAsync(string campagneId, IReadOnlyCollection<string> klantmanagers, CancellationToken ct = default);

    /// <summary>Stores gesprekken (newer version wins), outbox letters and signals in one transaction.</summary>
    Task SchrijfAsync(Wijzigingen wijzigingen, CancellationToken ct = default);

    /// <summary>
    /// Books time: stores these changes in one transaction like <see cref="SchrijfAsync"/>, but first waits for every other
    /// booking of the same klantmanagers (a lock per klantmanager, held to the commit) and leaves out each gesprek whose
    /// moment overlaps an open gesprek already stored, with its letters. The database is where two bookings meet — a
    /// campaign's fan-out and a klantmanager's agenda run on different grains — so this is where they cannot both win.
    /// </summary>
    /// <returns>The ids of the gesprekken left out: their time was taken.</returns>
    Task<IReadOnlySet<Guid>> BoekAsync(Wijzigingen wijzigingen, CancellationToken ct = default);

    /// <summary>The campaign's row for lists and reports.</summary>
    /// <param name="gemeente">The gemeente the campaign selects in (CBS code), or null for all: lists filter on it.</param>
    Task SchrijfCampagneAsync(string campagneId, string naam, CampagneStatus status, DateOnly periodeVan, DateOnly periodeTot, string? gemeente = null, CancellationToken ct = default);
}

public static class Boeken
{
    /// <summary>
    /// Books one gesprek (<see cref="ICampagneOpslag.BoekAsync"/>) for a person waiting on the answer: when another
    /// planning took the time since the agenda was checked, 409 naming <paramref name="veld"/>.
    /// </summary>
    public static async Task BoekOfWeigerAsync(this ICampagneOpslag opslag, GesprekRij rij, IReadOnlyList<BerichtRij> berichten, string veld)
    {
        ArgumentNullException.ThrowIfNull(opslag);
        if ((await opslag.BoekAsync(new Wijzigingen([rij], berichten, []))).Count > 0)
            throw new OvergangGeweigerdException("Dit moment is zojuist door een andere planning bezet; kies een ander vrij moment.", veld);
    }
}

/// <summary>A client the selection found, with only what planning and the werklijst need.</summary>
/// <remarks>
/// <see cref="Wijk"/> travels with the client only so the programmaleider can see progress per wijk in
/// aggregate; it never orders or selects anyone beyond the campaign's own explicit wijk filter.
/// </remarks>
public sealed record Kandidaat(string Klantnummer, string Naam, string Klantmanager, DateOnly? LaatsteGesprek, DateOnly StartdatumUitkering, string? Wijk);

/// <summary>A gesprek that holds a klantmanager's time, from start to end (own gesprekken may be longer or shorter than a campaign's slots).</summary>
public sealed record GeboektSlot(string Klantmanager, DateTimeOffset Start, DateTimeOffset Eind);
