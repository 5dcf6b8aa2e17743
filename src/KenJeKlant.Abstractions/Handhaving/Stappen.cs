using System.Text.Json.Serialization;

namespace KenJeKlant.Abstractions.Handhaving;

// The steps of a handhaving review as they are stored. Every step says who took it, when and why
// (Stap); JSON names are fixed so renaming a C# member never breaks stored grain state.

/// <summary>Who took a step, when (the domain clock, never the caller's) and why.</summary>
[GenerateSerializer, Alias("kjk.Stap")]
public sealed record Stap(
    [property: Id(0), JsonPropertyName("door")] string Door,
    [property: Id(1), JsonPropertyName("tijdstip")] DateTimeOffset Tijdstip,
    [property: Id(2), JsonPropertyName("toelichting")] string Toelichting);

/// <summary>Was the invitation delivered (right address, no returned mail)? A no-show only counts when it was.</summary>
[GenerateSerializer, Alias("kjk.Bezorgingscontrole")]
public sealed record Bezorgingscontrole(
    [property: Id(0), JsonPropertyName("bezorgd")] bool Bezorgd,
    [property: Id(1), JsonPropertyName("stap")] Stap Stap);

[GenerateSerializer, Alias("kjk.Contactpoging")]
public sealed record Contactpoging(
    [property: Id(0), JsonPropertyName("kanaal")] Contactkanaal Kanaal,
    [property: Id(1), JsonPropertyName("bereikt")] bool Bereikt,
    [property: Id(2), JsonPropertyName("stap")] Stap Stap);

/// <summary>The client heard: what they said, or that they did not react within the term.</summary>
[GenerateSerializer, Alias("kjk.Zienswijze")]
public sealed record Zienswijze(
    [property: Id(0), JsonPropertyName("soort")] ZienswijzeSoort Soort,
    [property: Id(1), JsonPropertyName("samenvatting")] string? Samenvatting,
    [property: Id(2), JsonPropertyName("stap")] Stap Stap);

/// <summary>The human judgement the law asks for before any reaction: verwijtbaarheid and dringende redenen.</summary>
[GenerateSerializer, Alias("kjk.Beoordeling")]
public sealed record Beoordeling(
    [property: Id(0), JsonPropertyName("verwijtbaarheid")] Verwijtbaarheid Verwijtbaarheid,
    [property: Id(1), JsonPropertyName("dringendeRedenen")] bool DringendeRedenen,
    [property: Id(2), JsonPropertyName("stap")] Stap Stap);

/// <summary>
/// The decision a person takes. A voorstel maatregel carries a percentage and a duration the
/// afstemmingsverordening allows; the toelichting of the step is the reason.
/// </summary>
[GenerateSerializer, Alias("kjk.Besluit")]
public sealed record Besluit(
    [property: Id(0), JsonPropertyName("soort")] BesluitSoort Soort,
    [property: Id(1), JsonPropertyName("percentage")] int? Percentage,
    [property: Id(2), JsonPropertyName("duurMaanden")] int? DuurMaanden,
    [property: Id(3), JsonPropertyName("stap")] Stap Stap);

/// <summary>
/// The voornemen letter sent: what is intended (a waarschuwing or a maatregel with its percentage and duration),
/// the letter in the outbox and until when the client may give a zienswijze (the date of the letter plus
/// <c>Beleid:Handhaving:ZienswijzeTermijnDagen</c>, that day included).
/// </summary>
[GenerateSerializer, Alias("kjk.Voornemen")]
public sealed record Voornemen(
    [property: Id(0), JsonPropertyName("soort")] BesluitSoort Soort,
    [property: Id(1), JsonPropertyName("percentage")] int? Percentage,
    [property: Id(2), JsonPropertyName("duurMaanden")] int? DuurMaanden,
    [property: Id(3), JsonPropertyName("briefId")] Guid BriefId,
    [property: Id(4), JsonPropertyName("briefdatum")] DateOnly Briefdatum,
    [property: Id(5), JsonPropertyName("zienswijzeTotEnMet")] DateOnly ZienswijzeTotEnMet,
    [property: Id(6), JsonPropertyName("stap")] Stap Stap);

/// <summary>
/// The besluit letter (beschikking) sent: the letter in the outbox, from when the decision applies and until
/// when bezwaar is possible (six weeks from the date of the letter, art. 6:7 Awb).
/// </summary>
[GenerateSerializer, Alias("kjk.Besluitbrief")]
public sealed record Besluitbrief(
    [property: Id(0), JsonPropertyName("briefId")] Guid BriefId,
    [property: Id(1), JsonPropertyName("briefdatum")] DateOnly Briefdatum,
    [property: Id(2), JsonPropertyName("ingangsdatum")] DateOnly Ingangsdatum,
    [property: Id(3), JsonPropertyName("bezwaarTotEnMet")] DateOnly BezwaarTotEnMet,
    [property: Id(4), JsonPropertyName("stap")] Stap Stap);
