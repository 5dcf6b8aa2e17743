using System.Text.Json.Serialization;

namespace KenJeKlant.Abstractions.Bestand;

/// <summary>
/// A bestand import as a job: where it stands, how far each step is, the errors found so far, and when
/// it has ended its report. What <c>GET /api/v1/bestand/imports/{id}</c> answers and the beheer page
/// receives live.
/// </summary>
[GenerateSerializer, Alias("kjk.ImportStand")]
public sealed record ImportStand
{
    /// <summary>Errors listed while the import runs; the report lists up to <see cref="ImportRapport.MaxGetoond"/>.</summary>
    public const int MaxFoutenTijdensImport = 50;

    [Id(0), JsonPropertyName("id")] public required Guid Id { get; init; }
    [Id(1), JsonPropertyName("status")] public required ImportStatus Status { get; init; }
    [Id(2), JsonPropertyName("fase")] public required ImportFase Fase { get; init; }
    [Id(3), JsonPropertyName("controle")] public bool Controle { get; init; }
    [Id(4), JsonPropertyName("gedeeltelijk")] public bool Gedeeltelijk { get; init; }
    /// <summary>The account that started it.</summary>
    [Id(5), JsonPropertyName("door")] public required string Door { get; init; }
    [Id(6), JsonPropertyName("gestartOp")] public DateTimeOffset GestartOp { get; init; }
    [Id(7), JsonPropertyName("beeindigdOp")] public DateTimeOffset? BeeindigdOp { get; init; }
    /// <summary>Size of the uploaded file.</summary>
    [Id(8), JsonPropertyName("bytes")] public long Bytes { get; init; }
    /// <summary>Rows read and checked so far.</summary>
    [Id(9), JsonPropertyName("regelsGelezen")] public int RegelsGelezen { get; init; }
    /// <summary>Rows without errors (the ones to apply).</summary>
    [Id(10), JsonPropertyName("regelsGeldig")] public int RegelsGeldig { get; init; }
    /// <summary>Valid rows applied to their client so far.</summary>
    [Id(11), JsonPropertyName("regelsToegepast")] public int RegelsToegepast { get; init; }
    [Id(12), JsonPropertyName("afgewezen")] public int Afgewezen { get; init; }
    [Id(13), JsonPropertyName("aantalFouten")] public int AantalFouten { get; init; }
    [Id(14), JsonPropertyName("aantalWaarschuwingen")] public int AantalWaarschuwingen { get; init; }
    /// <summary>The first <see cref="MaxFoutenTijdensImport"/> errors found so far, with their line numbers.</summary>
    [Id(15), JsonPropertyName("fouten")] public IReadOnlyList<ImportMelding> Fouten { get; init; } = [];
    /// <summary>The current step's progress and the estimate of its time left.</summary>
    [Id(16), JsonPropertyName("voortgang")] public required ImportVoortgang Voortgang { get; init; }
    /// <summary>How it ended, in a few words for a heading ("Geïmporteerd", "Het bestand bevat fouten"); null while running.</summary>
    [Id(17), JsonPropertyName("titel")] public string? Titel { get; init; }
    [Id(18), JsonPropertyName("melding")] public string? Melding { get; init; }
    /// <summary>The report, once the import has ended (klaar, mislukt or afgebroken).</summary>
    [Id(19), JsonPropertyName("rapport")] public ImportRapport? Rapport { get; init; }
}

/// <summary>
/// Progress of the current step: <see cref="Gedaan"/> of <see cref="Totaal"/> (rows, or for reading the
/// file its bytes), and the time left for this step at the pace so far (null until there is a pace).
/// </summary>
[GenerateSerializer, Alias("kjk.ImportVoortgang")]
public sealed record ImportVoortgang(
    [property: Id(0), JsonPropertyName("stap")] int Stap,
    [property: Id(1), JsonPropertyName("stappen")] int Stappen,
    [property: Id(2), JsonPropertyName("gedaan")] long Gedaan,
    [property: Id(3), JsonPropertyName("totaal")] long Totaal,
    [property: Id(4), JsonPropertyName("resterendeSeconden")] int? ResterendeSeconden);
