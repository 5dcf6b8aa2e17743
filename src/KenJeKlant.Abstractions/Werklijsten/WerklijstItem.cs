using System.Text.Json.Serialization;
using KenJeKlant.Abstractions.Herbeoordelingen;

namespace KenJeKlant.Abstractions.Werklijsten;

/// <summary>
/// One thing a klantmanager has to do for one client. A client has at most one item per soort — per afspraak
/// for <see cref="WerklijstSoort.Afspraak"/> (<see cref="AfspraakId"/>); the same item reported twice is one
/// prompt, not two.
/// </summary>
[GenerateSerializer, Alias("kjk.WerklijstItem")]
public sealed record WerklijstItem(
    [property: Id(0), JsonPropertyName("klantnummer")] string Klantnummer,
    [property: Id(1), JsonPropertyName("naam")] string Naam,
    [property: Id(2), JsonPropertyName("soort")] WerklijstSoort Soort,
    [property: Id(3), JsonPropertyName("datum")] DateOnly Datum,
    [property: Id(4), JsonPropertyName("status")] HerbeoordelingStatus Status,
    [property: Id(5), JsonPropertyName("omschrijving")] string Omschrijving,
    [property: Id(6), JsonPropertyName("gesprekId")] Guid? GesprekId = null,
    [property: Id(7), JsonPropertyName("afspraakId")] Guid? AfspraakId = null,
    [property: Id(8), JsonPropertyName("gesprekSoort")] Campagnes.GesprekSoort? GesprekSoort = null);

/// <summary>An item that leaves a werklijst: this client's item of this soort.</summary>
[GenerateSerializer, Alias("kjk.WerklijstVerwijdering")]
public sealed record WerklijstVerwijdering(
    [property: Id(0)] string Klantnummer,
    [property: Id(1)] WerklijstSoort Soort);
