using System.Text.Json.Serialization;
using KenJeKlant.Abstractions.Campagnes;

namespace KenJeKlant.Grains.Campagnes;

/// <summary>
/// Persisted state of a campaign: its set-up and status. Its gesprekken live in the gesprek table
/// (typed, for reports), not in this blob. JSON names are fixed so stored data outlives C# renames.
/// </summary>
[GenerateSerializer, Alias("kjk.CampagneState")]
public sealed class CampagneState
{
    [Id(0), JsonPropertyName("definitie")] public CampagneDefinitie? Definitie { get; set; }
    [Id(1), JsonPropertyName("status")] public CampagneStatus Status { get; set; }
    [Id(2), JsonPropertyName("historie")] public List<CampagneGebeurtenis> Historie { get; set; } = [];
    /// <summary>Every selected client has been planned (or reported as not plannable) and written.</summary>
    [Id(3), JsonPropertyName("uitnodigenKlaar")] public bool UitnodigenKlaar { get; set; }
    [Id(4), JsonPropertyName("geselecteerd")] public int Geselecteerd { get; set; }
    /// <summary>Clients without a slot, counted per reason.</summary>
    [Id(5), JsonPropertyName("nietIngepland")] public Dictionary<string, int> NietIngepland { get; set; } = [];
}
