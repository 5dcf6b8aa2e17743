using KenJeKlant.Bestand;
using static KenJeKlant.Tests.Bestand.BestandTestHulp;

namespace KenJeKlant.Tests.Bestand;

/// <summary>Separators, RFC 4180 quoting, line numbers and column mapping.</summary>
public class BestandLezerCsvTests
{
    private const string Kop = "klantnummer;naam;geboortedatum;postcode;huishouden;startdatum_uitkering;klantmanager";

    [Theory]
    [InlineData(';')]
    [InlineData(',')]
    public async Task BeideScheidingstekensWordenHerkend(char scheidingsteken)
    {
        var tekst = Csv(scheidingsteken, GeldigeRij("K1"), GeldigeRij("K2"));

        using var bestand = await OpenAsync(tekst);
        var rijen = await AllesAsync(bestand);

        Assert.Equal(scheidingsteken, bestand.Scheidingsteken);
        Assert.Equal(["K1", "K2"], rijen.Select(r => r.Klant?.Klantnummer));
    }

    [Fact]
    public async Task AangehaaldeVeldenMetScheidingstekenAanhalingstekenEnRegeleinde()
    {
        var tekst =
            Kop + ";wijk\r\n" +
            "K1;\"Vries; de, \"\"Anna\"\"\";12-03-1980;2011AB;alleenstaand;01-06-2019;KM001;\"Haarlem\r\nNoord\"\r\n" +
            "K2;\"Jansen\";12-03-1980;2011AB;alleenstaand;01-06-2019;KM001;\n" +
            "K3;Bakker;12-03-1980;20AB;alleenstaand;01-06-2019;KM001;Centrum\r\n";

        var rijen = await LeesRijenAsync(tekst);

        Assert.Equal("Vries; de, \"Anna\"", rijen[0].Klant?.Naam);
        Assert.Equal("Haarlem\r\nNoord", rijen[0].Klant?.Wijk);
        Assert.Equal("Jansen", rijen[1].Klant?.Naam);
        // The first row spans lines 2 and 3, so the errors of the third row point at line 5.
        Assert.Equal([2, 4, 5], rijen.Select(r => r.Regel));
        Assert.Equal(new RijFout(5, "postcode", "Postcode moet de vorm 1234 AB hebben"), Assert.Single(rijen[2].Fouten));
    }

    [Fact]
    public async Task RegelnummersKloppenMetLegeRegelsEnAlleRegeleinden()
    {
        var tekst =
            Kop + "\n" +
            "K1;A;12-03-1980;2011AB;alleenstaand;01-06-2019;KM001\r" + // old Mac line end
            "\r\n" + // blank line: skipped but counted
            "K2;\"B\nC\rD\";12-03-1980;2011AB;alleenstaand;01-06-2019;KM001\r\n" +
            "K3;E;12-03-1980;2011AB;huh;01-06-2019;KM001";  // no line end at the end of the file

        var rijen = await LeesRijenAsync(tekst);

        Assert.Equal([2, 4, 7], rijen.Select(r => r.Regel));
        Assert.Equal("B\nC\rD", rijen[1].Klant?.Naam);
        Assert.Equal(7, Assert.Single(rijen[2].Fouten).Regel);
    }

    [Fact]
    public async Task KolommenInAndereVolgordeEnHoofdlettersEnOnbekendeKolommen()
    {
        var tekst =
            "Klantmanager;NAAM;extra_veld;Postcode;Huishouden ;klantnummer;geboortedatum;Startdatum_Uitkering;opmerking\n" +
            "KM007;Piet;x;2011AB;samenwonend;K9;1970-01-01;2020-01-01;\"wat; dan ook\"\n";

        using var bestand = await OpenAsync(tekst);
        var rij = Assert.Single(await AllesAsync(bestand));

        Assert.Equal(["extra_veld", "opmerking"], bestand.GenegeerdeKolommen);
        Assert.Equal("K9", rij.Klant?.Klantnummer);
        Assert.Equal("KM007", rij.Klant?.Klantmanager);
        Assert.Null(rij.Klant?.Bsn);
    }

    [Fact]
    public async Task TeWeinigOfTeVeelVeldenIsEenRijfout()
    {
        var tekst =
            Kop + "\n" +
            "K1;Jansen, P.;12-03-1980;2011AB;alleenstaand;01-06-2019\n" +
            "K2;Jansen; P.;12-03-1980;2011AB;alleenstaand;01-06-2019;KM001\n" +
            "K3;Jansen;12-03-1980;2011AB;alleenstaand;01-06-2019;KM001;;\n"; // trailing empty fields are harmless

        var rijen = await LeesRijenAsync(tekst);

        Assert.Equal(new RijFout(2, RijFout.HeleRij, "Rij heeft 6 velden, de kopregel 7"), Assert.Single(rijen[0].Fouten));
        Assert.Equal(new RijFout(3, RijFout.HeleRij, "Rij heeft 8 velden, de kopregel 7"), Assert.Single(rijen[1].Fouten));
        Assert.True(rijen[2].IsGeldig);
    }

