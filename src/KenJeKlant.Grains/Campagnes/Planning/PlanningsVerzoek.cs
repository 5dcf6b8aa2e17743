namespace KenJeKlant.Grains.Campagnes.Planning;

/// <summary>Everything a planning run decides on; the planner reads nothing else (no clock, no storage).</summary>
public sealed record PlanningsVerzoek
{
    public required IReadOnlyList<TePlannenKlant> Klanten { get; init; }

    public required IReadOnlyList<PlanningsCapaciteit> Capaciteit { get; init; }

    /// <summary>First date a gesprek may fall on.</summary>
    public required DateOnly PeriodeVan { get; init; }

    /// <summary>Last date a gesprek may fall on (inclusive).</summary>
    public required DateOnly PeriodeTot { get; init; }

    /// <summary>No gesprek before this date, e.g. today plus the invitation lead time.</summary>
    public required DateOnly Vroegst { get; init; }

    /// <summary>Gemeente-wide non-working days (feestdagen, collective closing days).</summary>
    public IReadOnlyList<DateOnly> Feestdagen { get; init; } = [];

    public Volgorde Volgorde { get; init; } = Volgorde.LangstNietGesprokenEerst;

    /// <summary>
    /// Starts of gesprekken already booked, per medewerker id. Each is taken to last that klantmanager's
    /// <see cref="PlanningsCapaciteit.SlotDuur"/>; no new slot overlaps one, and they count towards the day's maximum.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Bezet>> Geboekt { get; init; } = new Dictionary<string, IReadOnlyList<Bezet>>();
}

/// <summary>A booked stretch of a klantmanager's time (local wall clock), whatever its length: a campaign slot or an own gesprek.</summary>
public readonly record struct Bezet(DateTime Start, DateTime Eind);
