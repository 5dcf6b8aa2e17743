using System.Text.Json.Serialization;

namespace KenJeKlant.Abstractions.Klanten;

/// <summary>
/// One client as the gemeente's benefits system exports it. Deliberately no nationality, language or
/// gender: KenJeKlant does not need them and must not be able to score on them.
/// </summary>
[GenerateSerializer, Alias("kjk.KlantProfiel")]
public sealed record KlantProfiel
{
    [Id(0), JsonPropertyName("klantnummer")] public required string Klantnummer { get; init; }
    /// <summary>Nine digits that pass the elfproef, or null when the export carries none.</summary>
    [Id(1), JsonPropertyName("bsn")] public string? Bsn { get; init; }
    [Id(2), JsonPropertyName("naam")] public required string Naam { get; init; }
    [Id(3), JsonPropertyName("geboortedatum")] public required DateOnly Geboortedatum { get; init; }
    /// <summary>Normalised as four digits and two capitals without a space, e.g. 2011AB.</summary>
    [Id(4), JsonPropertyName("postcode")] public required string Postcode { get; init; }
    [Id(5), JsonPropertyName("wijk")] public string? Wijk { get; init; }
    [Id(6), JsonPropertyName("huishouden")] public required Huishouden Huishouden { get; init; }
    [Id(7), JsonPropertyName("startdatumUitkering")] public required DateOnly StartdatumUitkering { get; init; }
    [Id(8), JsonPropertyName("doelgroepen")] public Doelgroepen Doelgroepen { get; init; } = Doelgroepen.Geen;
    /// <summary>Medewerker id of the klantmanager who holds this client's caseload.</summary>
    [Id(9), JsonPropertyName("klantmanager")] public required string Klantmanager { get; init; }
    /// <summary>Last participatiegesprek the benefits system knows of, if any (campaign selection "not spoken since").</summary>
    [Id(10), JsonPropertyName("laatsteGesprek")] public DateOnly? LaatsteGesprek { get; init; }
    /// <summary>
    /// The client's gemeente (CBS gemeentecode, four digits) from the export's gemeente column; null when the export
    /// has none, which only a dienst with one gemeente accepts (the client then belongs to that one).
    /// </summary>
    [Id(11), JsonPropertyName("gemeente")] public string? Gemeente { get; init; }
    /// <summary>The benefit ended on this date (the export's einddatum_uitkering): the client leaves the bestand.</summary>
    [Id(12), JsonPropertyName("einddatumUitkering")] public DateOnly? EinddatumUitkering { get; init; }
    /// <summary>Why, as the benefits system says it (reden_beeindiging); null: "reden onbekend".</summary>
    [Id(13), JsonPropertyName("redenBeeindiging")] public string? RedenBeeindiging { get; init; }
}
