using KenJeKlant.Bestand;

namespace KenJeKlant.Tests.Bestand;

public class BsnTests
{
    [Theory]
    [InlineData("111222333")] // 9+8+7+12+10+8+9+6−3 = 66 = 6·11
    [InlineData("123456782")] // 9+16+21+24+25+24+21+16−2 = 154 = 14·11
    [InlineData("999999990")]
    [InlineData(" 123456782 ")]
    public void GeldigeNummersHalenDeElfproef(string bsn) => Assert.True(Bsn.IsGeldig(bsn));

    [Theory]
    [InlineData("123456789")] // 156−9 = 147, rest 4
    [InlineData("111222334")]
    [InlineData("000000000")] // passes the arithmetic, but is no BSN
    [InlineData("12345678")] // padded 012345678 fails
    [InlineData("1234567")]
    [InlineData("1234567820")]
    [InlineData("12345678a")]
    [InlineData("123 456 782")]
    [InlineData("١٢٣٤٥٦٧٨٢")] // Arabic-Indic digits are digits to char.IsDigit, not to a BSN
    [InlineData("")]
    [InlineData(null)]
    public void OngeldigeNummersWordenAfgewezen(string? bsn) => Assert.False(Bsn.IsGeldig(bsn));

    [Fact]
    public void AchtCijfersKrijgenEenVoorloopnul()
    {
        // 0·9+1·8+2·7+3·6+4·5+5·4+6·3+7·2−2 = 110 = 10·11
        Assert.Equal("012345672", Bsn.Normaliseer("12345672"));
    }

    [Fact]
    public void NormaliseerGeeftNegenCijfersOfNull()
    {
        Assert.Equal("123456782", Bsn.Normaliseer(" 123456782\t"));
        Assert.Null(Bsn.Normaliseer("123456789"));
    }

    [Fact]
    public void MetControlecijferMaaktGeldigeNummersOfWeigert()
    {
        Assert.Equal("123456782", Bsn.MetControlecijfer(12345678));
        Assert.Equal("012345672", Bsn.MetControlecijfer(1234567));
        Assert.Null(Bsn.MetControlecijfer(0));

        // Of every eleven prefixes about one has remainder 10 and so no check digit.
        var zonderControlecijfer = Enumerable.Range(10_000_000, 11_000).Count(p => Bsn.MetControlecijfer(p) is null);
        Assert.InRange(zonderControlecijfer, 900, 1_100);
        Assert.All(Enumerable.Range(10_000_000, 2_000).Select(Bsn.MetControlecijfer).OfType<string>(),
            bsn => Assert.True(Bsn.IsGeldig(bsn), bsn));
    }

    [Fact]
    public void MetControlecijferWeigertMeerDanAchtCijfers() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Bsn.MetControlecijfer(100_000_000));
}
