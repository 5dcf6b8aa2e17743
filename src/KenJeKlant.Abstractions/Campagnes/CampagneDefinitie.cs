using System.Text.Json.Serialization;
using KenJeKlant.Abstractions.Klanten;

namespace KenJeKlant.Abstractions.Campagnes;

/// <summary>
/// What a programmaleider sets up: who is invited, when, by whom and how often. Complete when it
/// reaches the grain: the API fills every omitted setting from the configured campaign policy.
/// </summary>
[GenerateSerializer, Alias("kjk.CampagneDefinitie")]
public sealed record CampagneDefinitie
{
    [Id(0), JsonPropertyName("naam")] public required string Naam { get; init; }
    [Id(1), JsonPropertyName("selectie")] public required CampagneSelectie Selectie { get; init; }
    [Id(2), JsonPropertyName("periodeVan")] public required DateOnly PeriodeVan { get; init; }
    [Id(3), JsonPropertyName("periodeTot")] public required DateOnly PeriodeTot { get; init; }
    [Id(4), JsonPropertyName("volgorde")] public required CampagneVolgorde Volgorde { get; init; }
    [Id(5), JsonPropertyName("capaciteit")] public required CapaciteitInstelling Capaciteit { get; init; }
    /// <summary>The invitation goes out this many days before the gesprek.</summary>
    [Id(6), JsonPropertyName("uitnodigingDagenVooraf")] public required int UitnodigingDagenVooraf { get; init; }
    /// <summary>The herinnering goes out this many days before the gesprek.</summary>
    [Id(7), JsonPropertyName("herinneringDagenVooraf")] public required int HerinneringDagenVooraf { get; init; }
    [Id(8), JsonPropertyName("nietVerschenenBeleid")] public required NietVerschenenBeleid NietVerschenen { get; init; }
}

/// <summary>Which clients of the bestand a campaign invites; every filter given must hold. Wijk selects, it never ranks.</summary>
[GenerateSerializer, Alias("kjk.CampagneSelectie")]
public sealed record CampagneSelectie
{
    [Id(0), JsonPropertyName("klantmanager")] public string? Klantmanager { get; init; }
    [Id(1), JsonPropertyName("wijk")] public string? Wijk { get; init; }
    [Id(2), JsonPropertyName("indeling")] public Indeling? Indeling { get; init; }
    /// <summary>Only clients not spoken since this date (never spoken included).</summary>
    [Id(3), JsonPropertyName("nietGesprokenSinds")] public DateOnly? NietGesprokenSinds { get; init; }
    [Id(4), JsonPropertyName("doelgroep")] public Doelgroep? Doelgroep { get; init; }
    /// <summary>Only clients of this gemeente (CBS code), for a dienst that serves several.</summary>
    [Id(5), JsonPropertyName("gemeente")] public string? Gemeente { get; init; }

    public static CampagneSelectie HeleBestand { get; } = new();
}

/// <summary>A doelgroep flag of the bestand, for selecting (e.g. a campaign for statushouders' inburgering), never for ranking.</summary>
[GenerateSerializer, Alias("kjk.Doelgroep")]
public enum Doelgroep
{
    Statushouder = 0,
    SchoolverlaterProVso = 1,
    Arbeidsbeperking = 2,
    Doelgroepregister = 3,
}

/// <summary>The explainable orders a campaign may use. There is deliberately no order on anything else.</summary>
[GenerateSerializer, Alias("kjk.CampagneVolgorde")]
public enum CampagneVolgorde
{
    LangstNietGesprokenEerst = 0,
    OpKlantnummer = 1,
}

/// <summary>What every klantmanager gives the campaign, with exceptions per klantmanager (part-time, leave).</summary>
[GenerateSerializer, Alias("kjk.CapaciteitInstelling")]
public sealed record CapaciteitInstelling
{
    [Id(0), JsonPropertyName("gesprekkenPerDag")] public required int GesprekkenPerDag { get; init; }
    [Id(1), JsonPropertyName("slotMinuten")] public required int SlotMinuten { get; init; }
    [Id(2), JsonPropertyName("begintijd")] public required TimeOnly Begintijd { get; init; }
    [Id(3), JsonPropertyName("eindtijd")] public required TimeOnly Eindtijd { get; init; }
    [Id(4), JsonPropertyName("werkdagen")] public required IReadOnlyList<DayOfWeek> Werkdagen { get; init; }
    [Id(5), JsonPropertyName("perKlantmanager")] public IReadOnlyList<KlantmanagerCapaciteit> PerKlantmanager { get; init; } = [];
    [Id(6), JsonPropertyName("feestdagen")] public IReadOnlyList<DateOnly> Feestdagen { get; init; } = [];
}

/// <summary>One klantmanager's exception to the campaign's capacity; what is left out follows the campaign.</summary>
[GenerateSerializer, Alias("kjk.KlantmanagerCapaciteit")]
public sealed record KlantmanagerCapaciteit
{
    [Id(0), JsonPropertyName("klantmanager")] public required string Klantmanager { get; init; }
    [Id(1), JsonPropertyName("gesprekkenPerDag")] public int? GesprekkenPerDag { get; init; }
    [Id(2), JsonPropertyName("werkdagen")] public IReadOnlyList<DayOfWeek>? Werkdagen { get; init; }
    [Id(3), JsonPropertyName("afwezig")] public IReadOnlyList<Periode> Afwezig { get; init; } = [];
}

/// <summary>Two dates, both inclusive.</summary>
[GenerateSerializer, Alias("kjk.Periode")]
public sealed record Periode(
    [property: Id(0), JsonPropertyName("van")] DateOnly Van,
    [property: Id(1), JsonPropertyName("tot")] DateOnly Tot);

/// <summary>
/// What follows when a client does not come. Only an absence without reason counts; after
/// <see cref="SignaalNaAantal"/> of those a handhavingssignaal goes to a human, who decides. Never a sanction.
/// </summary>
[GenerateSerializer, Alias("kjk.NietVerschenenBeleid")]
public sealed record NietVerschenenBeleid
{
    /// <summary>Counted absences (geen reden) that lead to a signal instead of another invitation.</summary>
    [Id(0), JsonPropertyName("signaalNaAantal")] public required int SignaalNaAantal { get; init; }
    /// <summary>At most this many invitations per client in this campaign (uncounted absences included), so nobody is invited forever.</summary>
    [Id(1), JsonPropertyName("maximaalUitnodigingen")] public required int MaximaalUitnodigingen { get; init; }
}
