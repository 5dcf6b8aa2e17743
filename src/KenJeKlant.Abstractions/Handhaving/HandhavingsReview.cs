using System.Text.Json.Serialization;

namespace KenJeKlant.Abstractions.Handhaving;

/// <summary>A signal and every step of its review so far, with what the law still asks before a decision.</summary>
[GenerateSerializer, Alias("kjk.HandhavingsReview")]
public sealed record HandhavingsReview
{
    [Id(0), JsonPropertyName("id")] public required Guid Id { get; init; }
    [Id(1), JsonPropertyName("signaal")] public required SignaalBasis Signaal { get; init; }
    [Id(2), JsonPropertyName("status")] public required SignaalStatus Status { get; init; }
    [Id(3), JsonPropertyName("inBehandeling")] public Stap? InBehandeling { get; init; }
    [Id(4), JsonPropertyName("bezorging")] public Bezorgingscontrole? Bezorging { get; init; }
    [Id(5), JsonPropertyName("contactpogingen")] public IReadOnlyList<Contactpoging> Contactpogingen { get; init; } = [];
    [Id(6), JsonPropertyName("zienswijze")] public Zienswijze? Zienswijze { get; init; }
    [Id(7), JsonPropertyName("beoordeling")] public Beoordeling? Beoordeling { get; init; }
    [Id(8), JsonPropertyName("besluit")] public Besluit? Besluit { get; init; }
    /// <summary>Until when the client may still give a zienswijze (from the first contact attempt); null before any.</summary>
    [Id(9), JsonPropertyName("zienswijzeTermijnTot")] public DateTimeOffset? ZienswijzeTermijnTot { get; init; }
    /// <summary>The steps still open, in plain Dutch, so the behandelaar sees what the law asks next.</summary>
    [Id(10), JsonPropertyName("nogTeDoen")] public IReadOnlyList<string> NogTeDoen { get; init; } = [];
    /// <summary>Who gave the signal back to the queue, when and why, oldest first.</summary>
    [Id(11), JsonPropertyName("teruggaven")] public IReadOnlyList<Stap> Teruggaven { get; init; } = [];
    /// <summary>The voornemen letter sent before a waarschuwing or maatregel; null before it.</summary>
    [Id(12), JsonPropertyName("voornemen")] public Voornemen? Voornemen { get; init; }
    /// <summary>The besluit letter (beschikking) sent after the besluit; null before it.</summary>
    [Id(13), JsonPropertyName("besluitbrief")] public Besluitbrief? Besluitbrief { get; init; }
}
