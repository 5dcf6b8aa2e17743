using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Storage;
using Npgsql;

namespace KenJeKlant.Tests.Rapportages;

/// <summary>
/// Reports over time on a real database: two peildata with clients moving on the ladder, leaving and arriving in
/// between; every number checked against a count straight from klant_peildata; small cells hidden; the formats.
/// </summary>
/// <summary>One host for all report tests: two peildata with movement between them (built once, read by every test).</summary>
public sealed class Rapportagebestand : IAsyncLifetime
{
    public static readonly DateOnly Vandaag = DateOnly.FromDateTime(DateTime.Now);
    public static readonly DateOnly Eerste = Vandaag.AddDays(-40);
    public static readonly DateOnly Tweede = Vandaag.AddDays(-5);
    public KenJeKlantApp App { get; private set; } = null!;
    public HttpClient Beheerder { get; private set; } = null!;
    public HttpClient Programmaleider { get; private set; } = null!;
    public HttpClient Km { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await KenJeKlantApp.StartAsync("rapportages");
        Beheerder = await App.AlsAsync("beheerder");
        await Beheerder.ZetKlantmanagersAsync("KM001");
        Programmaleider = await App.AlsAsync("programmaleider");
        Km = await App.KlantmanagerAsync("KM001");
        var klanten = Enumerable.Range(1, 30).Select(i => $"K{i:00}").ToList();
        await Beheerder.ImporteerGoedAsync(Csv.Bestand([.. klanten.Select(k => Csv.Regel(k))]));
        // Before the first peildatum: K01–K12 on trede 2, K13–K19 on trede 3 (indeling first: the rule of the
        // trajectory); the rest without a trede.
        foreach (var k in klanten[..19])
            (await Km.PostAsJsonAsync($"/api/v1/klanten/{k}/indelingen", new { indeling = "overbrugbare-afstand" })).EnsureSuccessStatusCode();
        foreach (var k in klanten[..12]) await TredeAsync(k, 2, Eerste.AddDays(-1));
        foreach (var k in klanten[12..19]) await TredeAsync(k, 3, Eerste.AddDays(-1));
        await NeemAsync(Eerste);
        // Then K01–K06 climb to 4, K13–K19 drop to 1; K25–K30 leave the export, N01–N03 arrive.
        foreach (var k in klanten[..6]) await TredeAsync(k, 4, null);
        foreach (var k in klanten[12..19]) await TredeAsync(k, 1, null);
        await Beheerder.ImporteerGoedAsync(Csv.Bestand([.. klanten[..24].Select(k => Csv.Regel(k)), Csv.Regel("N01"), Csv.Regel("N02"), Csv.Regel("N03")]));
        await NeemAsync(Tweede);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    private async Task TredeAsync(string klant, int trede, DateOnly? datum)
    {
        using var antwoord = await Km.PostAsJsonAsync($"/api/v1/klanten/{klant}/tredemetingen", new { trede, datum });
        Assert.True(antwoord.IsSuccessStatusCode, await antwoord.Content.ReadAsStringAsync());
    }

    public async Task NeemAsync(DateOnly peildatum)
    {
        using var antwoord = await Beheerder.PostAsJsonAsync("/api/v1/peildata", new { peildatum });
        Assert.True(antwoord.IsSuccessStatusCode, await antwoord.Content.ReadAsStringAsync());
    }
}

[Collection(SerialOrleansClusters.Name)]
public sealed class RapportagesApiTests(Rapportagebestand bestand) : IClassFixture<Rapportagebestand>
{
    private static readonly DateOnly Vandaag = Rapportagebestand.Vandaag;
    private static readonly DateOnly Eerste = Rapportagebestand.Eerste;
    private static readonly DateOnly Tweede = Rapportagebestand.Tweede;
    private readonly KenJeKlantApp _app = bestand.App;
    private readonly HttpClient _beheerder = bestand.Beheerder, _programmaleider = bestand.Programmaleider, _km = bestand.Km;

