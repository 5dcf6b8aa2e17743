namespace KenJeKlant.Abstractions.Herbeoordelingen;

/// <summary>The reassessment as a dossier shows it: planned date, why, and where it stands today.</summary>
[GenerateSerializer, Alias("kjk.HerbeoordelingStand")]
public sealed record HerbeoordelingStand(
    [property: Id(0)] DateOnly Datum,
    [property: Id(1)] string Grond,
    [property: Id(2)] HerbeoordelingStatus Status,
    [property: Id(3)] HerbeoordelingAfspraak? Afspraak);
