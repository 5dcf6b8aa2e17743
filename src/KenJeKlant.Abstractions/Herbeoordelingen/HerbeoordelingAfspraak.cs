using System.Text.Json.Serialization;

namespace KenJeKlant.Abstractions.Herbeoordelingen;

/// <summary>
/// A klantmanager sets the next reassessment date by hand, with a reason (e.g. "na afronding
/// schuldhulptraject"). It holds until the next assessment is recorded.
/// </summary>
[GenerateSerializer, Alias("kjk.HerbeoordelingAfspraak")]
public sealed record HerbeoordelingAfspraak(
    [property: Id(0), JsonPropertyName("datum")] DateOnly Datum,
    [property: Id(1), JsonPropertyName("reden")] string Reden,
    [property: Id(2), JsonPropertyName("door")] string Door);
