using System.Net;
using System.Text;
using System.Text.Json;

using KenJeKlant.Tests.Storage;

namespace KenJeKlant.Tests.Api;

[Collection(SerialOrleansClusters.Name)]
public sealed class BestandImportApiTests : IAsyncLifetime
{
    private KenJeKlantApp _app = null!;
    private HttpClient _beheerder = null!;
    private HttpClient _km = null!;

    public async Task InitializeAsync()
    {
        _app = await KenJeKlantApp.StartAsync("import");
        _beheerder = await _app.AlsAsync("beheerder");
        await _beheerder.ZetKlantmanagersAsync("KM001", "KM002");
        _km = await _app.KlantmanagerAsync("KM001");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<HttpResponseMessage> ImporteerAsync(string csv, string query = "", Encoding? codering = null) =>
        _beheerder.PostAsync("/api/v1/bestand" + query, Csv.Inhoud(csv, codering));

    private async Task<long> AantalKlantenAsync() =>
        (await (await _km.GetAsync("/api/v1/klanten?pageSize=1")).LeesAsync()).GetProperty("totaal").GetInt64();

    [Fact]
    public async Task Een_goede_export_wordt_geimporteerd_en_nogmaals_importeren_verandert_niets()
    {
        var csv = Csv.Bestand(Csv.Regel("K1"), Csv.Regel("K2", bsn: "123456782"), Csv.Regel("K3", bsn: ""));

        var eerste = await ImporteerAsync(csv);
        Assert.Equal(HttpStatusCode.OK, eerste.StatusCode);
        var rapport = await eerste.LeesAsync();
        Assert.Equal(3, rapport.GetProperty("nieuw").GetInt32());
        Assert.True(rapport.GetProperty("geimporteerd").GetBoolean());

        var tweede = await (await ImporteerAsync(csv)).LeesAsync();
        Assert.Equal(0, tweede.GetProperty("nieuw").GetInt32());
        Assert.Equal(3, tweede.GetProperty("ongewijzigd").GetInt32());
        Assert.Equal(0, tweede.GetProperty("gewijzigd").GetInt32());
        Assert.Equal(3, await AantalKlantenAsync());

        var dossier = await (await _km.GetAsync("/api/v1/klanten/K1")).LeesAsync();
        // In the bestand, and (never spoken to since 2019) overdue for a first participatiegesprek.
        Assert.Equal(["in bestand", "herbeoordeling"], dossier.GetProperty("historie").EnumerateArray().Select(h => h.GetProperty("gebeurtenis").GetString()));
    }

    [Fact]
    public async Task Een_export_met_fouten_importeert_niets_en_zegt_per_regel_waarom()
    {
        var csv = Csv.Bestand(
            Csv.Regel("K1"),
            Csv.Regel("K2", bsn: "123456789"),
            Csv.Regel("K3", klantmanager: "KM999"),
            Csv.Regel("K1", bsn: ""));

        var antwoord = await ImporteerAsync(csv);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, antwoord.StatusCode);
        Assert.Equal("application/problem+json", antwoord.Content.Headers.ContentType?.MediaType);
        var fouten = (await antwoord.LeesAsync()).GetProperty("rapport").GetProperty("fouten").EnumerateArray()
            .Select(f => (Regel: f.GetProperty("regel").GetInt32(), Veld: f.GetProperty("veld").GetString())).ToList();
        Assert.Contains((3, "bsn"), fouten);
        Assert.Contains((4, "klantmanager"), fouten);
        Assert.Contains((5, "klantnummer"), fouten);
        Assert.Equal(0, await AantalKlantenAsync());
    }

    [Fact]
    public async Task Gedeeltelijk_importeert_alleen_de_goede_regels()
    {
        var csv = Csv.Bestand(Csv.Regel("K1"), Csv.Regel("K2", bsn: "123456789"), Csv.Regel("K3"));

        var rapport = await (await ImporteerAsync(csv, "?gedeeltelijk=true")).LeesAsync();

        Assert.Equal(2, rapport.GetProperty("nieuw").GetInt32());
        Assert.Equal(1, rapport.GetProperty("afgewezen").GetInt32());
        Assert.Equal(2, await AantalKlantenAsync());
        Assert.Equal(0, (await (await _km.GetAsync("/api/v1/klanten?zoek=K2")).LeesAsync()).GetProperty("totaal").GetInt64());
    }

    [Fact]
    public async Task Wie_uit_de_export_verdwijnt_verlaat_het_bestand_maar_blijft_bewaard()
    {
        await ImporteerAsync(Csv.Bestand(Csv.Regel("K1"), Csv.Regel("K2")));

        var rapport = await (await ImporteerAsync(Csv.Bestand(Csv.Regel("K1")))).LeesAsync();

        Assert.Equal(1, rapport.GetProperty("uitBestand").GetInt32());
        var dossier = await (await _km.GetAsync("/api/v1/klanten/K2")).LeesAsync();
        Assert.False(dossier.GetProperty("inBestand").GetBoolean());
        Assert.Equal(["in bestand", "herbeoordeling", "uit bestand"], dossier.GetProperty("historie").EnumerateArray().Select(h => h.GetProperty("gebeurtenis").GetString()));
        var inBestand = await (await _km.GetAsync("/api/v1/klanten?inBestand=true")).LeesAsync();
        Assert.Equal(1, inBestand.GetProperty("totaal").GetInt64());
    }

    [Fact]
    public async Task Windows_1252_met_komma_scheiding_wordt_goed_gelezen()
    {
        var csv = Csv.Bestand(Csv.Regel("K1", naam: "Gérard Brüggen")).Replace(';', ',');

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var antwoord = await ImporteerAsync(csv, codering: Encoding.GetEncoding(1252));

        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        var dossier = await (await _km.GetAsync("/api/v1/klanten/K1")).LeesAsync();
        Assert.Equal("Gérard Brüggen", dossier.GetProperty("profiel").GetProperty("naam").GetString());
    }

    [Fact]
    public async Task Een_onleesbaar_bestand_krijgt_een_duidelijke_fout()
    {
        var antwoord = await ImporteerAsync("klantnummer;naam\nK1;Anna\n");

        Assert.Equal(HttpStatusCode.BadRequest, antwoord.StatusCode);
        var probleem = await antwoord.LeesAsync();
        Assert.Contains("geboortedatum", probleem.GetProperty("detail").GetString());
        Assert.Equal(0, await AantalKlantenAsync());
    }

    [Fact]
    public async Task Na_een_herstart_zijn_klanten_en_historie_er_nog()
    {
        await ImporteerAsync(Csv.Bestand(Csv.Regel("K1"), Csv.Regel("K2")));
        (await _km.PostAsync("/api/v1/klanten/K1/indelingen", Json(new { indeling = "overbrugbare-afstand" }))).EnsureSuccessStatusCode();
        var voor = (await (await _km.GetAsync("/api/v1/klanten/K1")).LeesAsync()).GetRawText();
        await _app.DisposeAsync();

        _app = _app.Herstart();
        _beheerder = await _app.AlsAsync("beheerder");
        _km = await _app.AlsAsync("km-km001");

        var na = await (await _km.GetAsync("/api/v1/klanten/K1")).LeesAsync();
        Assert.Equal(voor, na.GetRawText());
        Assert.Equal("overbrugbare-afstand", na.GetProperty("indeling").GetProperty("indeling").GetString());
        Assert.Equal(2, await AantalKlantenAsync());
    }

    private static StringContent Json(object body) =>
        new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
