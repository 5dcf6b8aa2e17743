using System.Text.Json.Serialization;
using KenJeKlant.Abstractions.Herbeoordelingen;

namespace KenJeKlant.Abstractions.Klanten;

/// <summary>
/// The typed, queryable row the read model keeps per client (reports and lists must not read grain
/// state blobs). No BSN here: lists do not need it.
/// </summary>
[GenerateSerializer, Alias("kjk.KlantOverzicht")]
public sealed record KlantOverzicht
{
    [Id(0)] public required string Klantnummer { get; init; }
    [Id(1)] public required string Naam { get; init; }
    [Id(2)] public required string Postcode { get; init; }
    [Id(3)] public string? Wijk { get; init; }
    [Id(4)] public required string Klantmanager { get; init; }
    [Id(5)] public required Huishouden Huishouden { get; init; }
    [Id(6)] public required DateOnly Geboortedatum { get; init; }
    [Id(7)] public required DateOnly StartdatumUitkering { get; init; }
    /// <summary>
    /// Written as the bestand says it; read as the later of that and the last gesprek held here (the
    /// <c>laatste_gesprek</c> SQL function over the gesprek table), so the fact has one home.
    /// </summary>
    [Id(8)] public DateOnly? LaatsteGesprek { get; init; }
    [Id(9)] public required Doelgroepen Doelgroepen { get; init; }
    [Id(10)] public required bool InBestand { get; init; }
    [Id(11)] public Indeling? Indeling { get; init; }
    [Id(12)] public int? Trede { get; init; }
    [Id(13)] public string? Route { get; init; }
    [Id(14)] public DateOnly? OntheffingTot { get; init; }
    [Id(15)] public string? UitstroomReden { get; init; }
    [Id(16)] public required DateTimeOffset BijgewerktOp { get; init; }
    [Id(17)] public DateOnly? HerbeoordelingDatum { get; init; }
    /// <summary>Why that date (the policy rule), as the werklijst shows it.</summary>
    [Id(18)] public string? HerbeoordelingGrond { get; init; }
    /// <summary>The stage last reported to the werklijst (null: nothing on it), so a rebuilt werklijst holds what was really prompted.</summary>
    [Id(19)] public HerbeoordelingStatus? HerbeoordelingGemeld { get; init; }
    /// <summary>
    /// The next moment the herbeoordeling can change stage; the scanners look for rows whose moment has come.
    /// Scheduling, not something a list shows: left out of the API.
    /// </summary>
    [Id(20), JsonIgnore] public DateTimeOffset? HerbeoordelingControle { get; init; }
    /// <summary>The client's gemeente (CBS gemeentecode): from the export, or the dienst's only gemeente.</summary>
    [Id(21)] public string? Gemeente { get; init; }
    /// <summary>The date the client left the bestand (or the benefit ended), with <see cref="UitstroomReden"/>.</summary>
    [Id(22)] public DateOnly? UitstroomDatum { get; init; }
}