    private Task NeemAsync(DateOnly peildatum) => bestand.NeemAsync(peildatum);

    private async Task<JsonElement> RapportAsync(string soort, string query)
    {
        using var antwoord = await _programmaleider.GetAsync($"/api/v1/rapportages/{soort}?{query}");
        Assert.True(antwoord.StatusCode == HttpStatusCode.OK, $"{soort}: {(int)antwoord.StatusCode} {await antwoord.Content.ReadAsStringAsync()}");
        return await antwoord.LeesAsync();
    }

    private async Task<long> TelAsync(string sql, object? a = null)
    {
        await using var conn = new NpgsqlConnection(_app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue("d1", Eerste);
        cmd.Parameters.AddWithValue("d2", Tweede);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static string Tekst(long n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private const string OpDag = "geldig_van <= @d2 AND geldig_tot > @d2 AND in_bestand";

    [Fact]
    public async Task Het_bestand_op_de_peildatum_telt_wat_de_peildata_tellen()
    {
        var rapport = await RapportAsync("bestand", $"tot={Vandaag:yyyy-MM-dd}");

        Assert.Equal(Tweede.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), rapport.GetProperty("peildatum").GetString());
        Assert.Equal(Tekst(await TelAsync($"SELECT count(*) FROM klant_peildata WHERE {OpDag}")), RapportJson.Cel(rapport, "Naar trede", "Totaal"));
        Assert.Equal("27", RapportJson.Cel(rapport, "Naar trede", "Totaal"));
        foreach (var (trede, label) in new[] { (4, "trede 4"), (2, "trede 2"), (1, "trede 1") })
            Assert.Equal(Tekst(await TelAsync($"SELECT count(*) FROM klant_peildata WHERE {OpDag} AND trede = {trede}")), RapportJson.Cel(rapport, "Naar trede", label));
        Assert.Equal(Tekst(await TelAsync($"SELECT count(*) FROM klant_peildata WHERE {OpDag} AND trede IS NULL")), RapportJson.Cel(rapport, "Naar trede", "geen trede"));
        Assert.Equal("25,9 %", RapportJson.Cel(rapport, "Naar trede", "trede 1", 1)); // 7 of 27
    }

    [Fact]
    public async Task Stromen_tellen_vertrek_zonder_reden_als_reden_onbekend_en_verbergen_kleine_aantallen()
    {
        var rapport = await RapportAsync("stromen", $"van={Eerste:yyyy-MM-dd}&tot={Vandaag:yyyy-MM-dd}");

        var uit = await TelAsync("SELECT count(*) FROM klant_peildata WHERE stroom = 'uitstroom' AND stroom_reden = 'reden onbekend' AND geldig_van BETWEEN @d1 AND @d2");
        Assert.Equal(6, uit);
        Assert.Equal("6", RapportJson.Cel(rapport, "Uitstroom", "Totaal", 0));
        Assert.Equal(3, await TelAsync("SELECT count(*) FROM klant_peildata WHERE stroom = 'instroom' AND geldig_van BETWEEN @d1 AND @d2"));
        Assert.Equal("< 5", RapportJson.Cel(rapport, "Instroom", "Totaal", 0));
        Assert.DoesNotContain("\"3\"", rapport.GetRawText(), StringComparison.Ordinal);
        // The first peildatum is no instroom of the whole bestand.
        Assert.Equal(0, await TelAsync("SELECT count(*) FROM klant_peildata WHERE stroom IS NOT NULL AND geldig_van = @d1"));
    }

    [Fact]
    public async Task De_ladder_vergelijkt_twee_peildata_klant_voor_klant()
    {
        var rapport = await RapportAsync("ladder", $"van={Eerste:yyyy-MM-dd}&tot={Tweede:yyyy-MM-dd}");

        const string Beide = """
            SELECT count(*) FROM klant_peildata a JOIN klant_peildata b USING (klantnummer)
            WHERE a.geldig_van <= @d1 AND a.geldig_tot > @d1 AND b.geldig_van <= @d2 AND b.geldig_tot > @d2
              AND a.in_bestand AND b.in_bestand AND a.trede IS NOT NULL AND b.trede IS NOT NULL
            """;
        Assert.Equal(Tekst(await TelAsync(Beide + " AND b.trede > a.trede")), RapportJson.Cel(rapport, "Trede", "omhoog"));
        Assert.Equal(Tekst(await TelAsync(Beide + " AND b.trede = a.trede")), RapportJson.Cel(rapport, "Trede", "gelijk"));
        Assert.Equal(Tekst(await TelAsync(Beide + " AND b.trede < a.trede")), RapportJson.Cel(rapport, "Trede", "omlaag"));
        Assert.Equal(["6", "6", "7", "19"], new[] { "omhoog", "gelijk", "omlaag", "Totaal" }.Select(r => RapportJson.Cel(rapport, "Trede", r)));
    }

    [Theory]
    [InlineData("bestand", "tot=2099-01-01", "tot")]
    [InlineData("stromen", "van=2026-05-01&tot=2026-04-01", "tot")]
    [InlineData("stromen", "van=2019-01-01&tot=2025-01-02", "tot")]
    [InlineData("bestand", "gemeente=9999", "gemeente")]
    [InlineData("bestand", "tot=2001-01-01", "tot")]
    public async Task Onjuiste_vragen_krijgen_400_met_de_parameter(string soort, string query, string parameter)
    {
        using var antwoord = await _programmaleider.GetAsync($"/api/v1/rapportages/{soort}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, antwoord.StatusCode);
        Assert.True((await antwoord.LeesAsync()).GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task Een_onbekende_rapportage_is_404_en_een_klantmanager_krijgt_er_geen()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _programmaleider.GetAsync("/api/v1/rapportages/geheim")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _km.GetAsync("/api/v1/rapportages/bestand")).StatusCode);
    }

    [Fact]
    public async Task Csv_excel_en_afdruk_dragen_dezelfde_getallen()
    {
        var query = $"/api/v1/rapportages/stromen?van={Eerste:yyyy-MM-dd}&tot={Vandaag:yyyy-MM-dd}";

        using var csvVraag = new HttpRequestMessage(HttpMethod.Get, query) { Headers = { Accept = { new("text/csv") } } };
        using var csv = await _programmaleider.SendAsync(csvVraag);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]); // the BOM, so Excel reads UTF-8
        var regels = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("rapportage;gebied;", regels[0], StringComparison.Ordinal);
        Assert.Contains(regels, r => r.Contains("Uitstroom per maand", StringComparison.Ordinal) && r.Contains(";Totaal;reden onbekend;6;6", StringComparison.Ordinal));
        Assert.Contains(regels, r => r.Contains("Instroom per maand", StringComparison.Ordinal) && r.EndsWith(";< 5", StringComparison.Ordinal));

        using var xlsxVraag = new HttpRequestMessage(HttpMethod.Get, query);
        xlsxVraag.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        using var xlsx = await _programmaleider.SendAsync(xlsxVraag);
        await using var stroom = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        using (var boek = SpreadsheetDocument.Open(stroom, false))
        {
            var tekst = boek.WorkbookPart!.WorksheetParts.Single().Worksheet.InnerText;
            Assert.Contains("Uitstroom per maand, naar reden", tekst, StringComparison.Ordinal);
            Assert.Contains("< 5", tekst, StringComparison.Ordinal);
        }

        using var htmlVraag = new HttpRequestMessage(HttpMethod.Get, query) { Headers = { Accept = { new("text/html") } } };
        using var html = await _programmaleider.SendAsync(htmlVraag);
        var pagina = await html.Content.ReadAsStringAsync();
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", pagina, StringComparison.Ordinal);
        Assert.Contains("<td>6</td>", pagina, StringComparison.Ordinal);
        Assert.Contains("&lt; 5", pagina, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doelen_worden_geversioneerd_en_staan_naast_het_resultaat()
    {
        var jaar = Tweede.Year;
        (await _programmaleider.PutAsJsonAsync($"/api/v1/doelen/uitstroom/{jaar}", new { waarde = 5 })).EnsureSuccessStatusCode();
        (await _programmaleider.PutAsJsonAsync($"/api/v1/doelen/uitstroom/{jaar}", new { waarde = 8, toelichting = "bijgesteld" })).EnsureSuccessStatusCode();

        var doelen = await (await _programmaleider.GetAsync($"/api/v1/doelen?jaar={jaar}")).LeesAsync();
        var uitstroom = doelen.EnumerateArray().Single(d => d.GetProperty("huidig").GetProperty("indicator").GetString() == "uitstroom");
        Assert.Equal(8m, uitstroom.GetProperty("huidig").GetProperty("waarde").GetDecimal());
        Assert.Equal("programmaleider", uitstroom.GetProperty("huidig").GetProperty("gezetDoor").GetString());
        Assert.Equal(5m, uitstroom.GetProperty("eerder")[0].GetProperty("waarde").GetDecimal());

        var rapport = await RapportAsync("doelenboom", $"van={new DateOnly(jaar, 1, 1):yyyy-MM-dd}&tot={Tweede:yyyy-MM-dd}");
        Assert.Equal("8", RapportJson.Cel(rapport, "Doelen", $"Uitstroom ({jaar})", 0));
        Assert.Equal("6", RapportJson.Cel(rapport, "Doelen", $"Uitstroom ({jaar})", 1));
        Assert.Equal("-2", RapportJson.Cel(rapport, "Doelen", $"Uitstroom ({jaar})", 2));

        using var onbekend = await _programmaleider.PutAsJsonAsync($"/api/v1/doelen/geluk/{jaar}", new { waarde = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, onbekend.StatusCode);
        Assert.True((await onbekend.LeesAsync()).GetProperty("errors").TryGetProperty("indicator", out _));
        using var teVeel = await _programmaleider.PutAsJsonAsync($"/api/v1/doelen/gesproken-12-maanden/{jaar}", new { waarde = 120 });
        Assert.True((await teVeel.LeesAsync()).GetProperty("errors").TryGetProperty("waarde", out _));
    }

    [Fact]
    public async Task Een_peildatum_in_de_toekomst_of_voor_de_laatste_wordt_geweigerd()
    {
        using var toekomst = await _beheerder.PostAsJsonAsync("/api/v1/peildata", new { peildatum = Vandaag.AddDays(1) });
        Assert.Equal(HttpStatusCode.BadRequest, toekomst.StatusCode);
        Assert.True((await toekomst.LeesAsync()).GetProperty("errors").TryGetProperty("peildatum", out _));

        using var eerder = await _beheerder.PostAsJsonAsync("/api/v1/peildata", new { peildatum = Eerste });
        Assert.Equal(HttpStatusCode.Conflict, eerder.StatusCode);

        // The latest again changes nothing: the same periods, the same counts.
        var voor = await TelAsync("SELECT count(*) FROM klant_peildata");
        await NeemAsync(Tweede);
        Assert.Equal(voor, await TelAsync("SELECT count(*) FROM klant_peildata"));
        Assert.Equal(6, await TelAsync("SELECT count(*) FROM klant_peildata WHERE stroom = 'uitstroom'"));
    }

    [Fact]
    public async Task Het_OpenAPI_document_noemt_peildata_rapportages_en_doelen()
    {
        using var anoniem = _app.CreateClient();
        var document = await (await anoniem.GetAsync("/api/v1/openapi.json")).LeesAsync();
        var paden = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/peildata", paden);
        Assert.Contains("/api/v1/rapportages/{soort}", paden);
        Assert.Contains("/api/v1/doelen/{indicator}/{jaar}", paden);
    }
}
