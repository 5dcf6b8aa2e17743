using System.Text.Json.Serialization;

namespace KenJeKlant.Abstractions.Klanten;

/// <summary>One line of a client's append-only history: what happened, when, and who did it.</summary>
[GenerateSerializer, Alias("kjk.HistorieRegel")]
public sealed record HistorieRegel(
    [property: Id(0), JsonPropertyName("tijdstip")] DateTimeOffset Tijdstip,
    [property: Id(1), JsonPropertyName("gebeurtenis")] string Gebeurtenis,
    [property: Id(2), JsonPropertyName("omschrijving")] string Omschrijving,
    [property: Id(3), JsonPropertyName("door")] string Door);
