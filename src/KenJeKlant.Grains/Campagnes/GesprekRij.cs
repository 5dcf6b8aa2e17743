using KenJeKlant.Abstractions.Campagnes;

namespace KenJeKlant.Grains.Campagnes;

/// <summary>
/// One gesprek as the campaign holds it and the <c>gesprek</c> table stores it (its one truth). Every
/// change raises <see cref="Versie"/>: a write of an older version changes nothing.
/// </summary>
public sealed record GesprekRij
{
    public required Guid Id { get; init; }
    public required string CampagneId { get; init; }
    public required string Klantnummer { get; init; }
    public required string Naam { get; init; }
    public required string Klantmanager { get; init; }
    /// <summary>
    /// The client's wijk when the gesprek was planned, kept with the gesprek so per-wijk progress counts
    /// the same incrementally and after a recount. Aggregates only: never used to order or flag people.
    /// </summary>
    public string? Wijk { get; init; }
    public required int Poging { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset Eind { get; init; }
    public required GesprekStatus Status { get; init; }
    /// <summary>When the invitation is to go out.</summary>
    public required DateTimeOffset UitnodigingOp { get; init; }
    public DateTimeOffset? UitnodigingVerzondenOp { get; init; }
    public DateTimeOffset? HerinneringVerzondenOp { get; init; }
    /// <summary>The slot passed without an outcome and the klantmanager has been prompted.</summary>
    public bool ZonderUitkomstGemeld { get; init; }
    public GesprekUitkomst? Uitkomst { get; init; }
    public DateTimeOffset? UitkomstOp { get; init; }
    public GesprekGevolg Gevolg { get; init; }
    public required int Versie { get; init; }
    public GesprekSoort Soort { get; init; }
    public GesprekVorm Vorm { get; init; }
    public string? Locatie { get; init; }
    public string? Toelichting { get; init; }
    /// <summary>How often it was moved; letters written after a move carry this number (<see cref="BerichtRij.Volgnummer"/>).</summary>
    public int VerzetAantal { get; init; }
    public VerzetVerzoek? VerzetOpVerzoekVan { get; init; }
    public string? VerzetReden { get; init; }

    public bool IsOpen => Status.IsOpen();

    /// <summary>A missed gesprek that counts towards the no-show policy.</summary>
    public bool TeltAlsNietVerschenen => Status == GesprekStatus.NietVerschenen && Uitkomst?.Afwezigheid == AfwezigheidReden.GeenReden;

    public GesprekRij Volgende() => this with { Versie = Versie + 1 };

    public GesprekStand Stand(string campagneNaam) => new()
    {
        Id = Id,
        CampagneId = CampagneId,
        CampagneNaam = Beleid.GesprekBeleid.EigenaarNaam(CampagneId, Soort, campagneNaam),
        Klantnummer = Klantnummer,
        Poging = Poging,
        Klantmanager = Klantmanager,
        Start = Start,
        Eind = Eind,
        Status = Status,
        UitnodigingVerzondenOp = UitnodigingVerzondenOp,
        HerinneringVerzondenOp = HerinneringVerzondenOp,
        Uitkomst = Uitkomst,
        Gevolg = Gevolg,
        Versie = Versie,
        Soort = Soort,
        Vorm = Vorm,
        Locatie = Locatie,
        Toelichting = Toelichting,
        VerzetAantal = VerzetAantal,
        EigenGesprek = GesprekIds.IsAgenda(CampagneId),
    };
}

/// <summary>What leaves the system: a letter in the outbox, written in the same transaction that decided it.</summary>
/// <remarks><see cref="Volgnummer"/>: the move the letter belongs to (0 before any), so a moved gesprek gets a new herinnering and each move its own verzetbrief.</remarks>
public sealed record BerichtRij(
    Guid Id, Guid GesprekId, string CampagneId, string Klantnummer, BerichtSoort Soort,
    DateTimeOffset VerzendOp, BerichtStatus Status, DateTimeOffset? VerzondenOp, int Volgnummer = 0);

public enum BerichtSoort
{
    Uitnodiging = 0,
    Herinnering = 1,
    Annulering = 2,
    /// <summary>The verzetbrief: the gesprek moved to a new moment.</summary>
    Verzetting = 3,
    /// <summary>Handhaving: the voornemen before a waarschuwing or maatregel, with the right to a zienswijze (not a gesprek letter).</summary>
    Voornemen = 4,
    /// <summary>Handhaving: the besluit (beschikking) with the bezwaarclausule (not a gesprek letter).</summary>
    Besluit = 5,
    /// <summary>Rechtmatigheid: the oproep to be heard under art. 17/54, apart from the re-integratie oproep (art. 9/18); no gesprek.</summary>
    Rechtmatigheidsoproep = 6,
}

public enum BerichtStatus
{
    /// <summary>Decided; goes out at its moment.</summary>
    Gepland = 0,
    /// <summary>Released for sending (mail merge / delivery).</summary>
    Verzonden = 1,
    /// <summary>Withdrawn before it went out.</summary>
    Ingetrokken = 2,
}

/// <summary>A no-show signal for handhaving: a human decides what follows.</summary>
public sealed record SignaalRij(Guid Id, Guid GesprekId, string CampagneId, string Klantnummer, string Reden, DateTimeOffset AangemaaktOp);

/// <summary>Everything one campaign step changes, stored in one transaction.</summary>
public sealed record Wijzigingen(
    IReadOnlyList<GesprekRij> Gesprekken,
    IReadOnlyList<BerichtRij> Berichten,
    IReadOnlyList<SignaalRij> Signalen)
{
    public bool IsLeeg => Gesprekken.Count == 0 && Berichten.Count == 0 && Signalen.Count == 0;
}
