using System.Text.Json.Serialization;
using KenJeKlant.Abstractions.Werklijsten;

namespace KenJeKlant.Grains.Werklijsten;

[GenerateSerializer, Alias("kjk.KlantmanagerState")]
public sealed class KlantmanagerState
{
    /// <summary>Items by "klantnummer/soort": one per client and soort.</summary>
    [Id(0), JsonPropertyName("items")] public Dictionary<string, WerklijstItem> Items { get; set; } = new(StringComparer.Ordinal);
}
