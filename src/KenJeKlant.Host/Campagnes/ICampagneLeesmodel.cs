using KenJeKlant.Grains.Campagnes;

namespace KenJeKlant.Host.Campagnes;

/// <summary>What the API reads of campaigns without asking a grain: lists and the outbox (signals: IHandhavingLeesmodel).</summary>
public interface ICampagneLeesmodel
{
    /// <summary>The campaign of this client's gesprek, or null when the client has no such gesprek.</summary>
    Task<string?> CampagneVanGesprekAsync(string klantnummer, Guid gesprekId, CancellationToken ct);

    /// <summary>
    /// Every campaign, or — with <paramref name="gemeenten"/> — those selecting in one of them (a campaign without a
    /// gemeente counts as <paramref name="zonderGemeente"/>'s: the dienst's only gemeente, or none).
    /// </summary>
    Task<IReadOnlyList<CampagneRegel>> CampagnesAsync(CancellationToken ct, IReadOnlySet<string>? gemeenten = null, string? zonderGemeente = null);

    /// <summary>Letters in the outbox, oldest first; <paramref name="status"/> and <paramref name="campagneId"/> filter when given.</summary>
    IAsyncEnumerable<BriefRegel> BrievenAsync(BerichtStatus? status, string? campagneId, CancellationToken ct);

    Task<BriefRegel?> BriefAsync(Guid id, CancellationToken ct);

    /// <summary>Open gesprekken of a campaign whose slot ended before <paramref name="tot"/>, oldest first.</summary>
    Task<IReadOnlyList<OpenGesprek>> VoorbijZonderUitkomstAsync(string campagneId, DateTimeOffset tot, int maximaal, CancellationToken ct);
}

public sealed record OpenGesprek(Guid Id, string Klantnummer, string Klantmanager, int Poging, DateTimeOffset Start, DateTimeOffset Eind);

public sealed record CampagneRegel(string Id, string Naam, string Status, DateOnly PeriodeVan, DateOnly PeriodeTot, string? Gemeente);

/// <summary>One letter with what a mail merge needs. The street address is not in the bestand export: the merge joins it on klantnummer.</summary>
public sealed record BriefRegel(
    Guid Id, BerichtSoort Soort, BerichtStatus Status, DateTimeOffset VerzendOp, DateTimeOffset? VerzondenOp,
    string Klantnummer, string Naam, string Postcode, string Klantmanager, string KlantmanagerNaam,
    string CampagneId, string CampagneNaam, DateTimeOffset GesprekStart, DateTimeOffset GesprekEind, int Poging)
{
    public KenJeKlant.Abstractions.Campagnes.GesprekSoort GesprekSoort { get; init; }
    public KenJeKlant.Abstractions.Campagnes.GesprekVorm Vorm { get; init; }
    public string? Locatie { get; init; }
    /// <summary>The gemeente (CBS code) the letter is sent for: the gesprek's, else the client's.</summary>
    public string? Gemeente { get; init; }
}
