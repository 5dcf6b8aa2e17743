using System.Text.Json.Serialization;
using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Herbeoordelingen;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Grains.Herbeoordelingen;

namespace KenJeKlant.Grains.Klanten;

/// <summary>Persisted state of one client. JSON names are fixed: stored data must outlive C# renames.</summary>
[GenerateSerializer, Alias("kjk.KlantState")]
public sealed class KlantState
{
    [Id(0), JsonPropertyName("profiel")] public KlantProfiel? Profiel { get; set; }
    [Id(1), JsonPropertyName("inBestand")] public bool InBestand { get; set; }
    [Id(2), JsonPropertyName("indeling")] public IndelingRegistratie? Indeling { get; set; }
    [Id(3), JsonPropertyName("tredes")] public List<TredeMeting> Tredes { get; set; } = [];
    [Id(4), JsonPropertyName("route")] public RouteToewijzing? Route { get; set; }
    [Id(5), JsonPropertyName("ontheffing")] public Ontheffing? Ontheffing { get; set; }
    [Id(6), JsonPropertyName("uitstroom")] public Uitstroom? Uitstroom { get; set; }
    [Id(7), JsonPropertyName("historie")] public List<HistorieRegel> Historie { get; set; } = [];
    [Id(8), JsonPropertyName("herbeoordelingAfspraak")] public HerbeoordelingAfspraak? HerbeoordelingAfspraak { get; set; }
    [Id(9), JsonPropertyName("herbeoordeling")] public HerbeoordelingPlanning? Herbeoordeling { get; set; }
    /// <summary>What the werklijst was last told, so a late or repeated reminder tick never prompts twice.</summary>
    [Id(10), JsonPropertyName("herbeoordelingGemeld")] public HerbeoordelingMelding? HerbeoordelingGemeld { get; set; }
    // Id 11 ("gesprekken") held a copy of every campaign gesprek until the gesprek table became their one truth.
    /// <summary>Which gesprekken' outcomes this trajectory has taken in: a repeated call changes nothing, a different second outcome is refused.</summary>
    [Id(12), JsonPropertyName("gesprekUitkomsten")] public List<VerwerkteGesprekUitkomst> GesprekUitkomsten { get; set; } = [];
    /// <summary>The next moment the herbeoordeling can change stage (due date, end of grace, next day): the scanners' due date.</summary>
    [Id(13), JsonPropertyName("herbeoordelingControle")] public DateTimeOffset? HerbeoordelingControle { get; set; }
}

/// <summary>A gesprek's outcome as this client's trajectory took it in (the gesprek itself lives in the <c>gesprek</c> table).</summary>
[GenerateSerializer, Alias("kjk.VerwerkteGesprekUitkomst")]
public sealed record VerwerkteGesprekUitkomst(
    [property: Id(0), JsonPropertyName("gesprekId")] Guid GesprekId,
    [property: Id(1), JsonPropertyName("uitkomst")] GesprekUitkomst Uitkomst);
