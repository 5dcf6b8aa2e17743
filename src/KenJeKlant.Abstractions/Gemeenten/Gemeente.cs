using System.Text.Json.Serialization;

namespace KenJeKlant.Abstractions.Gemeenten;

/// <summary>
/// A gemeente the dienst works for, by its CBS gemeentecode (four digits as text, e.g. <c>0453</c>) and name.
/// A dienst (e.g. IJmond: Velsen, Beverwijk, Heemskerk) serves one or more; clients, gesprekken and letters carry it.
/// </summary>
[GenerateSerializer, Alias("kjk.Gemeente")]
public sealed record Gemeente(
    [property: Id(0), JsonPropertyName("code")] string Code,
    [property: Id(1), JsonPropertyName("naam")] string Naam)
{
    /// <summary>The return address its letters print under its name; null: none configured.</summary>
    [Id(2), JsonPropertyName("retouradres")] public string? Retouradres { get; init; }
}
