using System.Collections.Frozen;

namespace KenJeKlant.Grains.Campagnes.Planning;

/// <summary>What one klantmanager can give a campaign: how many gesprekken a working day, how long each, when.</summary>
public sealed record PlanningsCapaciteit
{
    /// <summary>Monday to Friday, used when no working days are given.</summary>
    public static readonly IReadOnlySet<DayOfWeek> MaandagTotEnMetVrijdag = new[]
    {
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
    }.ToFrozenSet();

    /// <summary>Medewerker id of the klantmanager, as on <see cref="TePlannenKlant.Klantmanager"/>.</summary>
    public required string Medewerker { get; init; }

    /// <summary>At most this many gesprekken on one working day, already booked ones included.</summary>
    public required int GesprekkenPerDag { get; init; }

    /// <summary>Length of one gesprek, e.g. 45 minutes.</summary>
    public required TimeSpan SlotDuur { get; init; }

    /// <summary>First possible start of a gesprek.</summary>
    public required TimeOnly Begintijd { get; init; }

    /// <summary>A gesprek must have ended by this time.</summary>
    public required TimeOnly Eindtijd { get; init; }

    public IReadOnlySet<DayOfWeek> Werkdagen { get; init; } = MaandagTotEnMetVrijdag;

    public IReadOnlyList<Afwezigheid> Afwezigheden { get; init; } = [];
}
