using System.Text.Json.Serialization;

namespace KenJeKlant.Abstractions.Klanten;

/// <summary>
/// Doelgroep flags from the bestand. They steer provisions (garantiebaan, beschut werk, inburgering),
/// never prioritisation or risk flags.
/// </summary>
[GenerateSerializer, Alias("kjk.Doelgroepen")]
public sealed record Doelgroepen
{
    [Id(0), JsonPropertyName("statushouder")] public bool Statushouder { get; init; }
    [Id(1), JsonPropertyName("schoolverlaterProVso")] public bool SchoolverlaterProVso { get; init; }
    [Id(2), JsonPropertyName("arbeidsbeperking")] public bool Arbeidsbeperking { get; init; }
    [Id(3), JsonPropertyName("doelgroepregister")] public bool Doelgroepregister { get; init; }

    public static Doelgroepen Geen { get; } = new();
}
