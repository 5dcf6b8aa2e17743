using System.Text.Json.Serialization;
using KenJeKlant.Abstractions.Herbeoordelingen;

namespace KenJeKlant.Grains.Herbeoordelingen;

/// <summary>A prompt as given to a klantmanager's werklijst: for which date, at which stage, to whom.</summary>
[GenerateSerializer, Alias("kjk.HerbeoordelingMelding")]
public sealed record HerbeoordelingMelding(
    [property: Id(0), JsonPropertyName("datum")] DateOnly Datum,
    [property: Id(1), JsonPropertyName("status")] HerbeoordelingStatus Status,
    [property: Id(2), JsonPropertyName("klantmanager")] string Klantmanager);
