namespace KenJeKlant.Grains.Peildata;

/// <summary>
/// Which peildatum is due: the state at the end of a day is recorded once that day is over and the run's time of
/// night has come (the import of the night before has been applied by then). Days missed while nothing ran are not
/// made up: the state they had is no longer known, so the next run records today's state for the latest day, and
/// the periods make it hold for the days in between.
/// </summary>
public static class Peildatumregel
{
    public static DateOnly? Verschuldigd(DateTimeOffset nuLokaal, TimeOnly runNa, DateOnly? laatste)
    {
        var vandaag = DateOnly.FromDateTime(nuLokaal.DateTime);
        var peildatum = TimeOnly.FromDateTime(nuLokaal.DateTime) >= runNa ? vandaag.AddDays(-1) : vandaag.AddDays(-2);
        return laatste is { } l && l >= peildatum ? null : peildatum;
    }
}
