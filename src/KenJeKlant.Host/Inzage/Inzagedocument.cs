using System.Text.Json;
using KenJeKlant.Abstractions.Handhaving;
using KenJeKlant.Abstractions.Klanten;

namespace KenJeKlant.Host.Inzage;

/// <summary>
/// Everything KenJeKlant holds about one client, and every processing of their data the audit log recorded (AVG
/// art. 15): handed to the client on request, as JSON or PDF.
/// </summary>
public sealed record Inzagedocument(
    string Klantnummer,
    DateTimeOffset OpgesteldOp,
    KlantDossier Dossier,
    IReadOnlyList<InzageGesprek> Gesprekken,
    IReadOnlyList<InzagePlan> PlannenVanAanpak,
    IReadOnlyList<InzageAfspraak> Afspraken,
    IReadOnlyList<HandhavingsReview> Handhavingssignalen,
    IReadOnlyList<JsonElement> Rechtmatigheidssignalen,
    IReadOnlyList<InzageBericht> Brieven,
    IReadOnlyList<InzageVerwerking> Verwerkingen);

public sealed class InzageGesprek
{
    public DateTimeOffset Start { get; init; }
    public required string Soort { get; init; }
    public required string Status { get; init; }
    public required string Vorm { get; init; }
    public string? Locatie { get; init; }
    public string? Oproep { get; init; }
    public bool? Verschenen { get; init; }
    public string? Afwezigheid { get; init; }
    public string? Indeling { get; init; }
    public int? Trede { get; init; }
    public string? Route { get; init; }
    public string? Afspraken { get; init; }
    public DateOnly? OntheffingTot { get; init; }
    public string? UitstroomReden { get; init; }
    public string? Toelichting { get; init; }
}

public sealed class InzagePlan
{
    public int Versie { get; init; }
    public required string Doel { get; init; }
    public DateTimeOffset VastgesteldOp { get; init; }
}

public sealed class InzageAfspraak
{
    public int VanVersie { get; init; }
    public required string Omschrijving { get; init; }
    public required string Wie { get; init; }
    public DateOnly Deadline { get; init; }
    public string? Leefdomein { get; init; }
    public required string Status { get; init; }
    public string? Toelichting { get; init; }
}

public sealed class InzageBericht
{
    public required string Soort { get; init; }
    public required string Status { get; init; }
    public DateTimeOffset VerzendOp { get; init; }
    public DateTimeOffset? VerzondenOp { get; init; }
}

/// <summary>One processing from the audit log: when, what (and its activity in the register), by which role, with what result.</summary>
public sealed class InzageVerwerking
{
    public long Volgnummer { get; init; }
    public DateTimeOffset Tijdstip { get; init; }
    public required string Handeling { get; init; }
    public string? ActiviteitId { get; init; }
    public string? Activiteit { get; init; }
    public required string Actie { get; init; }
    public required string Rol { get; init; }
    public int Resultaat { get; init; }
    /// <summary>Only when <see cref="InzageInstellingen.MedewerkerNaamTonen"/>.</summary>
    public string? Medewerker { get; init; }
}
