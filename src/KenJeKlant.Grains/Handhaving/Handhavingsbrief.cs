using System.Text.Json.Serialization;
using KenJeKlant.Abstractions.Handhaving;
using KenJeKlant.Grains.Campagnes;

namespace KenJeKlant.Grains.Handhaving;

/// <summary>
/// What a handhaving letter says, fixed when it is sent: the outbox row keeps it (<c>bericht.inhoud</c>), so the
/// letter printed later reads as it went out even when policy or the review's screen changes. Name and address
/// come from the client's row when it is printed. JSON names are fixed: stored letters outlive C# renames.
/// </summary>
public sealed record Handhavingsbrief
{
    [JsonPropertyName("id")] public required Guid Id { get; init; }
    [JsonPropertyName("signaalId")] public required Guid SignaalId { get; init; }
    /// <summary><see cref="BerichtSoort.Voornemen"/> or <see cref="BerichtSoort.Besluit"/>.</summary>
    [JsonPropertyName("soort")] public required BerichtSoort Soort { get; init; }
    [JsonPropertyName("klantnummer")] public required string Klantnummer { get; init; }
    [JsonPropertyName("briefdatum")] public required DateOnly Briefdatum { get; init; }
    /// <summary>What is intended (voornemen) or decided (besluit).</summary>
    [JsonPropertyName("besluit")] public required BesluitSoort Besluit { get; init; }
    [JsonPropertyName("percentage")] public int? Percentage { get; init; }
    [JsonPropertyName("duurMaanden")] public int? DuurMaanden { get; init; }
    /// <summary>Why there is a case at all: the signal's reason as the campaign wrote it.</summary>
    [JsonPropertyName("aanleiding")] public required string Aanleiding { get; init; }
    [JsonPropertyName("verwijtbaarheid")] public Verwijtbaarheid? Verwijtbaarheid { get; init; }
    [JsonPropertyName("dringendeRedenen")] public bool? DringendeRedenen { get; init; }
    /// <summary>The behandelaar's reasons in the beoordeling: the heart of the motivation.</summary>
    [JsonPropertyName("beoordeling")] public string? Beoordeling { get; init; }
    /// <summary>What the client said, when they said anything.</summary>
    [JsonPropertyName("zienswijze")] public string? Zienswijze { get; init; }
    /// <summary>The reason given with the voornemen or the besluit.</summary>
    [JsonPropertyName("toelichting")] public required string Toelichting { get; init; }
    [JsonPropertyName("zienswijzeTotEnMet")] public DateOnly? ZienswijzeTotEnMet { get; init; }
    [JsonPropertyName("zienswijzeHoe")] public string? ZienswijzeHoe { get; init; }
    [JsonPropertyName("ingangsdatum")] public DateOnly? Ingangsdatum { get; init; }
    [JsonPropertyName("bezwaarTotEnMet")] public DateOnly? BezwaarTotEnMet { get; init; }
    [JsonPropertyName("bezwaaradres")] public string? Bezwaaradres { get; init; }
    [JsonPropertyName("behandelaar")] public required string Behandelaar { get; init; }
    [JsonPropertyName("verzondenOp")] public required DateTimeOffset VerzondenOp { get; init; }
}
