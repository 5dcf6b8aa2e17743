using System.Text;
using KenJeKlant.Bestand;

namespace KenJeKlant.Tests.Bestand;

/// <summary>Builds small export files and reads them back through the real reader.</summary>
internal static class BestandTestHulp
{
    public static readonly DateOnly Importdatum = new(2026, 1, 15);

    public static Encoding Windows1252 { get; } = LaadWindows1252();

    /// <summary>A valid row; tests override the fields they are about.</summary>
    public static Dictionary<string, string> GeldigeRij(string klantnummer = "K0000001") => new()
    {
        ["klantnummer"] = klantnummer,
        ["bsn"] = "123456782",
        ["naam"] = "Anna de Vries",
        ["geboortedatum"] = "12-03-1980",
        ["postcode"] = "2011 AB",
        ["wijk"] = "Centrum",
        ["huishouden"] = "alleenstaand",
        ["startdatum_uitkering"] = "01-06-2019",
        ["statushouder"] = "nee",
        ["schoolverlater_pro_vso"] = "nee",
        ["arbeidsbeperking"] = "ja",
        ["doelgroepregister"] = "nee",
        ["klantmanager"] = "KM001",
        ["laatste_gesprek"] = "",
    };

    /// <summary>CSV text with the columns of the first row as header; values are written as given (no quoting).</summary>
    public static string Csv(char scheidingsteken, params Dictionary<string, string>[] rijen)
    {
        var kolommen = rijen[0].Keys.ToList();
        var regels = new List<string> { string.Join(scheidingsteken, kolommen) };
        regels.AddRange(rijen.Select(r => string.Join(scheidingsteken, kolommen.Select(k => r[k]))));
        return string.Join("\r\n", regels) + "\r\n";
    }

    public static Dictionary<string, string> Met(this Dictionary<string, string> rij, string kolom, string waarde)
    {
        var kopie = new Dictionary<string, string>(rij) { [kolom] = waarde };
        return kopie;
    }

    public static Dictionary<string, string> Zonder(this Dictionary<string, string> rij, string kolom)
    {
        var kopie = new Dictionary<string, string>(rij);
        kopie.Remove(kolom);
        return kopie;
    }

    public static Task<List<BestandRij>> LeesRijenAsync(string tekst) =>
        LeesRijenAsync(new UTF8Encoding(false).GetBytes(tekst));

    public static async Task<List<BestandRij>> LeesRijenAsync(byte[] bytes, Encoding? codering = null)
    {
        using var bestand = await OpenAsync(bytes, codering);
        Assert.Null(bestand.Probleem);
        return await AllesAsync(bestand);
    }

    public static Task<GeopendBestand> OpenAsync(string tekst) => OpenAsync(new UTF8Encoding(false).GetBytes(tekst));

    public static Task<GeopendBestand> OpenAsync(byte[] bytes, Encoding? codering = null) =>
        BestandLezer.OpenAsync(new MemoryStream(bytes), new BestandLeesOpties { Importdatum = Importdatum, Codering = codering });

    public static async Task<List<BestandRij>> AllesAsync(GeopendBestand bestand)
    {
        var rijen = new List<BestandRij>();
        await foreach (var rij in bestand.RijenAsync())
        {
            rijen.Add(rij);
        }
        return rijen;
    }

    /// <summary>The single row of a one-row file.</summary>
    public static async Task<BestandRij> EnigeRijAsync(Dictionary<string, string> rij) =>
        Assert.Single(await LeesRijenAsync(Csv(';', rij)));

    private static Encoding LaadWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
