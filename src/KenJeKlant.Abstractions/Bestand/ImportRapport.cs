using System.Text.Json.Serialization;

namespace KenJeKlant.Abstractions.Bestand;

/// <summary>What an import of the bestand did, or — when it imported nothing — why.</summary>
[GenerateSerializer, Alias("kjk.ImportRapport")]
public sealed record ImportRapport
{
    /// <summary>At most this many row errors (and as many warnings) are listed; the counts count them all.</summary>
    public const int MaxGetoond = 1000;

    [Id(0), JsonPropertyName("importId")] public required Guid ImportId { get; init; }
    /// <summary>True when the rows were applied (all of them, or with <see cref="Gedeeltelijk"/> the valid ones).</summary>
    [Id(1), JsonPropertyName("geimporteerd")] public required bool Geimporteerd { get; init; }
    [Id(2), JsonPropertyName("gedeeltelijk")] public required bool Gedeeltelijk { get; init; }
    /// <summary>Only checked, nothing applied (<c>?controle=true</c>).</summary>
    [Id(3), JsonPropertyName("controle")] public bool Controle { get; init; }
    [Id(4), JsonPropertyName("regels")] public int Regels { get; init; }
    [Id(5), JsonPropertyName("nieuw")] public int Nieuw { get; init; }
    [Id(6), JsonPropertyName("gewijzigd")] public int Gewijzigd { get; init; }
    [Id(7), JsonPropertyName("ongewijzigd")] public int Ongewijzigd { get; init; }
    [Id(8), JsonPropertyName("terugInBestand")] public int TerugInBestand { get; init; }
    [Id(9), JsonPropertyName("afgewezen")] public int Afgewezen { get; init; }
    [Id(10), JsonPropertyName("uitBestand")] public int UitBestand { get; init; }
    [Id(11), JsonPropertyName("aantalFouten")] public int AantalFouten { get; init; }
    [Id(12), JsonPropertyName("fouten")] public IReadOnlyList<ImportMelding> Fouten { get; init; } = [];
    [Id(13), JsonPropertyName("aantalWaarschuwingen")] public int AantalWaarschuwingen { get; init; }
    /// <summary>Rows imported with something to look at (a value that starts like a spreadsheet formula).</summary>
    [Id(14), JsonPropertyName("waarschuwingen")] public IReadOnlyList<ImportMelding> Waarschuwingen { get; init; } = [];
    [Id(15), JsonPropertyName("melding")] public string? Melding { get; init; }
}
