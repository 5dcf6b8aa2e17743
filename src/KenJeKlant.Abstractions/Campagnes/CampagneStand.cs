using System.Text.Json.Serialization;

namespace KenJeKlant.Abstractions.Campagnes;

/// <summary>A campaign as the programmaleider sees it: its set-up, status and what happened to it.</summary>
[GenerateSerializer, Alias("kjk.CampagneStand")]
public sealed record CampagneStand(
    [property: Id(0), JsonPropertyName("id")] string Id,
    [property: Id(1), JsonPropertyName("definitie")] CampagneDefinitie Definitie,
    [property: Id(2), JsonPropertyName("status")] CampagneStatus Status,
    [property: Id(3), JsonPropertyName("uitnodigenKlaar")] bool UitnodigenKlaar,
    [property: Id(4), JsonPropertyName("volgordeUitleg")] string VolgordeUitleg,
    [property: Id(5), JsonPropertyName("historie")] IReadOnlyList<CampagneGebeurtenis> Historie);

/// <summary>A status change: what, when, by whom, why.</summary>
[GenerateSerializer, Alias("kjk.CampagneGebeurtenis")]
public sealed record CampagneGebeurtenis(
    [property: Id(0), JsonPropertyName("tijdstip")] DateTimeOffset Tijdstip,
    [property: Id(1), JsonPropertyName("status")] CampagneStatus Status,
    [property: Id(2), JsonPropertyName("door")] string Door,
    [property: Id(3), JsonPropertyName("toelichting")] string? Toelichting);
