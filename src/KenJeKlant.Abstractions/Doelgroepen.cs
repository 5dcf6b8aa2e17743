namespace KenJeKlant.Abstractions;

/// <summary>
/// Doelgroep flags from the bestand. They steer provisions (garantiebaan, beschut werk, inburgering),
/// never prioritisation or risk flags.
/// </summary>
[GenerateSerializer, Alias("kjk.Doelgroepen")]
public sealed record Doelgroepen
{
    [Id(0)] public bool Statushouder { get; init; }
    [Id(1)] public bool SchoolverlaterProVso { get; init; }
    [Id(2)] public bool Arbeidsbeperking { get; init; }
    [Id(3)] public bool Doelgroepregister { get; init; }

    public static Doelgroepen Geen { get; } = new();
}
