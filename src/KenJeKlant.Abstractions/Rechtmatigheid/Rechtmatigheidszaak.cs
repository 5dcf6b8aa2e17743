using System.Text.Json.Serialization;
using KenJeKlant.Abstractions.Handhaving;

namespace KenJeKlant.Abstractions.Rechtmatigheid;

// A rechtmatigheidssignaal: a klantmanager's doubt about the right to benefit (art. 17/54 Participatiewet), raised
// by a person with facts, never by a score or automatically. Its own route, apart from re-integratie (art. 9/18)
// and from the no-show review. Numbers are fixed: the table stores the texts.

/// <summary>Where the signal stands: gemeld → in onderzoek → horen (oproep sent) → afgerond (a conclusie proposed).</summary>
[GenerateSerializer, Alias("kjk.RechtmatigheidStatus")]
public enum RechtmatigheidStatus
{
    Gemeld = 0,
    InOnderzoek = 1,
    Horen = 2,
    Afgerond = 3,
}

/// <summary>What handhaving proposes at the end: proposals only, decided outside this system.</summary>
[GenerateSerializer, Alias("kjk.RechtmatigheidConclusie")]
public enum RechtmatigheidConclusie
{
    GeenGevolgen = 0,
    TerugvorderingVoorgesteld = 1,
    AangifteVoorgesteld = 2,
}

/// <summary>The client called to be heard: when and where, and the oproep letter (art. 17/54) in the outbox.</summary>
[GenerateSerializer, Alias("kjk.Hoorstap")]
public sealed record Hoorstap(
    [property: Id(0), JsonPropertyName("moment")] DateTimeOffset Moment,
    [property: Id(1), JsonPropertyName("locatie")] string Locatie,
    [property: Id(2), JsonPropertyName("oproepBriefId")] Guid OproepBriefId,
    [property: Id(3), JsonPropertyName("stap")] Stap Stap);

[GenerateSerializer, Alias("kjk.Conclusiestap")]
public sealed record Conclusiestap(
    [property: Id(0), JsonPropertyName("soort")] RechtmatigheidConclusie Soort,
    [property: Id(1), JsonPropertyName("stap")] Stap Stap);

/// <summary>A rechtmatigheidssignaal as handhaving sees it: the facts the klantmanager gave and the steps since. No dossier, no BSN.</summary>
[GenerateSerializer, Alias("kjk.Rechtmatigheidszaak")]
public sealed record Rechtmatigheidszaak
{
    [Id(0), JsonPropertyName("id")] public required Guid Id { get; init; }
    [Id(1), JsonPropertyName("klantnummer")] public required string Klantnummer { get; init; }
    [Id(2), JsonPropertyName("aanleiding")] public required string Aanleiding { get; init; }
    [Id(3), JsonPropertyName("feiten")] public required string Feiten { get; init; }
    [Id(4), JsonPropertyName("toelichting")] public required string Toelichting { get; init; }
    /// <summary>The klantmanager who raised it, when.</summary>
    [Id(5), JsonPropertyName("gemeld")] public required Stap Gemeld { get; init; }
    [Id(6), JsonPropertyName("status")] public required RechtmatigheidStatus Status { get; init; }
    [Id(7), JsonPropertyName("onderzoek")] public Stap? Onderzoek { get; init; }
    [Id(8), JsonPropertyName("horen")] public Hoorstap? Horen { get; init; }
    [Id(9), JsonPropertyName("conclusie")] public Conclusiestap? Conclusie { get; init; }
}