    [Fact]
    public async Task ScheidingstekenAanHetEindVanDeKopregelTeltNietAlsKolom()
    {
        var tekst =
            Kop + ";\n" +
            "K1;Jansen;12-03-1980;2011AB;alleenstaand;01-06-2019;KM001\n" +
            "K2;Bakker;12-03-1980;2011AB;alleenstaand;01-06-2019;KM001;\n";

        using var bestand = await OpenAsync(tekst);
        var rijen = await AllesAsync(bestand);

        Assert.Empty(bestand.GenegeerdeKolommen);
        Assert.All(rijen, r => Assert.True(r.IsGeldig));
    }

    [Fact]
    public async Task NietAfgeslotenAanhalingstekenIsEenRijfout()
    {
        var tekst =
            Kop + "\n" +
            "K1;Jansen;12-03-1980;2011AB;alleenstaand;01-06-2019;KM001\n" +
            "K2;\"Jansen;12-03-1980;2011AB;alleenstaand;01-06-2019;KM001\n" +
            "K3;Bakker;12-03-1980;2011AB;alleenstaand;01-06-2019;KM001\n";

        var rijen = await LeesRijenAsync(tekst);

        Assert.Equal(2, rijen.Count);
        Assert.True(rijen[0].IsGeldig);
        Assert.Equal(new RijFout(3, RijFout.HeleRij, "Aanhalingsteken wordt niet afgesloten"), Assert.Single(rijen[1].Fouten));
    }

    [Fact]
    public async Task EenTeLangeRijHoudtHetGeheugenBegrensd()
    {
        // An open quote early in a big file would otherwise pull everything after it into one field.
        var tekst = Kop + "\nK1;\"" + new string('x', 200_000) + "\";12-03-1980;2011AB;alleenstaand;01-06-2019;KM001\n" +
            "K2;Bakker;12-03-1980;2011AB;alleenstaand;01-06-2019;KM001\n";

        var rijen = await LeesRijenAsync(tekst);

        Assert.Equal(RijFout.HeleRij, Assert.Single(rijen[0].Fouten).Veld);
        Assert.StartsWith("Rij is langer dan", rijen[0].Fouten[0].Reden, StringComparison.Ordinal);
        Assert.True(rijen[1].IsGeldig);
        Assert.Equal(3, rijen[1].Regel);
    }

    [Fact]
    public async Task NaEenTeLangeRijGaatHetLezenGewoonVerder()
    {
        // A new CsvHelper reader takes over after the long row: quoting and line numbers must still hold.
        var tekst = Kop + ";wijk\r\n" +
            "K1;\"" + new string('x', 1_000_000) + "\";12-03-1980;2011AB;alleenstaand;01-06-2019;KM001;\r\n" +
            "K2;\"Vries; de\";12-03-1980;2011AB;alleenstaand;01-06-2019;KM001;\"Haarlem\r\nNoord\"\r\n" +
            "K3;Bakker;12-03-1980;20AB;alleenstaand;01-06-2019;KM001;\r\n";

        var rijen = await LeesRijenAsync(tekst);

        Assert.Equal([2, 3, 5], rijen.Select(r => r.Regel));
        Assert.StartsWith("Rij is langer dan", Assert.Single(rijen[0].Fouten).Reden, StringComparison.Ordinal);
        Assert.Equal("Vries; de", rijen[1].Klant?.Naam);
        Assert.Equal("Haarlem\r\nNoord", rijen[1].Klant?.Wijk);
        Assert.Equal(new RijFout(5, "postcode", "Postcode moet de vorm 1234 AB hebben"), Assert.Single(rijen[2].Fouten));
    }

    [Fact]
    public async Task EenNietAfgeslotenAanhalingstekenInEenGrootBestandKostEenRij()
    {
        // With more than the record cap behind the open quote, the row is refused as too long and the
        // rows the quote would have swallowed are read after all.
        var regels = Enumerable.Range(1, 2_000).Select(i => $"K{i};Bakker;12-03-1980;2011AB;alleenstaand;01-06-2019;KM001").ToList();
        regels[0] = "K1;\"Jansen;12-03-1980;2011AB;alleenstaand;01-06-2019;KM001";
        var tekst = Kop + "\n" + string.Join("\n", regels) + "\n";

        var rijen = await LeesRijenAsync(tekst);

        Assert.Equal(2_000, rijen.Count);
        Assert.Equal(2, rijen[0].Regel);
        Assert.StartsWith("Rij is langer dan", Assert.Single(rijen[0].Fouten).Reden, StringComparison.Ordinal);
        Assert.All(rijen.Skip(1), r => Assert.True(r.IsGeldig));
        Assert.Equal(2_001, rijen[^1].Regel);
    }

    [Fact]
    public async Task AanhalingstekensRondKolomnamenEnLenienteWaarden()
    {
        var tekst =
            "\"klantnummer\",\"naam\",\"geboortedatum\",\"postcode\",\"huishouden\",\"startdatum_uitkering\",\"klantmanager\"\n" +
            "K1,O\"Brien,12-03-1980,\"2011 AB\",alleenstaand,01-06-2019,KM001\n";

        var rij = Assert.Single(await LeesRijenAsync(tekst));

        Assert.Equal("O\"Brien", rij.Klant?.Naam);
        Assert.Equal("2011AB", rij.Klant?.Postcode);
    }

    [Fact]
    public async Task RijenKunnenMaarEenKeerGelezenWorden()
    {
        using var bestand = await OpenAsync(Csv(';', GeldigeRij()));
        await AllesAsync(bestand);

        await Assert.ThrowsAsync<InvalidOperationException>(() => AllesAsync(bestand));
    }
}
