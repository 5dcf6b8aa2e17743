using KenJeKlant.Grains.Gesprekken;

namespace KenJeKlant.Tests.Klanten;

public sealed class WerkagendaTests
{
    private static readonly TimeZoneInfo Nl = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    // Monday 7 December 2026; Friday the 11th is a feestdag here (for the test).
    private static readonly DateOnly Maandag = new(2026, 12, 7);
    private static readonly Werktijden Tijden = new(new TimeOnly(9, 0), new TimeOnly(11, 0), TimeSpan.FromMinutes(45),
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
        new HashSet<DateOnly> { Maandag.AddDays(4) });

    private static DateTimeOffset Om(DateOnly dag, int uur, int minuut = 0) => Werkagenda.Tijdstip(dag, new TimeOnly(uur, minuut), Nl);

    [Fact]
    public void Vrije_momenten_vallen_binnen_werktijd_en_nooit_op_een_geboekt_gesprek_een_feestdag_of_afwezigheid()
    {
        var geboekt = new[] { new Moment(Om(Maandag, 9, 30), Om(Maandag, 10, 15)) };
        var afwezig = new[] { (Maandag.AddDays(2), Maandag.AddDays(2)) };

        var vrij = Werkagenda.VrijeMomenten(Tijden, Maandag, Maandag.AddDays(6), geboekt, afwezig, DateTimeOffset.MinValue, Nl).ToList();

        // Monday: 9:00 would overlap 9:30–10:15, so the first free moment starts when that gesprek ends.
        Assert.Equal([Om(Maandag, 10, 15)], vrij.Where(m => m.Start.Date == Om(Maandag, 12).Date).Select(m => m.Start));
        // Tuesday and Thursday: 9:00 and 9:45 (10:30 + 45 min would pass 11:00); Wednesday absent, Friday a feestdag, weekend off.
        Assert.Equal([Om(Maandag.AddDays(1), 9), Om(Maandag.AddDays(1), 9, 45), Om(Maandag.AddDays(3), 9), Om(Maandag.AddDays(3), 9, 45)],
            vrij.Skip(1).Select(m => m.Start));
        Assert.All(vrij, m => Assert.DoesNotContain(geboekt, g => g.Overlapt(m)));
        // 9:00 in Haarlem in December is 8:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 8, 0, 0, TimeSpan.Zero), vrij[1].Start);
    }

    [Fact]
    public void Niets_voor_het_vroegst_mogelijke_moment()
    {
        var vrij = Werkagenda.VrijeMomenten(Tijden, Maandag, Maandag.AddDays(1), [], [], Om(Maandag.AddDays(1), 9, 30), Nl).ToList();

        Assert.Equal([Om(Maandag.AddDays(1), 9, 45)], vrij.Select(m => m.Start));
    }
}
