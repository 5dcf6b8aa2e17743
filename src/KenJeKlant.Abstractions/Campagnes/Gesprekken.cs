using System.Text.Json.Serialization;
using KenJeKlant.Abstractions.Klanten;

namespace KenJeKlant.Abstractions.Campagnes;

/// <summary>Where one participatiegesprek stands. Open: gepland, uitgenodigd, herinnerd.</summary>
[GenerateSerializer, Alias("kjk.GesprekStatus")]
public enum GesprekStatus
{
    Gepland = 0,
    Uitgenodigd = 1,
    Herinnerd = 2,
    Gehouden = 3,
    NietVerschenen = 4,
    Geannuleerd = 5,
}

public static class GesprekStatussen
{
    /// <summary>Not happened yet: gepland, uitgenodigd or herinnerd.</summary>
    public static bool IsOpen(this GesprekStatus status) =>
        status is GesprekStatus.Gepland or GesprekStatus.Uitgenodigd or GesprekStatus.Herinnerd;
}

/// <summary>What a gesprek is for. A campaign's gesprekken are participatiegesprekken.</summary>
[GenerateSerializer, Alias("kjk.GesprekSoort")]
public enum GesprekSoort
{
    Participatiegesprek = 0,
    /// <summary>The periodic reassessment ("op gezette tijden"): holding it sets the next one.</summary>
    Herbeoordeling = 1,
    /// <summary>Following up the plan van aanpak.</summary>
    Voortgang = 2,
}

/// <summary>Where or how a gesprek is held.</summary>
[GenerateSerializer, Alias("kjk.GesprekVorm")]
public enum GesprekVorm
{
    Kantoor = 0,
    Huisbezoek = 1,
    Telefonisch = 2,
    Video = 3,
}

/// <summary>Who asked to move a gesprek. A move at the client's request is never a no-show.</summary>
[GenerateSerializer, Alias("kjk.VerzetVerzoek")]
public enum VerzetVerzoek
{
    Klant = 0,
    Gemeente = 1,
}

/// <summary>Why a client did not come. Only <see cref="GeenReden"/> counts towards the no-show policy.</summary>
[GenerateSerializer, Alias("kjk.AfwezigheidReden")]
public enum AfwezigheidReden
{
    /// <summary>The client cancelled in advance.</summary>
    Afgemeld = 0,
    /// <summary>Illness, care, an emergency: the klantmanager judged the reason urgent.</summary>
    DringendeReden = 1,
    /// <summary>No reason known. Counts.</summary>
    GeenReden = 2,
    /// <summary>The invitation did not reach the client (wrong address, returned mail).</summary>
    NietBezorgd = 3,
}

/// <summary>What happens after an outcome, as the no-show policy decided it.</summary>
[GenerateSerializer, Alias("kjk.GesprekGevolg")]
public enum GesprekGevolg
{
    Geen = 0,
    NieuweUitnodiging = 1,
    Handhavingssignaal = 2,
    /// <summary>Another invitation was due but there is no slot left in the period, or the maximum is reached: the klantmanager decides.</summary>
    GeenNieuweUitnodigingMogelijk = 3,
}

/// <summary>
/// The outcome a klantmanager records. A held gesprek ends with an indeling (and where measured a
/// trede, route, afspraken, ontheffing with end date or uitstroom); a missed one with the reason.
/// </summary>
[GenerateSerializer, Alias("kjk.GesprekUitkomst")]
public sealed record GesprekUitkomst
{
    [Id(0), JsonPropertyName("verschenen")] public required bool Verschenen { get; init; }
    [Id(1), JsonPropertyName("afwezigheid")] public AfwezigheidReden? Afwezigheid { get; init; }
    [Id(2), JsonPropertyName("indeling")] public Indeling? Indeling { get; init; }
    [Id(3), JsonPropertyName("trede")] public int? Trede { get; init; }
    [Id(4), JsonPropertyName("route")] public string? Route { get; init; }
    [Id(5), JsonPropertyName("afspraken")] public string? Afspraken { get; init; }
    [Id(6), JsonPropertyName("ontheffingTot")] public DateOnly? OntheffingTot { get; init; }
    [Id(7), JsonPropertyName("ontheffingGrond")] public string? OntheffingGrond { get; init; }
    [Id(8), JsonPropertyName("uitstroomReden")] public string? UitstroomReden { get; init; }
    [Id(9), JsonPropertyName("door")] public required string Door { get; init; }
}

/// <summary>
/// One gesprek of a campaign as the campaign decided it and the <c>gesprek</c> table holds it (its one
/// truth). The campaign owns planning, invitations, herinneringen and cancellation; the klant grain hears
/// only the outcome.
/// </summary>
[GenerateSerializer, Alias("kjk.GesprekStand")]
public sealed record GesprekStand
{
    [Id(0), JsonPropertyName("id")] public required Guid Id { get; init; }
    [Id(1), JsonPropertyName("campagneId")] public required string CampagneId { get; init; }
    [Id(2), JsonPropertyName("campagneNaam")] public required string CampagneNaam { get; init; }
    [Id(3), JsonPropertyName("klantnummer")] public required string Klantnummer { get; init; }
    [Id(4), JsonPropertyName("poging")] public required int Poging { get; init; }
    [Id(5), JsonPropertyName("klantmanager")] public required string Klantmanager { get; init; }
    [Id(6), JsonPropertyName("start")] public required DateTimeOffset Start { get; init; }
    [Id(7), JsonPropertyName("eind")] public required DateTimeOffset Eind { get; init; }
    [Id(8), JsonPropertyName("status")] public required GesprekStatus Status { get; init; }
    [Id(9), JsonPropertyName("uitnodigingVerzondenOp")] public DateTimeOffset? UitnodigingVerzondenOp { get; init; }
    [Id(10), JsonPropertyName("herinneringVerzondenOp")] public DateTimeOffset? HerinneringVerzondenOp { get; init; }
    [Id(11), JsonPropertyName("uitkomst")] public GesprekUitkomst? Uitkomst { get; init; }
    [Id(12), JsonPropertyName("gevolg")] public GesprekGevolg Gevolg { get; init; }
    [Id(13), JsonPropertyName("versie")] public required int Versie { get; init; }
    [Id(14), JsonPropertyName("soort")] public GesprekSoort Soort { get; init; }
    [Id(15), JsonPropertyName("vorm")] public GesprekVorm Vorm { get; init; }
    [Id(16), JsonPropertyName("locatie")] public string? Locatie { get; init; }
    [Id(17), JsonPropertyName("toelichting")] public string? Toelichting { get; init; }
    /// <summary>How often the gesprek was moved; each move sent the client a verzetbrief.</summary>
    [Id(18), JsonPropertyName("verzetAantal")] public int VerzetAantal { get; init; }
    /// <summary>Planned by a klantmanager in their agenda, not by a campaign.</summary>
    [Id(19), JsonPropertyName("eigenGesprek")] public bool EigenGesprek { get; init; }

    [JsonIgnore] public bool IsOpen => Status.IsOpen();
}

/// <summary>What registering an outcome led to, for the klantmanager's screen.</summary>
[GenerateSerializer, Alias("kjk.UitkomstVerwerking")]
public sealed record UitkomstVerwerking(
    [property: Id(0), JsonPropertyName("gesprek")] GesprekStand Gesprek,
    [property: Id(1), JsonPropertyName("gevolg")] GesprekGevolg Gevolg,
    [property: Id(2), JsonPropertyName("toelichting")] string Toelichting,
    [property: Id(3), JsonPropertyName("nieuwGesprek")] GesprekStand? NieuwGesprek);
