using System.Text;

namespace KenJeKlant.Tests.Api;

/// <summary>Builds small bestand exports for API tests, one line per client.</summary>
internal static class Csv
{
    public const string Kop = "klantnummer;bsn;naam;geboortedatum;postcode;wijk;huishouden;startdatum_uitkering;statushouder;schoolverlater_pro_vso;arbeidsbeperking;doelgroepregister;klantmanager;laatste_gesprek";

    public static string Regel(string klantnummer, string bsn = "111222333", string naam = "Anna de Vries", string klantmanager = "KM001", string postcode = "2011AB") =>
        $"{klantnummer};{bsn};{naam};12-04-1975;{postcode};Centrum;alleenstaand;01-03-2019;nee;nee;nee;nee;{klantmanager};";

    public static string Bestand(params string[] regels) => Kop + "\n" + string.Join("\n", regels) + "\n";

    public static HttpContent Inhoud(string csv, Encoding? codering = null)
    {
        codering ??= new UTF8Encoding(false);
        var content = new ByteArrayContent(codering.GetBytes(csv));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        return content;
    }
}
