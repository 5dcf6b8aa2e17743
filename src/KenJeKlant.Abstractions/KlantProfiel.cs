namespace KenJeKlant.Abstractions;

/// <summary>
/// One client as the gemeente's benefits system exports it. Deliberately no nationality, language or
/// gender: KenJeKlant does not need them and must not be able to score on them.
/// </summary>
[GenerateSerializer, Alias("kjk.KlantProfiel")]
public sealed record KlantProfiel
{
    [Id(0)] public required string Klantnummer { get; init; }
    /// <summary>Nine digits that pass the elfproef, or null when the export carries none.</summary>
    [Id(1)] public string? Bsn { get; init; }
    [Id(2)] public required string Naam { get; init; }
    [Id(3)] public required DateOnly Geboortedatum { get; init; }
    /// <summary>Normalised as four digits and two capitals without a space, e.g. 2011AB.</summary>
    [Id(4)] public required string Postcode { get; init; }
    [Id(5)] public string? Wijk { get; init; }
    [Id(6)] public required Huishouden Huishouden { get; init; }
    [Id(7)] public required DateOnly StartdatumUitkering { get; init; }
    [Id(8)] public Doelgroepen Doelgroepen { get; init; } = Doelgroepen.Geen;
    /// <summary>Medewerker id of the klantmanager who holds this client's caseload.</summary>
    [Id(9)] public required string Klantmanager { get; init; }
    /// <summary>Last participatiegesprek the benefits system knows of, if any (campaign selection "not spoken since").</summary>
    [Id(10)] public DateOnly? LaatsteGesprek { get; init; }
}
