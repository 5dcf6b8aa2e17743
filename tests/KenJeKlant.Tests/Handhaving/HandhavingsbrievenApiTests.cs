using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Storage;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace KenJeKlant.Tests.Handhaving;

/// <summary>
/// The voornemen and besluit letters through the real host on PostgreSQL, in the domain's fake time: what they say
/// (the zienswijze term and the bezwaarclausule for the dates they were sent), that they land in the outbox and the
/// review refers to them, and each refusal with its reason.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class HandhavingsbrievenApiTests : IAsyncLifetime
{
    private const string Bezwaaradres = "Gemeente Teststad, team Bezwaar, Postbus 42, 1234 AB Teststad";
    private static readonly Guid Gesprek1 = Guid.NewGuid(), Gesprek2 = Guid.NewGuid(), Signaal = Guid.NewGuid();

    // A Monday after the signal was made (the signal is put in the tables at the real now, minus a day).
    private readonly FakeTimeProvider _klok = new(new DateTimeOffset(2027, 1, 4, 10, 0, 0, TimeSpan.Zero));
    private KenJeKlantApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var db = await Infrastructure.PostgresServer.CreateDatabaseAsync("hhbrief");
        _app = MaakApp(db, _klok);
        using var beheerder = await _app.AlsAsync("beheerder");
        _client = await _app.AlsAsync("handhaving");
        await beheerder.ZetKlantmanagersAsync("KM001");
        await beheerder.ImporteerGoedAsync(Csv.Bestand(Csv.Regel("K1", bsn: "111222333")));
        await SignaalInTabellen.LegKlaarAsync(_app.ConnectionString, Gesprek1, Gesprek2, Signaal);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static KenJeKlantApp MaakApp(string db, FakeTimeProvider klok) => new(db, $"test-{Guid.NewGuid():N}", new Dictionary<string, string>
    {
        ["Beleid:Handhaving:Bezwaaradres"] = Bezwaaradres,
        ["Beleid:Handhaving:ZienswijzeTermijnDagen"] = "14",
    }) { DomeinKlok = klok };

    [Fact]
    public async Task Een_maatregel_gaat_met_voornemen_zienswijzetermijn_en_besluitbrief_met_bezwaarclausule()
    {
        await TotHorenAsync();
        var tevroeg = await Post("voornemen", new { soort = "voorstel-maatregel", percentage = 20, duurMaanden = 1, toelichting = "art. 18" });
        Assert.Equal(HttpStatusCode.Conflict, tevroeg.StatusCode);
        Assert.Contains("Beoordeel eerst", await DetailAsync(tevroeg), StringComparison.Ordinal);
        await Ok("beoordeling", new { verwijtbaarheid = "verwijtbaar", dringendeRedenen = false, toelichting = "uitnodiging ontvangen, geen reden gegeven" });

        // The shape of the body: a voornemen is only for a waarschuwing or maatregel, a maatregel names its percentage.
        var geenMaatregel = await Post("voornemen", new { soort = "geen-maatregel", toelichting = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, geenMaatregel.StatusCode);
        Assert.True((await geenMaatregel.LeesAsync()).GetProperty("errors").TryGetProperty("soort", out _));
        var zonderPercentage = await Post("voornemen", new { soort = "voorstel-maatregel", duurMaanden = 1, toelichting = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, zonderPercentage.StatusCode);
        Assert.True((await zonderPercentage.LeesAsync()).GetProperty("errors").TryGetProperty("percentage", out _));
        var onbekendVeld = await Post("voornemen", new { soort = "waarschuwing", toelichting = "x", datum = "2027-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, onbekendVeld.StatusCode);
        var zonderBesluit = await Post("besluitbrief", new { toelichting = "versturen" });
        Assert.Equal(HttpStatusCode.Conflict, zonderBesluit.StatusCode);
        Assert.Contains("Neem eerst het besluit", await DetailAsync(zonderBesluit), StringComparison.Ordinal);

        var voornemen = (await (await Ok("voornemen", new { soort = "voorstel-maatregel", percentage = 20, duurMaanden = 1, toelichting = "tweede keer niet gekomen zonder bericht" })).LeesAsync())
            .GetProperty("voornemen");
        Assert.Equal(("2027-01-04", "2027-01-18", "voorstel-maatregel"), (voornemen.GetProperty("briefdatum").GetString(),
            voornemen.GetProperty("zienswijzeTotEnMet").GetString(), voornemen.GetProperty("soort").GetString()));
        var voornemenId = voornemen.GetProperty("briefId").GetGuid();
        var nogmaals = await Post("voornemen", new { soort = "waarschuwing", toelichting = "nog een" });
        Assert.Equal(HttpStatusCode.Conflict, nogmaals.StatusCode);
        Assert.Contains("al verstuurd op 04-01-2027", await DetailAsync(nogmaals), StringComparison.Ordinal);

        var html = await HtmlAsync(voornemenId);
        Assert.Contains("Wij zijn van plan uw uitkering tijdelijk te verlagen", html, StringComparison.Ordinal);
        Assert.Contains("1 maand met 20%", html, StringComparison.Ordinal);
        Assert.Contains("Reageer uiterlijk op 18 januari 2027.", html, StringComparison.Ordinal);
        Assert.Contains("zienswijze", html, StringComparison.Ordinal);
        Assert.Contains("Anna de Vries", html, StringComparison.Ordinal);
        Assert.Contains("uitnodiging ontvangen, geen reden gegeven", html, StringComparison.Ordinal);
        Assert.DoesNotContain("111222333", html, StringComparison.Ordinal);
        Assert.DoesNotContain("bezwaar maken binnen", html, StringComparison.Ordinal);

        await Ok("besluit", new { soort = "voorstel-maatregel", percentage = 20, duurMaanden = 1, toelichting = "geen zienswijze ontvangen; art. 18: 20% een maand" });
        // Inside the zienswijze term: the letter waits, and the refusal says until when.
        var binnenTermijn = await Post("besluitbrief", new { toelichting = "versturen" });
        Assert.Equal(HttpStatusCode.Conflict, binnenTermijn.StatusCode);
        Assert.Equal("De klant mag tot en met 18-01-2027 een zienswijze geven; de besluitbrief kan vanaf 19-01-2027.", await DetailAsync(binnenTermijn));
        _klok.Advance(TimeSpan.FromDays(14)); // 18 January: the last day of the term
        Assert.Equal(HttpStatusCode.Conflict, (await Post("besluitbrief", new { toelichting = "versturen" })).StatusCode);
        _klok.Advance(TimeSpan.FromDays(1)); // 19 January

        var terug = await Post("besluitbrief", new { ingangsdatum = "2027-01-01", toelichting = "versturen" });
        Assert.Equal(HttpStatusCode.Conflict, terug.StatusCode);
        Assert.True((await terug.LeesAsync()).GetProperty("errors").TryGetProperty("ingangsdatum", out _));
        var brief = (await (await Ok("besluitbrief", new { ingangsdatum = "2027-02-01", toelichting = "termijn verstreken" })).LeesAsync()).GetProperty("besluitbrief");
        Assert.Equal(("2027-01-19", "2027-02-01", "2027-03-02"), (brief.GetProperty("briefdatum").GetString(),
            brief.GetProperty("ingangsdatum").GetString(), brief.GetProperty("bezwaarTotEnMet").GetString()));
        var besluitId = brief.GetProperty("briefId").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await Post("besluitbrief", new { toelichting = "nog eens" })).StatusCode);

        var besluit = await HtmlAsync(besluitId);
        Assert.Contains("Besluit: wij verlagen uw uitkering tijdelijk", besluit, StringComparison.Ordinal);
        Assert.Contains("De verlaging begint op 1 februari 2027 en duurt 1 maand.", besluit, StringComparison.Ordinal);
        Assert.Contains("binnen zes weken na de datum van deze brief", besluit, StringComparison.Ordinal);
        Assert.Contains("Uw bezwaar moet uiterlijk op 2 maart 2027 bij ons zijn.", besluit, StringComparison.Ordinal);
        Assert.Contains(Bezwaaradres, besluit, StringComparison.Ordinal);
        Assert.Contains("U kon tot en met 18 januari 2027 reageren.", besluit, StringComparison.Ordinal);
        Assert.Contains("geen zienswijze ontvangen; art. 18: 20% een maand", besluit, StringComparison.Ordinal);
        Assert.Contains("Datum: 19 januari 2027", besluit, StringComparison.Ordinal);

        var pdf = await _client.GetAsync($"/api/v1/handhavingssignalen/{Signaal}/brieven/{besluitId}.pdf");
        Assert.Equal((HttpStatusCode.OK, "application/pdf"), (pdf.StatusCode, pdf.Content.Headers.ContentType?.MediaType));
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..5], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/handhavingssignalen/{Signaal}/brieven/{Guid.NewGuid()}.html")).StatusCode);

        // Both letters are in the outbox as sent, on the signal's gesprek; the review refers to them.
        var berichten = new List<(Guid, string, string, Guid)>();
        await using (var db = NpgsqlDataSource.Create(_app.ConnectionString))
        await using (var cmd = db.CreateCommand("SELECT id, soort, status, gesprek_id FROM bericht WHERE inhoud IS NOT NULL ORDER BY verzend_op"))
        await using (var l = await cmd.ExecuteReaderAsync())
            while (await l.ReadAsync()) berichten.Add((l.GetGuid(0), l.GetString(1), l.GetString(2), l.GetGuid(3)));
        Assert.Equal([(voornemenId, "voornemen", "verzonden", Gesprek2), (besluitId, "besluit", "verzonden", Gesprek2)], berichten);
        var detail = await (await _client.GetAsync($"/api/v1/handhavingssignalen/{Signaal}")).LeesAsync();
        Assert.Equal(voornemenId, detail.GetProperty("review").GetProperty("voornemen").GetProperty("briefId").GetGuid());
        Assert.Equal(besluitId, detail.GetProperty("review").GetProperty("besluitbrief").GetProperty("briefId").GetGuid());

        using var beheerder = await _app.AlsAsync("beheerder");
        var log = await (await beheerder.GetAsync("/api/v1/auditlog?betrokkene=klant%20K1")).LeesAsync();
        var verwerkingen = log.EnumerateArray().Select(e => e.GetProperty("regel").GetProperty("verwerking").GetString()).ToList();
        Assert.Equal(2, verwerkingen.Count(v => v == "handhavingsbrief versturen"));
        Assert.Contains("handhavingsbrief inzien", verwerkingen);
    }

    [Fact]
    public async Task Een_waarschuwing_zonder_voornemen_krijgt_geen_besluitbrief_geen_maatregel_wel_direct()
    {
        await TotHorenAsync();
        await Ok("beoordeling", new { verwijtbaarheid = "verminderd-verwijtbaar", dringendeRedenen = false, toelichting = "verwarring over de datum" });
        await Ok("besluit", new { soort = "waarschuwing", toelichting = "eerste keer: waarschuwing" });
        var zonderVoornemen = await Post("besluitbrief", new { toelichting = "versturen" });
        Assert.Equal(HttpStatusCode.Conflict, zonderVoornemen.StatusCode);
        Assert.StartsWith("Er is nog geen voornemen verstuurd.", await DetailAsync(zonderVoornemen), StringComparison.Ordinal);
        var naBesluit = await Post("voornemen", new { soort = "waarschuwing", toelichting = "alsnog" });
        Assert.Equal(HttpStatusCode.Conflict, naBesluit.StatusCode);
        Assert.Contains("al besloten", await DetailAsync(naBesluit), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Geen_maatregel_sluit_de_zaak_met_een_besluitbrief_zonder_voornemen()
    {
        await Ok("behandeling", new { toelichting = "opgepakt" });
        await Ok("bezorging", new { bezorgd = false, toelichting = "brief kwam retour" });
        await Ok("besluit", new { soort = "geen-maatregel", toelichting = "uitnodiging niet ontvangen" });
        var brief = (await (await Ok("besluitbrief", new { toelichting = "zaak sluiten" })).LeesAsync()).GetProperty("besluitbrief");
        Assert.Equal(("2027-01-04", "2027-01-04", "2027-02-15"), (brief.GetProperty("briefdatum").GetString(),
            brief.GetProperty("ingangsdatum").GetString(), brief.GetProperty("bezwaarTotEnMet").GetString()));
        var html = await HtmlAsync(brief.GetProperty("briefId").GetGuid());
        Assert.Contains("Besluit: u krijgt geen maatregel", html, StringComparison.Ordinal);
        Assert.Contains("uitnodiging niet ontvangen", html, StringComparison.Ordinal);
        Assert.Contains("Uw bezwaar moet uiterlijk op 15 februari 2027 bij ons zijn.", html, StringComparison.Ordinal);
        Assert.Contains(Bezwaaradres, html, StringComparison.Ordinal);
        Assert.DoesNotContain("U kon tot en met", html, StringComparison.Ordinal);
    }

    private async Task TotHorenAsync()
    {
        await Ok("behandeling", new { toelichting = "opgepakt" });
        await Ok("bezorging", new { bezorgd = true, toelichting = "adres klopt, geen retourpost" });
        await Ok("contactpogingen", new { kanaal = "telefoon", bereikt = true, toelichting = "klant gebeld" });
        await Ok("zienswijze", new { soort = "mondeling", samenvatting = "Vergeten.", toelichting = "telefonisch gehoord" });
    }

    private async Task<string> HtmlAsync(Guid briefId)
    {
        var antwoord = await _client.GetAsync($"/api/v1/handhavingssignalen/{Signaal}/brieven/{briefId}.html");
        Assert.Equal((HttpStatusCode.OK, "text/html"), (antwoord.StatusCode, antwoord.Content.Headers.ContentType?.MediaType));
        return System.Net.WebUtility.HtmlDecode(await antwoord.Content.ReadAsStringAsync());
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage antwoord) => (await antwoord.LeesAsync()).GetProperty("detail").GetString();

    private Task<HttpResponseMessage> Post(string stap, object body) =>
        _client.PostAsJsonAsync($"/api/v1/handhavingssignalen/{Signaal}/{stap}", body);

    private async Task<HttpResponseMessage> Ok(string stap, object body)
    {
        var antwoord = await Post(stap, body);
        Assert.True(antwoord.IsSuccessStatusCode, $"{stap}: {(int)antwoord.StatusCode} {await antwoord.Content.ReadAsStringAsync()}");
        return antwoord;
    }
}
