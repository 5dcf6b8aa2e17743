namespace KenJeKlant.Grains.Gesprekken;

/// <summary>When a klantmanager holds gesprekken: working days and hours, the length of a gesprek, the gemeente's feestdagen.</summary>
public sealed record Werktijden(TimeOnly Begintijd, TimeOnly Eindtijd, TimeSpan Duur, IReadOnlySet<DayOfWeek> Werkdagen, IReadOnlySet<DateOnly> Feestdagen);

/// <summary>One stretch of a klantmanager's time, booked or free.</summary>
public readonly record struct Moment(DateTimeOffset Start, DateTimeOffset Eind)
{
    public bool Overlapt(Moment ander) => Start < ander.Eind && ander.Start < Eind;
}

/// <summary>
/// The free moments in a klantmanager's agenda: within working hours on working days, not on a feestdag or
/// an absence, not before <c>nietVoor</c> (the invitation lead time), and never overlapping a booked gesprek
/// of any kind — a campaign's or the klantmanager's own. Pure: the same input gives the same moments.
/// </summary>
public static class Werkagenda
{
    public static IEnumerable<Moment> VrijeMomenten(
        Werktijden werktijden, DateOnly van, DateOnly tot, IReadOnlyCollection<Moment> geboekt,
        IReadOnlyCollection<(DateOnly Van, DateOnly Tot)> afwezig, DateTimeOffset nietVoor, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(werktijden);
        if (werktijden.Duur <= TimeSpan.Zero) throw new ArgumentException("Een gesprek duurt langer dan nul minuten.", nameof(werktijden));
        var bezet = geboekt.OrderBy(m => m.Start).ToList();
        for (var dag = van; dag <= tot; dag = dag.AddDays(1))
        {
            if (!werktijden.Werkdagen.Contains(dag.DayOfWeek) || werktijden.Feestdagen.Contains(dag)) continue;
            if (afwezig.Any(a => dag >= a.Van && dag <= a.Tot)) continue;
            var kandidaat = Tijdstip(dag, werktijden.Begintijd, zone);
            var einde = Tijdstip(dag, werktijden.Eindtijd, zone);
            while (kandidaat + werktijden.Duur <= einde)
            {
                var moment = new Moment(kandidaat, kandidaat + werktijden.Duur);
                // A booked gesprek in the way: the next candidate starts when it ends, whatever its grid.
                var inDeWeg = bezet.Where(moment.Overlapt).Select(b => b.Eind).DefaultIfEmpty().Max();
                if (inDeWeg != default) kandidaat = inDeWeg;
                else
                {
                    if (moment.Start >= nietVoor) yield return moment;
                    kandidaat = moment.Eind;
                }
            }
        }
    }

    /// <summary>Working days and hours, slot length and feestdagen as the campaign policy sets them (their one home).</summary>
    public static Werktijden Werktijden(Beleid.CampagneBeleid beleid)
    {
        ArgumentNullException.ThrowIfNull(beleid);
        return new(beleid.Begintijd, beleid.Eindtijd, TimeSpan.FromMinutes(beleid.SlotMinuten), beleid.Werkdagen.ToHashSet(), beleid.Feestdagen.ToHashSet());
    }

    /// <summary>The earliest moment a gesprek can be planned: a letter must reach the client first (the invitation lead time, in days).</summary>
    public static DateTimeOffset Vroegst(DateOnly vandaag, int dagenVooraf, TimeZoneInfo zone) => Tijdstip(vandaag.AddDays(dagenVooraf), TimeOnly.MinValue, zone);

    /// <summary>A wall-clock time on a day in the gemeente's zone, as an instant (UTC offset).</summary>
    public static DateTimeOffset Tijdstip(DateOnly dag, TimeOnly tijd, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var lokaal = dag.ToDateTime(tijd);
        return new DateTimeOffset(lokaal, zone.GetUtcOffset(lokaal)).ToUniversalTime();
    }
}
