using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Herbeoordelingen;

namespace KenJeKlant.Abstractions.Klanten;

/// <summary>Everything the gemeente knows of one client: profile, trajectory and its history.</summary>
[GenerateSerializer, Alias("kjk.KlantDossier")]
public sealed record KlantDossier
{
    [Id(0)] public required KlantProfiel Profiel { get; init; }
    [Id(1)] public required bool InBestand { get; init; }
    [Id(2)] public IndelingRegistratie? Indeling { get; init; }
    [Id(3)] public IReadOnlyList<TredeMeting> Tredes { get; init; } = [];
    [Id(4)] public RouteToewijzing? Route { get; init; }
    [Id(5)] public Ontheffing? Ontheffing { get; init; }
    [Id(6)] public Uitstroom? Uitstroom { get; init; }
    [Id(7)] public IReadOnlyList<HistorieRegel> Historie { get; init; } = [];
    /// <summary>The next reassessment; null for a client who left the bestand or whose benefit ended.</summary>
    [Id(8)] public HerbeoordelingStand? Herbeoordeling { get; init; }
    /// <summary>Campaign gesprekken (invitations and their outcomes) from the gesprek table, oldest slot first.</summary>
    [Id(9)] public IReadOnlyList<GesprekStand> Gesprekken { get; init; } = [];
}
