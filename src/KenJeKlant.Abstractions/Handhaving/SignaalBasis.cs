using System.Text.Json.Serialization;

namespace KenJeKlant.Abstractions.Handhaving;

/// <summary>What the campaign wrote when it created the signal; the review starts from it and never changes it.</summary>
[GenerateSerializer, Alias("kjk.SignaalBasis")]
public sealed record SignaalBasis(
    [property: Id(0), JsonPropertyName("klantnummer")] string Klantnummer,
    [property: Id(1), JsonPropertyName("campagneId")] string CampagneId,
    [property: Id(2), JsonPropertyName("gesprekId")] Guid GesprekId,
    [property: Id(3), JsonPropertyName("reden")] string Reden,
    [property: Id(4), JsonPropertyName("aangemaaktOp")] DateTimeOffset AangemaaktOp,
    [property: Id(5), JsonPropertyName("gemeente")] string? Gemeente = null);
