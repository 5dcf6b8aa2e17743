using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Campagnes;
using KenJeKlant.Tests.Infrastructure;
using KenJeKlant.Tests.Storage;
using Microsoft.Extensions.Time.Testing;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;

namespace KenJeKlant.Tests.PlanVanAanpak;

/// <summary>
/// The plan van aanpak through the real host on PostgreSQL, in fake domain time: refusals naming the field by JSON
/// path, versions, closing afspraken (409 on a closed one, no signal from "niet nagekomen"), the werklijst section
/// "Afspraken te controleren" when a deadline arrives, the printable plan (HTML, a real PDF), access and the audit log.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class PlanVanAanpakApiTests : IAsyncLifetime
{
    // Monday 30 November 2026, 10:00 (the fake clock's zone is UTC, so this is the domain's date).
    private static readonly DateTimeOffset Begin = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _klok = new(Begin);
    private KenJeKlantApp _app = null!;
    private HttpClient _km = null!, _km2 = null!, _beheerder = null!, _programmaleider = null!, _handhaving = null!;

    public async Task InitializeAsync()
    {
        var db = await PostgresServer.CreateDatabaseAsync("plan-van-aanpak");
        _app = MaakApp(db, _klok);
        _beheerder = await _app.AlsAsync("beheerder");
        await _beheerder.ZetKlantmanagersAsync("KM001", "KM002");
        var csv = Csv.Bestand(Csv.Regel("K1"), Csv.Regel("K2"), Csv.Regel("K3", klantmanager: "KM002"));
        await _beheerder.ImporteerGoedAsync(csv);
        _km = await _app.KlantmanagerAsync("KM001");
        _km2 = await _app.KlantmanagerAsync("KM002");
        _programmaleider = await _app.AlsAsync("programmaleider");
        _handhaving = await _app.AlsAsync("handhaving");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    // The werklijst looks at the fake date often, so a deadline that arrives shows without a real wait.
    private static KenJeKlantApp MaakApp(string db, FakeTimeProvider klok) =>
        new(db, $"test-{Guid.NewGuid():N}", new Dictionary<string, string> { ["Beleid:PlanVanAanpak:WerklijstControle"] = "00:00:00.050" }) { DomeinKlok = klok };

    private static object Afspraak(string omschrijving, string deadline, string wie = "klant", string? partner = null, string? leefdomein = null, string? id = null) =>
        new { id, omschrijving, wie, partner, deadline, leefdomein };

    private async Task<JsonElement> ZetAsync(string klant, string doel, params object[] afspraken)
    {
        var antwoord = await _km.PutAsJsonAsync($"/api/v1/klanten/{klant}/plan-van-aanpak", new { doel, afspraken });
        Assert.True(antwoord.IsSuccessStatusCode, await antwoord.Content.ReadAsStringAsync());
        return await antwoord.LeesAsync();
    }

    private static Dictionary<string, string[]> Fouten(JsonElement probleem) =>
        probleem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());

    [Fact]
    public async Task Elke_weigering_noemt_het_veld_bij_zijn_JSON_pad()
    {
        // Shape: checked on the request before anything else.
        var vorm = await _km.PutAsJsonAsync("/api/v1/klanten/K1/plan-van-aanpak", new
        {
            doel = " ",
            afspraken = new[]
            {
                Afspraak("Cv maken", "2026-12-10"),
                Afspraak("", "2026-12-10"),
                Afspraak("Intake", "2026-12-10", wie: "klantmanager", partner: "sociaal wijkteam"),
                Afspraak("Traject starten", "2026-12-10", wie: "partner"),
            },
        });
        Assert.Equal(HttpStatusCode.BadRequest, vorm.StatusCode);
        Assert.Equal("application/problem+json", vorm.Content.Headers.ContentType?.MediaType);
        var fouten = Fouten(await vorm.LeesAsync());
        Assert.Equal(["afspraken[1].omschrijving", "afspraken[2].partner", "afspraken[3].partner", "doel"], fouten.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Noem de partner", fouten["afspraken[3].partner"][0]);

        // Domain rules (the grain's): a deadline in the past, an unknown partner or leefdomein.
        var regels = await _km.PutAsJsonAsync("/api/v1/klanten/K1/plan-van-aanpak", new
        {
            doel = "Werk vinden",
            afspraken = new[]
            {
                Afspraak("Cv maken", "2026-11-30", leefdomein: "Werk"),
                Afspraak("Intake", "2026-12-10", wie: "partner", partner: "Bureau Onbekend"),
                Afspraak("Sollicitatietraining", "2026-11-29"),
                Afspraak("Budgetcursus", "2026-12-10", leefdomein: "ruimtevaart"),
            },
        });
        Assert.Equal(HttpStatusCode.BadRequest, regels.StatusCode);
        fouten = Fouten(await regels.LeesAsync());
        Assert.Equal(["afspraken[1].partner", "afspraken[2].deadline", "afspraken[3].leefdomein"], fouten.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("verleden", fouten["afspraken[2].deadline"][0]);
        Assert.Contains("re-integratiepartner", fouten["afspraken[1].partner"][0]); // the message lists what may be chosen

        // An id that is not an afspraak of this client's plan, and an afronding without its reason.
        var onbekend = await _km.PutAsJsonAsync("/api/v1/klanten/K1/plan-van-aanpak", new { doel = "x", afspraken = new[] { Afspraak("a", "2026-12-10", id: Guid.NewGuid().ToString()) } });
        Assert.Equal(["afspraken[0].id"], Fouten(await onbekend.LeesAsync()).Keys);
        var plan = await ZetAsync("K1", "Werk vinden", Afspraak("Cv maken", "2026-12-10"));
        var id = plan.GetProperty("afspraken")[0].GetProperty("id").GetString();
        var zonderReden = await _km.PostAsJsonAsync($"/api/v1/klanten/K1/plan-van-aanpak/afspraken/{id}/afronding", new { status = "niet-nagekomen" });
        Assert.Equal(HttpStatusCode.BadRequest, zonderReden.StatusCode);
        Assert.Equal(["toelichting"], Fouten(await zonderReden.LeesAsync()).Keys);
        var open = await _km.PostAsJsonAsync($"/api/v1/klanten/K1/plan-van-aanpak/afspraken/{id}/afronding", new { status = "open", toelichting = "x" });
        Assert.Equal(["status"], Fouten(await open.LeesAsync()).Keys);
        Assert.Equal(HttpStatusCode.NotFound, (await _km.PostAsJsonAsync($"/api/v1/klanten/K1/plan-van-aanpak/afspraken/{Guid.NewGuid()}/afronding", new { status = "nagekomen" })).StatusCode);
    }

    [Fact]
    public async Task Elke_PUT_is_een_nieuwe_versie_en_afspraken_houden_hun_id()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _km.GetAsync("/api/v1/klanten/K1/plan-van-aanpak")).StatusCode);
        var v1 = await ZetAsync("K1", "Binnen een jaar betaald werk",
            Afspraak("Cv maken", "2026-12-10", leefdomein: "werk"),
            Afspraak("Aanmelden bij het sociaal wijkteam", "2026-12-20", wie: "partner", partner: "Sociaal Wijkteam", leefdomein: "gezin"));
        Assert.Equal(1, v1.GetProperty("versie").GetInt32());
        Assert.Equal("km-km001", v1.GetProperty("vastgesteldDoor").GetString());
        var cv = v1.GetProperty("afspraken")[0];
        Assert.Equal("sociaal wijkteam", v1.GetProperty("afspraken")[1].GetProperty("partner").GetString()); // the policy's spelling
        Assert.Equal("open", cv.GetProperty("status").GetString());

        // Version 2: the cv (same id) gets a later deadline, the wijkteam afspraak is left out, a new one comes.
        var v2 = await ZetAsync("K1", "Binnen een jaar betaald werk",
            Afspraak("Cv maken", "2026-12-15", leefdomein: "werk", id: cv.GetProperty("id").GetString()),
            Afspraak("Twee vacatures kiezen", "2027-01-05", wie: "klant"));
        Assert.Equal(2, v2.GetProperty("versie").GetInt32());
        var huidig = await (await _km.GetAsync("/api/v1/klanten/K1/plan-van-aanpak")).LeesAsync();
        Assert.Equal(2, huidig.GetProperty("versie").GetInt32());
        Assert.Equal([2, 1], huidig.GetProperty("versies").EnumerateArray().Select(v => v.GetProperty("versie").GetInt32()));
        var afspraken = huidig.GetProperty("afspraken").EnumerateArray().ToList();
        Assert.Equal(2, afspraken.Count);
        Assert.Equal(cv.GetProperty("id").GetString(), afspraken[0].GetProperty("id").GetString());
        Assert.Equal("2026-12-15", afspraken[0].GetProperty("deadline").GetString());

        // Version 1 is kept as it was agreed.
        var oud = await (await _km.GetAsync("/api/v1/klanten/K1/plan-van-aanpak/versies/1")).LeesAsync();
        Assert.Equal(1, oud.GetProperty("versie").GetInt32());
        Assert.Equal(["2026-12-10", "2026-12-20"], oud.GetProperty("afspraken").EnumerateArray().Select(a => a.GetProperty("deadline").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await _km.GetAsync("/api/v1/klanten/K1/plan-van-aanpak/versies/3")).StatusCode);

        // Only the client's klantmanager: a colleague, handhaving and the programmaleider are refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await _km2.GetAsync("/api/v1/klanten/K1/plan-van-aanpak")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _handhaving.GetAsync("/api/v1/klanten/K1/plan-van-aanpak")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _programmaleider.GetAsync("/api/v1/klanten/K1/plan-van-aanpak.pdf")).StatusCode);
    }

    [Fact]
    public async Task Een_afgeronde_afspraak_verandert_niet_meer_en_niet_nagekomen_maakt_geen_signaal()
    {
        var plan = await ZetAsync("K1", "Schulden op een rij", Afspraak("Afspraak bij de schuldhulp maken", "2026-12-10", leefdomein: "schulden"), Afspraak("Post openen", "2026-12-03"));
        // Listed by deadline: "Post openen" (3 December) first.
        var afspraak = plan.GetProperty("afspraken").EnumerateArray().Single(a => a.GetProperty("omschrijving").GetString() == "Post openen");
        var id = afspraak.GetProperty("id").GetString();

        var afronding = await _km.PostAsJsonAsync($"/api/v1/klanten/K1/plan-van-aanpak/afspraken/{id}/afronding",
            new { status = "niet-nagekomen", toelichting = "Klant was ziek; opnieuw afspreken." });
        Assert.True(afronding.IsSuccessStatusCode, await afronding.Content.ReadAsStringAsync());
        var antwoord = await afronding.LeesAsync();
        Assert.Equal("niet-nagekomen", antwoord.GetProperty("afspraak").GetProperty("status").GetString());
        Assert.Equal("km-km001", antwoord.GetProperty("afspraak").GetProperty("afronding").GetProperty("door").GetString());
        Assert.Contains("geen handhavingssignaal", antwoord.GetProperty("melding").GetString());

        // Closed: closing it again, or changing it in a new version, is refused with 409 naming the field.
        var nogEens = await _km.PostAsJsonAsync($"/api/v1/klanten/K1/plan-van-aanpak/afspraken/{id}/afronding", new { status = "nagekomen" });
        Assert.Equal(HttpStatusCode.Conflict, nogEens.StatusCode);
        Assert.True((await nogEens.LeesAsync()).GetProperty("errors").TryGetProperty("status", out _));
        var eerste = plan.GetProperty("afspraken").EnumerateArray().Single(a => a.GetProperty("id").GetString() != id);
        var gewijzigd = await _km.PutAsJsonAsync("/api/v1/klanten/K1/plan-van-aanpak", new
        {
            doel = "Schulden op een rij",
            afspraken = new[]
            {
                Afspraak("Afspraak bij de schuldhulp maken", "2026-12-10", leefdomein: "schulden", id: eerste.GetProperty("id").GetString()),
                Afspraak("Post openen en sorteren", "2026-12-03", id: id),
            },
        });
        Assert.Equal(HttpStatusCode.Conflict, gewijzigd.StatusCode);
        Assert.True((await gewijzigd.LeesAsync()).GetProperty("errors").TryGetProperty("afspraken[1].omschrijving", out _));
        // Sent back unchanged it keeps its status.
        var v2 = await ZetAsync("K1", "Schulden op een rij en een budget",
            Afspraak("Afspraak bij de schuldhulp maken", "2026-12-10", leefdomein: "schulden", id: eerste.GetProperty("id").GetString()),
            Afspraak("Post openen", "2026-12-03", id: id));
        Assert.Equal("niet-nagekomen", v2.GetProperty("afspraken").EnumerateArray().Single(a => a.GetProperty("id").GetString() == id).GetProperty("status").GetString());

        // Nothing followed by itself: no handhavingssignaal, in the API or the table.
        Assert.Empty((await (await _handhaving.GetAsync("/api/v1/handhavingssignalen")).LeesAsync()).EnumerateArray());
        await using var db = Npgsql.NpgsqlDataSource.Create(_app.ConnectionString);
        await using var tel = db.CreateCommand("SELECT count(*) FROM handhavingssignaal");
        Assert.Equal(0L, (long)(await tel.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Een_afspraak_komt_op_de_werklijst_als_haar_deadline_komt_en_gaat_eraf_bij_afronding()
    {
        var plan = await ZetAsync("K1", "Werk vinden", Afspraak("Cv maken", "2026-12-01", leefdomein: "werk"), Afspraak("Vacatures zoeken", "2026-12-20"));
        Assert.Empty(await TeControlerenAsync());
        var team = await TeamAsync();
        Assert.Equal((2, 0), (team.GetProperty("openAfspraken").GetInt32(), team.GetProperty("afsprakenTeLaat").GetInt32()));

        // Midnight passes: the werklijst sees the new day and reads the afspraken whose deadline came.
        _klok.Advance(TimeSpan.FromHours(14));
        await CampagneOmgeving.WachtTotAsync(async () => (await TeControlerenAsync()).Count == 1, "de afspraak kwam niet op de werklijst toen haar deadline kwam", seconden: 20);
        var item = Assert.Single(await TeControlerenAsync());
        var cv = plan.GetProperty("afspraken")[0].GetProperty("id").GetString();
        Assert.Equal(("K1", cv, "afspraak", "aan-de-beurt"), (item.GetProperty("klantnummer").GetString(), item.GetProperty("afspraakId").GetString(),
            item.GetProperty("soort").GetString(), item.GetProperty("status").GetString()));
        Assert.Contains("Cv maken", item.GetProperty("omschrijving").GetString());

        // A day later it is overdue, for the werklijst and in the programmaleider's counts.
        _klok.Advance(TimeSpan.FromDays(1));
        await CampagneOmgeving.WachtTotAsync(async () => (await TeControlerenAsync()).Single().GetProperty("status").GetString() == "te-laat", "de afspraak raakte niet te laat", seconden: 20);
        team = await TeamAsync();
        Assert.Equal((2, 1), (team.GetProperty("openAfspraken").GetInt32(), team.GetProperty("afsprakenTeLaat").GetInt32()));

        (await _km.PostAsJsonAsync($"/api/v1/klanten/K1/plan-van-aanpak/afspraken/{cv}/afronding", new { status = "nagekomen" })).EnsureSuccessStatusCode();
        await CampagneOmgeving.WachtTotAsync(async () => (await TeControlerenAsync()).Count == 0, "de afgeronde afspraak bleef op de werklijst", seconden: 20);

        // A new afspraak due today is on the werklijst at once (the plan grain tells it).
        var vandaag = DateOnly.FromDateTime(_klok.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await ZetAsync("K1", "Werk vinden", Afspraak("Cv maken", "2026-12-01", leefdomein: "werk", id: cv), Afspraak("Vacatures zoeken", "2026-12-20",
            id: plan.GetProperty("afspraken")[1].GetProperty("id").GetString()), Afspraak("Bellen met het uitzendbureau", vandaag));
        await CampagneOmgeving.WachtTotAsync(async () => (await TeControlerenAsync()).Count == 1, "een afspraak voor vandaag kwam niet op de werklijst", seconden: 20);
        team = await TeamAsync();
        Assert.Equal((2, 0), (team.GetProperty("openAfspraken").GetInt32(), team.GetProperty("afsprakenTeLaat").GetInt32()));
    }

    [Fact]
    public async Task Het_plan_is_af_te_drukken_als_HTML_en_als_echte_PDF_en_elke_inzage_staat_in_de_auditlog()
    {
        await ZetAsync("K1", "Betaald werk in de zorg", Afspraak("Cv maken <b>vandaag</b>", "2026-12-10", leefdomein: "werk"),
            Afspraak("Intake leerwerktraject", "2026-12-14", wie: "partner", partner: "re-integratiepartner"));

        var html = await _km.GetAsync("/api/v1/klanten/K1/plan-van-aanpak.html");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var tekst = await html.Content.ReadAsStringAsync();
        Assert.Contains("Betaald werk in de zorg", tekst);
        Assert.Contains("Cv maken &lt;b&gt;vandaag&lt;/b&gt;", tekst);
        Assert.Contains("Re-integratiepartner", tekst);
        Assert.Contains("href=\"/css/afdruk.css\"", tekst);
        Assert.DoesNotContain("<style", tekst, StringComparison.Ordinal);

        var pdf = await _km.GetAsync("/api/v1/klanten/K1/plan-van-aanpak.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
        using var document = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        Assert.True(document.PageCount >= 1);
        var inhoud = string.Join("\n", Enumerable.Range(0, document.PageCount).Select(i => Tekst(ContentReader.ReadContent(document.Pages[i]))));
        Assert.Contains("Betaald werk in de zorg", inhoud);
        Assert.Contains("Uw plan van aanpak", inhoud);

        // Every read and change of the plan is in the audit log, with the client as betrokkene.
        var regels = (await (await _beheerder.GetAsync("/api/v1/auditlog?maximaal=1000&betrokkene=klant%20K1")).LeesAsync()).EnumerateArray()
            .Select(r => (r.GetProperty("regel").GetProperty("verwerking").GetString(), r.GetProperty("regel").GetProperty("actie").GetString())).ToList();
        Assert.Contains(("plan van aanpak vaststellen", "wijzigen"), regels);
        Assert.Equal(2, regels.Count(r => r == ("plan van aanpak afdrukken", "lezen")));
    }

    /// <summary>The text a PDF page shows, from its content stream's string operands (WinAnsi text, one line per operand).</summary>
    private static string Tekst(CObject inhoud) => inhoud switch
    {
        CSequence reeks => string.Join("", reeks.Select(Tekst)),
        COperator op => string.Join("", op.Operands.Select(Tekst)) + (op.OpCode.Name is "Tj" or "TJ" ? "\n" : ""),
        CString s => s.Value,
        _ => "",
    };

    private async Task<List<JsonElement>> TeControlerenAsync() =>
        [.. (await _km.GetFromJsonAsync<JsonElement>("/api/v1/klantmanagers/KM001/werklijst")).GetProperty("afsprakenTeControleren").EnumerateArray()];

    private async Task<JsonElement> TeamAsync() =>
        (await _programmaleider.GetFromJsonAsync<JsonElement>("/api/v1/herbeoordelingen/team")).GetProperty("klantmanagers").EnumerateArray()
            .Single(r => r.GetProperty("klantmanager").GetString() == "KM001");
}
