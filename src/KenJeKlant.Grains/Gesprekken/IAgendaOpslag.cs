using KenJeKlant.Grains.Campagnes;

namespace KenJeKlant.Grains.Gesprekken;

/// <summary>What an agenda reads to decide a booking; the gesprekken themselves are written through <see cref="ICampagneOpslag"/> (one gesprek table).</summary>
public interface IAgendaOpslag
{
    /// <summary>The client as the bestand has them; null when unknown.</summary>
    Task<AgendaKlant?> KlantAsync(string klantnummer, CancellationToken ct = default);

    /// <summary>The client's gesprek still to come (of any owner), if any.</summary>
    Task<GesprekRij?> OpenGesprekAsync(string klantnummer, CancellationToken ct = default);

    Task<GesprekRij?> GesprekAsync(Guid id, CancellationToken ct = default);

    /// <summary>The klantmanager's open gesprekken of every kind overlapping the period, but for <paramref name="behalve"/>.</summary>
    Task<IReadOnlyList<Moment>> GeboektAsync(string klantmanager, DateTimeOffset van, DateTimeOffset tot, Guid? behalve, CancellationToken ct = default);

    /// <summary>Days the klantmanager is away (someone covers their caseload).</summary>
    Task<IReadOnlyList<(DateOnly Van, DateOnly Tot)>> AfwezigAsync(string klantmanager, DateOnly vandaag, CancellationToken ct = default);
}

public sealed record AgendaKlant(string Klantnummer, string Naam, string Klantmanager, bool InBestand, bool UitkeringBeeindigd, string? Wijk);
