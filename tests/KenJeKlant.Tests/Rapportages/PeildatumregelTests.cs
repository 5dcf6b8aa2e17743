using System.Globalization;
using KenJeKlant.Grains.Peildata;

namespace KenJeKlant.Tests.Rapportages;

/// <summary>Which peildatum the nightly run records.</summary>
public sealed class PeildatumregelTests
{
    [Theory]
    [InlineData("2026-12-03T02:30:00+01:00", null, "2026-12-02")]
    [InlineData("2026-12-03T01:30:00+01:00", null, "2026-12-01")]
    [InlineData("2026-12-03T02:30:00+01:00", "2026-12-01", "2026-12-02")]
    [InlineData("2026-12-03T02:30:00+01:00", "2026-12-02", null)]
    public void De_peildatum_van_gisteren_komt_na_de_nachtelijke_tijd(string nu, string? laatste, string? verwacht)
    {
        var uitkomst = Peildatumregel.Verschuldigd(DateTimeOffset.Parse(nu, CultureInfo.InvariantCulture), new TimeOnly(2, 0),
            laatste is null ? null : DateOnly.Parse(laatste, CultureInfo.InvariantCulture));

        Assert.Equal(verwacht is null ? null : DateOnly.Parse(verwacht, CultureInfo.InvariantCulture), uitkomst);
    }
}
