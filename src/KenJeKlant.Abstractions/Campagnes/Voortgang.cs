using System.Text.Json.Serialization;

namespace KenJeKlant.Abstractions.Campagnes;

/// <summary>
/// A campaign's progress, counted per client (funnel) and per gesprek (weeks). Aggregates only:
/// no klantnummer or name, so a programmaleider can see all of it.
/// </summary>
[GenerateSerializer, Alias("kjk.Voortgang")]
public sealed record Voortgang(
    [property: Id(0), JsonPropertyName("campagneId")] string CampagneId,
    [property: Id(1), JsonPropertyName("status")] CampagneStatus Status,
    [property: Id(2), JsonPropertyName("funnel")] Funnel Funnel,
    [property: Id(3), JsonPropertyName("indelingen")] IReadOnlyList<Telling> Indelingen,
    [property: Id(4), JsonPropertyName("tredes")] IReadOnlyList<Telling> Tredes,
    [property: Id(5), JsonPropertyName("uitkomsten")] Uitkomsten Uitkomsten,
    [property: Id(6), JsonPropertyName("afwezigheid")] IReadOnlyList<Telling> Afwezigheid,
    [property: Id(7), JsonPropertyName("perKlantmanager")] IReadOnlyList<KlantmanagerVoortgang> PerKlantmanager,
    [property: Id(8), JsonPropertyName("perWeek")] IReadOnlyList<WeekVoortgang> PerWeek,
    [property: Id(9), JsonPropertyName("nietIngepland")] IReadOnlyList<Telling> NietIngepland,
    [property: Id(10), JsonPropertyName("perWijk")] IReadOnlyList<WijkVoortgang> PerWijk);

/// <summary>Clients per stage. A client counts once per stage reached; no-show counts are of absences without reason.</summary>
[GenerateSerializer, Alias("kjk.Funnel")]
public sealed record Funnel
{
    [Id(0), JsonPropertyName("geselecteerd")] public int Geselecteerd { get; init; }
    [Id(1), JsonPropertyName("ingepland")] public int Ingepland { get; init; }
    [Id(2), JsonPropertyName("nietIngepland")] public int NietIngepland { get; init; }
    [Id(3), JsonPropertyName("uitgenodigd")] public int Uitgenodigd { get; init; }
    [Id(4), JsonPropertyName("herinnerd")] public int Herinnerd { get; init; }
    [Id(5), JsonPropertyName("gesproken")] public int Gesproken { get; init; }
    [Id(6), JsonPropertyName("nietVerschenenEenmaal")] public int NietVerschenenEenmaal { get; init; }
    [Id(7), JsonPropertyName("nietVerschenenMeermaals")] public int NietVerschenenMeermaals { get; init; }
    [Id(8), JsonPropertyName("signalen")] public int Signalen { get; init; }
    [Id(9), JsonPropertyName("geannuleerd")] public int Geannuleerd { get; init; }
    /// <summary>The slot has passed and no outcome is recorded yet: the klantmanager has been prompted.</summary>
    [Id(10), JsonPropertyName("zonderUitkomst")] public int ZonderUitkomst { get; init; }
    /// <summary>Clients whose gesprek was moved (at their request or the gemeente's); never counted as not appeared.</summary>
    [Id(11), JsonPropertyName("verzet")] public int Verzet { get; init; }
    /// <summary>Every move, a client moved twice counting twice.</summary>
    [Id(12), JsonPropertyName("verzettingen")] public int Verzettingen { get; init; }
}

[GenerateSerializer, Alias("kjk.Telling")]
public sealed record Telling(
    [property: Id(0), JsonPropertyName("naam")] string Naam,
    [property: Id(1), JsonPropertyName("aantal")] int Aantal);

/// <summary>In the shape of the pilot tables (Project 300+: gesprekken → uitkeringen beëindigd per reden, trajecten, ontheffingen).</summary>
[GenerateSerializer, Alias("kjk.Uitkomsten")]
public sealed record Uitkomsten(
    [property: Id(0), JsonPropertyName("gesprekken")] int Gesprekken,
    [property: Id(1), JsonPropertyName("uitkeringBeeindigd")] int UitkeringBeeindigd,
    [property: Id(2), JsonPropertyName("beeindigdPerReden")] IReadOnlyList<Telling> BeeindigdPerReden,
    [property: Id(3), JsonPropertyName("routes")] IReadOnlyList<Telling> Routes,
    [property: Id(4), JsonPropertyName("ontheffingArbeidsplicht")] int OntheffingArbeidsplicht);

[GenerateSerializer, Alias("kjk.KlantmanagerVoortgang")]
public sealed record KlantmanagerVoortgang(
    [property: Id(0), JsonPropertyName("klantmanager")] string Klantmanager,
    [property: Id(1), JsonPropertyName("ingepland")] int Ingepland,
    [property: Id(2), JsonPropertyName("uitgenodigd")] int Uitgenodigd,
    [property: Id(3), JsonPropertyName("gesproken")] int Gesproken,
    [property: Id(4), JsonPropertyName("nietVerschenen")] int NietVerschenen,
    [property: Id(5), JsonPropertyName("zonderUitkomst")] int ZonderUitkomst)
{
    /// <summary>Clients of this klantmanager whose gesprek was moved.</summary>
    [Id(6), JsonPropertyName("verzet")] public int Verzet { get; init; }
}

/// <summary>Gesprekken per ISO week of their slot: the plan (burn-up) against what happened.</summary>
[GenerateSerializer, Alias("kjk.WeekVoortgang")]
public sealed record WeekVoortgang(
    [property: Id(0), JsonPropertyName("week")] string Week,
    [property: Id(1), JsonPropertyName("gepland")] int Gepland,
    [property: Id(2), JsonPropertyName("gehouden")] int Gehouden,
    [property: Id(3), JsonPropertyName("nietVerschenen")] int NietVerschenen);

/// <summary>
/// Progress per wijk (the client's wijk when the gesprek was planned; "onbekend" when the bestand has
/// none). For the programmaleider's overview only: a count per area, never used to order, select or
/// flag people (no risk scoring on proxies such as wijk).
/// </summary>
[GenerateSerializer, Alias("kjk.WijkVoortgang")]
public sealed record WijkVoortgang(
    [property: Id(0), JsonPropertyName("wijk")] string Wijk,
    [property: Id(1), JsonPropertyName("ingepland")] int Ingepland,
    [property: Id(2), JsonPropertyName("uitgenodigd")] int Uitgenodigd,
    [property: Id(3), JsonPropertyName("gesproken")] int Gesproken,
    [property: Id(4), JsonPropertyName("nietVerschenen")] int NietVerschenen,
    [property: Id(5), JsonPropertyName("zonderUitkomst")] int ZonderUitkomst);
