namespace KenJeKlant.Abstractions.PlanVanAanpak;

/// <summary>A new version of the plan as the klantmanager gives it: the whole plan, goal and afspraken.</summary>
[GenerateSerializer, Alias("kjk.PlanInvoer")]
public sealed record PlanInvoer(
    [property: Id(0)] string Doel,
    [property: Id(1)] IReadOnlyList<AfspraakInvoer> Afspraken,
    [property: Id(2)] string Door);

/// <summary>
/// An afspraak in a new version. Without <see cref="Id"/> it is a new afspraak; with the id of an afspraak in the
/// current plan it is that afspraak (kept, or changed while it is open).
/// </summary>
[GenerateSerializer, Alias("kjk.AfspraakInvoer")]
public sealed record AfspraakInvoer(
    [property: Id(0)] Guid? Id,
    [property: Id(1)] string Omschrijving,
    [property: Id(2)] AfspraakWie Wie,
    [property: Id(3)] string? Partner,
    [property: Id(4)] DateOnly Deadline,
    [property: Id(5)] string? Leefdomein);

/// <summary>Closing an afspraak: nagekomen, niet nagekomen or vervallen, with a reason.</summary>
[GenerateSerializer, Alias("kjk.AfrondingInvoer")]
public sealed record AfrondingInvoer(
    [property: Id(0)] AfspraakStatus Status,
    [property: Id(1)] string? Toelichting,
    [property: Id(2)] string Door);
