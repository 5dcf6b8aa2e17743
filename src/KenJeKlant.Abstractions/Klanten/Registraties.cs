using System.Text.Json.Serialization;

namespace KenJeKlant.Abstractions.Klanten;

// What a klantmanager records about a client. Each carries who recorded it (Door) because the
// history must say who decided what; the klant grain validates every one before accepting it.
// JSON names are fixed so renaming a C# member never breaks stored grain state.

[GenerateSerializer, Alias("kjk.IndelingRegistratie")]
public sealed record IndelingRegistratie(
    [property: Id(0), JsonPropertyName("indeling")] Indeling Indeling,
    [property: Id(1), JsonPropertyName("datum")] DateOnly Datum,
    [property: Id(2), JsonPropertyName("door")] string Door,
    [property: Id(3), JsonPropertyName("toelichting")] string? Toelichting = null);

/// <summary>A participatieladder measurement: trede 1 (geïsoleerd) to 6 (betaald werk).</summary>
[GenerateSerializer, Alias("kjk.TredeMeting")]
public sealed record TredeMeting(
    [property: Id(0), JsonPropertyName("trede")] int Trede,
    [property: Id(1), JsonPropertyName("datum")] DateOnly Datum,
    [property: Id(2), JsonPropertyName("door")] string Door);

/// <summary>The route the client follows next; valid names come from the gemeente's configured route list.</summary>
[GenerateSerializer, Alias("kjk.RouteToewijzing")]
public sealed record RouteToewijzing(
    [property: Id(0), JsonPropertyName("route")] string Route,
    [property: Id(1), JsonPropertyName("startdatum")] DateOnly Startdatum,
    [property: Id(2), JsonPropertyName("door")] string Door);

/// <summary>Ontheffing arbeidsplicht: always temporary, so an end date is part of it.</summary>
[GenerateSerializer, Alias("kjk.Ontheffing")]
public sealed record Ontheffing(
    [property: Id(0), JsonPropertyName("van")] DateOnly Van,
    [property: Id(1), JsonPropertyName("tot")] DateOnly Tot,
    [property: Id(2), JsonPropertyName("grond")] string Grond,
    [property: Id(3), JsonPropertyName("door")] string Door);

/// <summary>The benefit ends; the reason comes from the gemeente's configured list. The client is never deleted.</summary>
[GenerateSerializer, Alias("kjk.Uitstroom")]
public sealed record Uitstroom(
    [property: Id(0), JsonPropertyName("datum")] DateOnly Datum,
    [property: Id(1), JsonPropertyName("reden")] string Reden,
    [property: Id(2), JsonPropertyName("door")] string Door)
{
    /// <summary>The reason of a client who left the export without one (no reden_beeindiging): counted as such.</summary>
    public const string RedenOnbekend = "reden onbekend";
}
