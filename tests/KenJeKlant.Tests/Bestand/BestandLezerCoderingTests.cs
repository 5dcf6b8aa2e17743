using System.Text;
using KenJeKlant.Bestand;
using static KenJeKlant.Tests.Bestand.BestandTestHulp;

namespace KenJeKlant.Tests.Bestand;

/// <summary>UTF-8 with and without BOM, Windows-1252, and a caller-given encoding.</summary>
public class BestandLezerCoderingTests
{
    private const string Naam = "Zoë Hélène van Dijk-Ruïz";

    private static string Tekst(string naam) => Csv(';', GeldigeRij().Met("naam", naam), GeldigeRij("K2"));

    [Fact]
    public async Task Utf8MetBom()
    {
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(Tekst(Naam))).ToArray();
        await AssertNaamAsync(bytes, Naam, "utf-8");
    }

    [Fact]
    public async Task Utf8ZonderBom()
    {
        var bytes = Encoding.UTF8.GetBytes(Tekst(Naam + " Ĳzerman"));
        await AssertNaamAsync(bytes, Naam + " Ĳzerman", "utf-8");
    }

    [Fact]
    public async Task Windows1252WordtHerkend()
    {
        var bytes = Windows1252.GetBytes(Tekst(Naam));
        Assert.Contains((byte)0xEB, bytes); // ë as one byte: not valid UTF-8
        await AssertNaamAsync(bytes, Naam, "windows-1252");
    }

    [Fact]
    public async Task Windows1252MetDeEersteAccentOpDeLaatsteRegel()
    {
        // Far more text than one scan block before the first non-ASCII byte.
        var rijen = Enumerable.Range(1, 3_000).Select(i => GeldigeRij($"K{i}")).ToList();
        rijen.Add(GeldigeRij("K9999").Met("naam", "Noël"));
        var bytes = Windows1252.GetBytes(Csv(';', [.. rijen]));

        var gelezen = await LeesRijenAsync(bytes);

        Assert.Equal("Noël", gelezen[^1].Klant?.Naam);
    }

    [Fact]
    public async Task Utf8TekenOverDeGrensVanEenScanblok()
    {
        // Put the two bytes of 'é' on either side of the 64 KiB block boundary of the scan.
        const int Blok = 64 * 1024;
        var rijLengte = Encoding.UTF8.GetByteCount(Csv(';', GeldigeRij("K0000"), GeldigeRij("K0001")))
            - Encoding.UTF8.GetByteCount(Csv(';', GeldigeRij("K0000")));
        var rijen = Enumerable.Range(0, (Blok - 250) / rijLengte).Select(i => GeldigeRij($"K{i:D4}")).ToList();
        var metMarkering = Csv(';', [.. rijen, GeldigeRij("KX").Met("naam", "\u0001")]);
        var naamBegin = Encoding.UTF8.GetByteCount(metMarkering[..metMarkering.IndexOf('\u0001', StringComparison.Ordinal)]);
        var tekst = Csv(';', [.. rijen, GeldigeRij("KX").Met("naam", new string('a', Blok - 1 - naamBegin) + "é")]);
        var bytes = Encoding.UTF8.GetBytes(tekst);
        Assert.Equal(0xC3, bytes[Blok - 1]);
        Assert.Equal(0xA9, bytes[Blok]);

        var gelezen = await LeesRijenAsync(bytes);

        Assert.Empty(gelezen[^1].Fouten);
        Assert.EndsWith("aé", gelezen[^1].Klant?.Naam, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpgegevenCoderingGaatVoorDeScan()
    {
        // "Ã©" in 1252 is the byte pair C3 A9, which is also valid UTF-8 for "é": only the caller can know.
        var bytes = Windows1252.GetBytes(Tekst("RenÃ©"));

        var gesnoven = await LeesRijenAsync(bytes);
        var opgegeven = await LeesRijenAsync(bytes, Windows1252);

        Assert.Equal("René", gesnoven[0].Klant?.Naam);
        Assert.Equal("RenÃ©", opgegeven[0].Klant?.Naam);
    }

    [Fact]
    public async Task BomGaatVoorOpgegevenCodering()
    {
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(Tekst(Naam))).ToArray();
        await AssertNaamAsync(bytes, Naam, "utf-8", Windows1252);
    }

    [Fact]
    public async Task NietSeekableStreamVraagtOmEenCodering()
    {
        var bytes = Encoding.UTF8.GetBytes(Tekst(Naam));
        var opties = new BestandLeesOpties { Importdatum = Importdatum };

        await Assert.ThrowsAsync<ArgumentException>(() =>
            BestandLezer.OpenAsync(new AlleenVooruitStream(bytes), opties));

        using var bestand = await BestandLezer.OpenAsync(new AlleenVooruitStream(bytes), opties with { Codering = Encoding.UTF8 });
        Assert.Equal(Naam, (await AllesAsync(bestand))[0].Klant?.Naam);
    }

    [Fact]
    public async Task LezenBegintOpDeHuidigePositieVanDeStream()
    {
        var bytes = Encoding.ASCII.GetBytes("rommel").Concat(Windows1252.GetBytes(Tekst(Naam))).ToArray();
        var stream = new MemoryStream(bytes) { Position = 6 };

        using var bestand = await BestandLezer.OpenAsync(stream, new BestandLeesOpties { Importdatum = Importdatum });

        Assert.Equal(Naam, (await AllesAsync(bestand))[0].Klant?.Naam);
    }

    private static async Task AssertNaamAsync(byte[] bytes, string naam, string webNaam, Encoding? codering = null)
    {
        using var bestand = await OpenAsync(bytes, codering);
        var rijen = await AllesAsync(bestand);

        Assert.Equal(webNaam, bestand.Codering?.WebName);
        Assert.Equal(naam, rijen[0].Klant?.Naam);
        Assert.True(rijen[1].IsGeldig);
    }

    /// <summary>Like an HTTP request body: readable once, front to back.</summary>
    private sealed class AlleenVooruitStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
