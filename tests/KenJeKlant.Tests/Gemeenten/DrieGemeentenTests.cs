using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Campagnes;
using KenJeKlant.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KenJeKlant.Tests.Gemeenten;

/// <summary>
/// One dienst for the IJmond (Velsen 0453, Beverwijk 0375, Heemskerk 0396) through the real host on PostgreSQL: the
/// bestand's gemeente column, uitstroom from the export, policy per gemeente, letters, campaigns and a programmaleider
/// limited to one gemeente.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class DrieGemeentenTests
{
    private const string Kop = Csv.Kop + ";gemeente;einddatum_uitkering;reden_beeindiging";
    private static readonly DateOnly Vandaag = DateOnly.FromDateTime(DateTime.Now);

    private static string Regel(string klantnummer, string gemeente, string einddatum = "", string reden = "") =>
        $"{Csv.Regel(klantnummer)};{gemeente};{einddatum};{reden}";

    private static string Bestand(params string[] regels) => Kop + "\n" + string.Join("\n", regels) + "\n";

    private static async Task<KenJeKlantApp> StartAsync(string naam, Dictionary<string, string>? extra = null)
    {
        var instellingen = new Dictionary<string, string>(GemeentenTests.IJmond);
        foreach (var (sleutel, waarde) in extra ?? []) instellingen[sleutel] = waarde;
        var app = await KenJeKlantApp.StartAsync(naam, instellingen);
        using var beheerder = await app.AlsAsync("beheerder");
        await beheerder.ZetKlantmanagersAsync("KM001");
        return app;
    }

    private static async Task<List<string>> RijenAsync(KenJeKlantApp app, string sql)
    {
        await using var db = NpgsqlDataSource.Create(app.ConnectionString);
        await using var cmd = db.CreateCommand(sql);
        var rijen = new List<string>();
        await using var lezer = await cmd.ExecuteReaderAsync();
        while (await lezer.ReadAsync()) rijen.Add(lezer.GetString(0));
        return rijen;
    }

    private static List<(int Regel, string? Veld)> Fouten(JsonElement rapport) =>
        [.. rapport.GetProperty("fouten").EnumerateArray().Select(f => (f.GetProperty("regel").GetInt32(), f.GetProperty("veld").GetString()))];

    [Fact]
    public async Task De_gemeentekolom_is_verplicht_en_een_onbekende_of_ontbrekende_code_weigert_de_regel_met_zijn_nummer()
    {
        await using var app = await StartAsync("ijmond-import");
        using var beheerder = await app.AlsAsync("beheerder");

        var zonderKolom = await beheerder.ImporteerEnWachtAsync(Csv.Bestand(Csv.Regel("K9")));
        Assert.Equal("mislukt", zonderKolom.GetProperty("status").GetString());
        Assert.Contains("gemeente", zonderKolom.GetProperty("melding").GetString(), StringComparison.Ordinal);

        var rapport = await beheerder.ImporteerGoedAsync(Bestand(
            Regel("K1", "0453"), Regel("K2", "0375"), Regel("K3", "0396"),
            Regel("K4", ""), Regel("K5", "9999"), Regel("K6", "453")), "?gedeeltelijk=true");

        Assert.Equal((4, 2), (rapport.GetProperty("nieuw").GetInt32(), rapport.GetProperty("afgewezen").GetInt32()));
        Assert.Equal([(5, "gemeente"), (6, "gemeente")], Fouten(rapport));
        Assert.Equal(["K1 0453", "K2 0375", "K3 0396", "K6 0453"],
            await RijenAsync(app, "SELECT klantnummer || ' ' || gemeente FROM klant_overzicht ORDER BY klantnummer"));
        // The klantmanager's list shows and filters by it (the caseload still decides who is in it).
        using var km = await app.KlantmanagerAsync("KM001");
        var velsen = await (await km.GetAsync("/api/v1/klanten?gemeente=0453")).LeesAsync();
        Assert.Equal(["K1 0453", "K6 0453"], velsen.GetProperty("klanten").EnumerateArray()
            .Select(k => $"{k.GetProperty("klantnummer").GetString()} {k.GetProperty("gemeente").GetString()}"));
        var onbekend = await km.GetAsync("/api/v1/klanten?gemeente=0001");
        Assert.Equal(HttpStatusCode.BadRequest, onbekend.StatusCode);
        Assert.True((await onbekend.LeesAsync()).GetProperty("errors").TryGetProperty("gemeente", out _));
    }

    [Fact]
    public async Task Wie_de_export_verlaat_krijgt_uitstroomdatum_en_reden_uit_de_export_of_reden_onbekend()
    {
        await using var app = await StartAsync("ijmond-uitstroom");
        using var beheerder = await app.AlsAsync("beheerder");
        await beheerder.ImporteerGoedAsync(Bestand(Regel("K1", "0453"), Regel("K2", "0375"), Regel("K3", "0396"), Regel("K6", "0453")));
        var einde = Vandaag.AddDays(-10).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

        await beheerder.ImporteerGoedAsync(Bestand(
            Regel("K1", "0453", einde, "werk (regulier)"), Regel("K2", "0375", einde), Regel("K3", "0396")));

        Assert.Equal(
        [
            $"K1 uit {Vandaag.AddDays(-10):yyyy-MM-dd} werk (regulier)",
            $"K2 uit {Vandaag.AddDays(-10):yyyy-MM-dd} reden onbekend",
            "K3 in - -",
            $"K6 uit {Vandaag:yyyy-MM-dd} reden onbekend",
        ], await RijenAsync(app, """
            SELECT klantnummer || ' ' || CASE WHEN in_bestand THEN 'in' ELSE 'uit' END || ' '
                   || coalesce(to_char(uitstroom_datum, 'YYYY-MM-DD'), '-') || ' ' || coalesce(uitstroom_reden, '-')
            FROM klant_overzicht ORDER BY klantnummer
            """));

        // The same export again changes nothing: a client that left with its einddatum stays left, not "terug in bestand".
        var nogmaals = await beheerder.ImporteerGoedAsync(Bestand(
            Regel("K1", "0453", einde, "werk (regulier)"), Regel("K2", "0375", einde), Regel("K3", "0396")));
        Assert.Equal((3, 0), (nogmaals.GetProperty("ongewijzigd").GetInt32(), nogmaals.GetProperty("terugInBestand").GetInt32()));
    }

    [Fact]
    public async Task Beleid_per_gemeente_gaat_voor_dat_van_de_dienst_en_een_fout_erin_houdt_de_start_tegen()
    {
        await using var app = await StartAsync("ijmond-beleid", new()
        {
            // Velsen has its own route list and reassesses zonder-afstand clients monthly; Beverwijk its own verordening.
            ["Gemeenten:0:Beleid:Traject:Routes:0"] = "velser werkroute",
            ["Gemeenten:0:Beleid:Herbeoordeling:MaandenPerIndeling:ZonderAfstand"] = "1",
            ["Gemeenten:1:Beleid:Handhaving:MaatregelPercentages:0"] = "10",
        });
        using var beheerder = await app.AlsAsync("beheerder");
        await beheerder.ImporteerGoedAsync(Bestand(Regel("K1", "0453"), Regel("K2", "0375")));
        using var km = await app.KlantmanagerAsync("KM001");
        foreach (var k in new[] { "K1", "K2" })
            (await km.PostAsJsonAsync($"/api/v1/klanten/{k}/indelingen", new { indeling = "zonder-afstand" })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Conflict, (await km.PostAsJsonAsync("/api/v1/klanten/K1/routes", new { route = "directe bemiddeling" })).StatusCode);
        (await km.PostAsJsonAsync("/api/v1/klanten/K1/routes", new { route = "velser werkroute" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Conflict, (await km.PostAsJsonAsync("/api/v1/klanten/K2/routes", new { route = "velser werkroute" })).StatusCode);
        (await km.PostAsJsonAsync("/api/v1/klanten/K2/routes", new { route = "directe bemiddeling" })).EnsureSuccessStatusCode();

        async Task<DateOnly> HerbeoordelingAsync(string k) => DateOnly.Parse(
            (await (await km.GetAsync($"/api/v1/klanten/{k}")).LeesAsync()).GetProperty("herbeoordeling").GetProperty("datum").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal((Vandaag.AddMonths(1), Vandaag.AddMonths(3)), (await HerbeoordelingAsync("K1"), await HerbeoordelingAsync("K2")));

        var handhaving = app.Services.GetRequiredService<IOptionsMonitor<HandhavingBeleid>>();
        Assert.Equal([10], handhaving.Get("0375").MaatregelPercentages);
        Assert.Equal(handhaving.CurrentValue.MaatregelPercentages, handhaving.Get("0453").MaatregelPercentages);

        await using var fout = await KenJeKlantApp.StartAsync("ijmond-beleid-fout", new Dictionary<string, string>(GemeentenTests.IJmond)
        {
            ["Gemeenten:1:Beleid:Handhaving:MaatregelPercentages:0"] = "150",
        });
        var start = Assert.ThrowsAny<Exception>(() => fout.CreateClient());
        var validatie = Assert.IsType<OptionsValidationException>(start is AggregateException a ? a.Flatten().InnerExceptions.Single() : start);
        Assert.Contains(validatie.Failures, f => f.Contains("Gemeente 0375", StringComparison.Ordinal) && f.Contains("150", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Een_campagne_selecteert_op_gemeente_haar_brieven_dragen_de_gemeente_en_een_beperkte_programmaleider_blijft_bij_de_zijne()
    {
        await using var app = await StartAsync("ijmond-campagne", new() { ["Gemeenten:0:Retouradres"] = "Postbus 465, 1970 AL IJmuiden" });
        using var beheerder = await app.AlsAsync("beheerder");
        await beheerder.ImporteerGoedAsync(Bestand(Regel("K1", "0453"), Regel("K2", "0375"), Regel("K3", "0396"), Regel("K4", "0453")));
        using var programmaleider = await app.AlsAsync("programmaleider");

        var onbekend = await programmaleider.PostAsJsonAsync("/api/v1/campagnes", new { naam = "Nergens", selectie = new { gemeente = "9999" } });
        Assert.Equal(HttpStatusCode.BadRequest, onbekend.StatusCode);
        Assert.Equal(["selectie.gemeente"], (await onbekend.LeesAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name));

        (await programmaleider.PostAsJsonAsync("/api/v1/campagnes", new { naam = "Velsen doet mee", selectie = new { gemeente = "0453" } })).EnsureSuccessStatusCode();
        (await programmaleider.PostAsJsonAsync("/api/v1/campagnes", new { naam = "Beverwijk doet mee", selectie = new { gemeente = "0375" } })).EnsureSuccessStatusCode();
        (await programmaleider.PostAsync("/api/v1/campagnes/velsen-doet-mee/start", null)).EnsureSuccessStatusCode();
        await CampagneOmgeving.WachtTotAsync(async () =>
            (await (await programmaleider.GetAsync("/api/v1/campagnes/velsen-doet-mee/voortgang")).LeesAsync())
                .GetProperty("funnel").GetProperty("ingepland").GetInt32() == 2, "Velsen werd niet ingepland");
        Assert.Equal(["K1 0453", "K4 0453"], await RijenAsync(app, "SELECT klantnummer || ' ' || gemeente FROM gesprek ORDER BY klantnummer"));

        // The letters: the gemeente's name and return address, in the mail-merge CSV and on the letter itself.
        var csv = (await (await beheerder.GetAsync("/api/v1/uitnodigingen?campagne=velsen-doet-mee")).Content.ReadAsStringAsync()).TrimStart('\uFEFF')
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(r => r.TrimEnd('\r').Split(';')).ToList();
        Assert.Equal(["gemeente", "retouradres"], csv[0][^2..]);
        Assert.All(csv[1..], r => Assert.Equal(["Gemeente Velsen", "Postbus 465, 1970 AL IJmuiden"], r[^2..]));
        var html = await (await beheerder.GetAsync($"/api/v1/uitnodigingen/{csv[1][0]}/brief")).Content.ReadAsStringAsync();
        Assert.Contains("Gemeente Velsen", html, StringComparison.Ordinal);
        Assert.Contains("Retouradres: Postbus 465, 1970 AL IJmuiden", html, StringComparison.Ordinal);

        // A programmaleider for Velsen only: the account says so, the login carries it, other gemeenten are refused.
        var onbekendeGemeente = await beheerder.PutAsJsonAsync("/api/v1/gebruikers/pl-velsen",
            new { naam = "Programmaleider Velsen", rollen = new[] { "programmaleider" }, gemeenten = new[] { "0000" }, wachtwoord = KenJeKlantApp.DemoWachtwoord });
        Assert.Equal(HttpStatusCode.BadRequest, onbekendeGemeente.StatusCode);
        Assert.Equal(["gemeenten"], (await onbekendeGemeente.LeesAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        (await beheerder.PutAsJsonAsync("/api/v1/gebruikers/pl-velsen",
            new { naam = "Programmaleider Velsen", rollen = new[] { "programmaleider" }, gemeenten = new[] { "0453" }, wachtwoord = KenJeKlantApp.DemoWachtwoord })).EnsureSuccessStatusCode();
        var account = (await (await beheerder.GetAsync("/api/v1/gebruikers")).LeesAsync()).EnumerateArray().Single(g => g.GetProperty("gebruikersnaam").GetString() == "pl-velsen");
        Assert.Equal(["0453"], account.GetProperty("gemeenten").EnumerateArray().Select(g => g.GetString()));
        using var velsen = await app.AlsAsync("pl-velsen");

        Assert.Equal(HttpStatusCode.OK, (await velsen.GetAsync("/api/v1/campagnes/velsen-doet-mee/voortgang")).StatusCode);
        var ander = await velsen.GetAsync("/api/v1/campagnes/beverwijk-doet-mee");
        Assert.Equal(HttpStatusCode.Forbidden, ander.StatusCode);
        Assert.Contains("0375", (await ander.LeesAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await velsen.PostAsync("/api/v1/campagnes/beverwijk-doet-mee/start", null)).StatusCode);
        // Each refusal is a security event in the audit log.
        var log = await (await beheerder.GetAsync("/api/v1/auditlog?betrokkene=gemeente%200375")).LeesAsync();
        Assert.Equal(2, log.EnumerateArray().Count(e => e.GetProperty("regel").GetProperty("actor").GetString() == "pl-velsen"
            && e.GetProperty("regel").GetProperty("resultaat").GetInt32() == 403));
        Assert.Equal(HttpStatusCode.Forbidden, (await velsen.PostAsJsonAsync("/api/v1/campagnes", new { naam = "Heemskerk erbij", selectie = new { gemeente = "0396" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await velsen.PostAsJsonAsync("/api/v1/campagnes", new { naam = "Overal" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await velsen.PostAsJsonAsync("/api/v1/campagnes", new { naam = "Velsen tweede ronde", selectie = new { gemeente = "0453" } })).StatusCode);
        // The list shows them their gemeente's campaigns only; the unlimited programmaleider sees all.
        Assert.Equal(["velsen-doet-mee", "velsen-tweede-ronde"],
            (await (await velsen.GetAsync("/api/v1/campagnes")).LeesAsync()).EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(3, (await (await programmaleider.GetAsync("/api/v1/campagnes")).LeesAsync()).GetArrayLength());
        // Nothing of Beverwijk's campaign was started by the refused call.
        Assert.Equal("concept", (await (await programmaleider.GetAsync("/api/v1/campagnes/beverwijk-doet-mee")).LeesAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Een_handhavingssignaal_volgt_de_verordening_van_zijn_gemeente_en_zijn_brief_draagt_die_gemeente()
    {
        await using var app = await StartAsync("ijmond-handhaving", new()
        {
            ["Gemeenten:1:Beleid:Handhaving:MaatregelPercentages:0"] = "10",
            ["Gemeenten:1:Retouradres"] = "Postbus 450, 1940 AL Beverwijk",
        });
        using var beheerder = await app.AlsAsync("beheerder");
        await beheerder.ImporteerGoedAsync(Bestand(Regel("K1", "0375")));
        var signaal = Guid.NewGuid();
        await SignaalInTabellen.LegKlaarAsync(app.ConnectionString, Guid.NewGuid(), Guid.NewGuid(), signaal);
        // The rows made for K1 took its gemeente.
        Assert.Equal(["0375", "0375", "0375"], await RijenAsync(app,
            "SELECT gemeente FROM gesprek UNION ALL SELECT gemeente FROM handhavingssignaal ORDER BY 1"));

        using var handhaving = await app.AlsAsync("handhaving");
        async Task<HttpResponseMessage> Stap(string stap, object body) =>
            await handhaving.PostAsJsonAsync($"/api/v1/handhavingssignalen/{signaal}/{stap}", body);
        foreach (var (stap, body) in new (string, object)[]
        {
            ("behandeling", new { toelichting = "opgepakt" }),
            ("bezorging", new { bezorgd = true, toelichting = "adres klopt" }),
            ("contactpogingen", new { kanaal = "telefoon", bereikt = true, toelichting = "klant gebeld" }),
            ("zienswijze", new { soort = "mondeling", samenvatting = "Vergeten.", toelichting = "telefonisch gehoord" }),
            ("beoordeling", new { verwijtbaarheid = "verwijtbaar", dringendeRedenen = false, toelichting = "geen reden gegeven" }),
        })
            (await Stap(stap, body)).EnsureSuccessStatusCode();

        // 20% is in the dienst's verordening, not in Beverwijk's.
        var twintig = await Stap("voornemen", new { soort = "voorstel-maatregel", percentage = 20, duurMaanden = 1, toelichting = "art. 18" });
        Assert.Equal(HttpStatusCode.Conflict, twintig.StatusCode);
        Assert.Contains("toegestaan: 10%", (await twintig.LeesAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var tien = await Stap("voornemen", new { soort = "voorstel-maatregel", percentage = 10, duurMaanden = 1, toelichting = "art. 18" });
        tien.EnsureSuccessStatusCode();
        var briefId = (await tien.LeesAsync()).GetProperty("voornemen").GetProperty("briefId").GetGuid();

        var html = WebUtility.HtmlDecode(await (await handhaving.GetAsync($"/api/v1/handhavingssignalen/{signaal}/brieven/{briefId}.html")).Content.ReadAsStringAsync());
        Assert.Contains("Gemeente Beverwijk", html, StringComparison.Ordinal);
        Assert.Contains("Retouradres: Postbus 450, 1940 AL Beverwijk", html, StringComparison.Ordinal);
        var pdf = await handhaving.GetAsync($"/api/v1/handhavingssignalen/{signaal}/brieven/{briefId}.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
    }
}
