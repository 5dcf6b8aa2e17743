using System.Text.Json.Serialization;

namespace KenJeKlant.Abstractions.Herbeoordelingen;

/// <summary>When a client is next reassessed, and why that date (the policy rule that gave it, in words).</summary>
[GenerateSerializer, Alias("kjk.HerbeoordelingPlanning")]
public sealed record HerbeoordelingPlanning(
    [property: Id(0), JsonPropertyName("datum")] DateOnly Datum,
    [property: Id(1), JsonPropertyName("grond")] string Grond);
