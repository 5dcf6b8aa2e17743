using System.Text.Json.Serialization;
using KenJeKlant.Abstractions.Handhaving;

namespace KenJeKlant.Grains.Handhaving;

/// <summary>Persisted review of one signal. JSON names are fixed: stored data must outlive C# renames.</summary>
[GenerateSerializer, Alias("kjk.HandhavingssignaalState")]
public sealed class HandhavingssignaalState
{
    /// <summary>Copied from the campaign's signal row on first use; null while no such signal is known.</summary>
    [Id(0), JsonPropertyName("signaal")] public SignaalBasis? Signaal { get; set; }
    [Id(1), JsonPropertyName("status")] public SignaalStatus Status { get; set; }
    [Id(2), JsonPropertyName("inBehandeling")] public Stap? InBehandeling { get; set; }
    [Id(3), JsonPropertyName("bezorging")] public Bezorgingscontrole? Bezorging { get; set; }
    [Id(4), JsonPropertyName("contactpogingen")] public List<Contactpoging> Contactpogingen { get; set; } = [];
    [Id(5), JsonPropertyName("zienswijze")] public Zienswijze? Zienswijze { get; set; }
    [Id(6), JsonPropertyName("beoordeling")] public Beoordeling? Beoordeling { get; set; }
    [Id(7), JsonPropertyName("besluit")] public Besluit? Besluit { get; set; }
    [Id(8), JsonPropertyName("teruggaven")] public List<Stap> Teruggaven { get; set; } = [];
    [Id(9), JsonPropertyName("voornemen")] public Voornemen? Voornemen { get; set; }
    [Id(10), JsonPropertyName("besluitbrief")] public Besluitbrief? Besluitbrief { get; set; }
}
