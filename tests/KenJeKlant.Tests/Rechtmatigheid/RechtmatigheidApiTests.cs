using System.Net;
using System.Net.Http.Json;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Storage;
using Npgsql;

namespace KenJeKlant.Tests.Rechtmatigheid;

/// <summary>
/// A rechtmatigheidssignaal through the real host on PostgreSQL: raised by the client's own klantmanager with facts
/// (others 403, fields named on 400, an aanleiding outside the configured list refused), then handhaving's own steps
/// in order (409 otherwise), its own oproep letter (art. 17/54) in the outbox, apart from the gesprek letters.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class RechtmatigheidApiTests : IAsyncLifetime
{
    private KenJeKlantApp _app = null!;
    private HttpClient _km = null!, _ander = null!, _handhaving = null!;

    public async Task InitializeAsync()
    {
        _app = await KenJeKlantApp.StartAsync("rechtmatigheid", new Dictionary<string, string>
        {
            ["Beleid:Rechtmatigheid:Aanleidingen:0"] = "inkomsten niet gemeld",
            ["Beleid:Rechtmatigheid:Aanleidingen:1"] = "woonsituatie",
        });
        using var beheerder = await _app.AlsAsync("beheerder");
        await beheerder.ZetKlantmanagersAsync("KM001", "KM002");
        await beheerder.ImporteerGoedAsync(Csv.Bestand(Csv.Regel("K1", bsn: "111222333"), Csv.Regel("K2", bsn: "123456782", naam: "Bram Bakker", klantmanager: "KM002")));
        (_km, _ander, _handhaving) = (await _app.KlantmanagerAsync("KM001"), await _app.KlantmanagerAsync("KM002"), await _app.AlsAsync("handhaving"));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task De_eigen_klantmanager_meldt_met_feiten_en_handhaving_doorloopt_onderzoek_horen_conclusie_in_volgorde()
    {
        var melding = new { aanleiding = "woonsituatie", feiten = "Post voor een tweede bewoner op het adres (huisbezoek 2 december).", toelichting = "Mogelijk een gezamenlijke huishouding." };

        // Not the client's own klantmanager, nor handhaving: 403, nothing stored.
        Assert.Equal(HttpStatusCode.Forbidden, (await _ander.PostAsJsonAsync("/api/v1/klanten/K1/rechtmatigheidssignalen", melding)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _handhaving.PostAsJsonAsync("/api/v1/klanten/K1/rechtmatigheidssignalen", melding)).StatusCode);

        var leeg = await _km.PostAsJsonAsync("/api/v1/klanten/K1/rechtmatigheidssignalen", new { aanleiding = "woonsituatie" });
        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (leeg.StatusCode, leeg.Content.Headers.ContentType?.MediaType));
        var fouten = (await leeg.LeesAsync()).GetProperty("errors");
        Assert.True(fouten.TryGetProperty("feiten", out _) && fouten.TryGetProperty("toelichting", out _), fouten.ToString());
        var onbekend = await _km.PostAsJsonAsync("/api/v1/klanten/K1/rechtmatigheidssignalen", melding with { aanleiding = "nationaliteit" });
        Assert.Equal(HttpStatusCode.BadRequest, onbekend.StatusCode);
        Assert.Contains("woonsituatie", (await onbekend.LeesAsync()).GetProperty("errors").GetProperty("aanleiding")[0].GetString(), StringComparison.Ordinal);
        var score = await _km.PostAsJsonAsync("/api/v1/klanten/K1/rechtmatigheidssignalen", new { melding.aanleiding, melding.feiten, melding.toelichting, risicoscore = 0.9 });
        Assert.Equal(HttpStatusCode.BadRequest, score.StatusCode);
        Assert.Equal(0, (await _handhaving.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/rechtmatigheidssignalen")).GetArrayLength());

        var gemeld = await _km.PostAsJsonAsync("/api/v1/klanten/K1/rechtmatigheidssignalen", melding);
        Assert.Equal(HttpStatusCode.Created, gemeld.StatusCode);
        var zaak = await gemeld.LeesAsync();
        var id = zaak.GetProperty("id").GetGuid();
        Assert.Equal(("gemeld", "km-km001"), (zaak.GetProperty("status").GetString(), zaak.GetProperty("gemeld").GetProperty("door").GetString()));

        // Handhaving's own queue: the facts given, the client's name; no BSN.
        var lijst = await _handhaving.GetAsync("/api/v1/rechtmatigheidssignalen?status=gemeld");
        var tekst = await lijst.Content.ReadAsStringAsync();
        Assert.Contains("Post voor een tweede bewoner", tekst, StringComparison.Ordinal);
        Assert.Contains("Anna de Vries", tekst, StringComparison.Ordinal);
        Assert.DoesNotContain("111222333", tekst, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await _km.GetAsync("/api/v1/rechtmatigheidssignalen")).StatusCode);

        // Out of order: 409 saying why.
        var teVroegHoren = await Post(id, "horen", new { moment = DateTimeOffset.UtcNow.AddDays(7), toelichting = "oproepen" });
        Assert.Equal(HttpStatusCode.Conflict, teVroegHoren.StatusCode);
        Assert.Contains("Start eerst het onderzoek", (await teVroegHoren.LeesAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var teVroegConclusie = await Post(id, "conclusie", new { soort = "geen-gevolgen", toelichting = "klaar" });
        Assert.Equal(HttpStatusCode.Conflict, teVroegConclusie.StatusCode);
        Assert.Contains("Roep de klant eerst op", (await teVroegConclusie.LeesAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        await Ok(id, "onderzoek", new { toelichting = "huisbezoek en BRP bekijken" });
        Assert.Equal(HttpStatusCode.Conflict, (await Post(id, "onderzoek", new { toelichting = "nog eens" })).StatusCode);
        var verleden = await Post(id, "horen", new { moment = DateTimeOffset.UtcNow.AddDays(-1), toelichting = "oproepen" });
        Assert.Equal(HttpStatusCode.Conflict, verleden.StatusCode);
        Assert.True((await verleden.LeesAsync()).GetProperty("errors").TryGetProperty("moment", out _));
        var horen = await (await Ok(id, "horen", new { moment = DateTimeOffset.UtcNow.AddDays(7), toelichting = "klant horen over de woonsituatie" })).LeesAsync();
        Assert.Equal("horen", horen.GetProperty("status").GetString());
        var briefId = horen.GetProperty("horen").GetProperty("oproepBriefId").GetGuid();

        var oproep = await _handhaving.GetAsync($"/api/v1/rechtmatigheidssignalen/{id}/oproep.html");
        Assert.Equal(HttpStatusCode.OK, oproep.StatusCode);
        var html = WebUtility.HtmlDecode(await oproep.Content.ReadAsStringAsync());
        Assert.Contains("Oproep: gesprek over uw recht op bijstand", html, StringComparison.Ordinal);
        Assert.Contains("Gemeente Haarlem", html, StringComparison.Ordinal); // the one gemeente of this installation sends it
        Assert.Contains("artikel 17 van de Participatiewet", html, StringComparison.Ordinal);
        Assert.Contains("artikel 54", html, StringComparison.Ordinal);
        Assert.Contains("Dit gesprek gaat niet over werk of meedoen.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("artikel 9", html, StringComparison.Ordinal);

        var conclusie = await (await Ok(id, "conclusie", new { soort = "terugvordering-voorgesteld", toelichting = "samenwonen aannemelijk; voorstel aan team terugvordering" })).LeesAsync();
        Assert.Equal(("afgerond", "terugvordering-voorgesteld"), (conclusie.GetProperty("status").GetString(), conclusie.GetProperty("conclusie").GetProperty("soort").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await Post(id, "conclusie", new { soort = "geen-gevolgen", toelichting = "toch niet" })).StatusCode);

        // Its own letter kind in the outbox: no gesprek, no campaign, apart from the re-integratie letters.
        await using var db = NpgsqlDataSource.Create(_app.ConnectionString);
        await using var cmd = db.CreateCommand("SELECT soort, gesprek_id IS NULL, rechtmatigheidssignaal_id FROM bericht WHERE id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = briefId });
        await using var l = await cmd.ExecuteReaderAsync();
        Assert.True(await l.ReadAsync());
        Assert.Equal(("rechtmatigheidsoproep", true, id), (l.GetString(0), l.GetBoolean(1), l.GetGuid(2)));

        using var beheerder = await _app.AlsAsync("beheerder");
        var log = await (await beheerder.GetAsync("/api/v1/auditlog?betrokkene=klant%20K1")).LeesAsync();
        var verwerkingen = log.EnumerateArray().Select(e => e.GetProperty("regel").GetProperty("verwerking").GetString()).ToList();
        Assert.Contains("rechtmatigheidssignaal melden", verwerkingen);
        Assert.Contains("rechtmatigheidszaak behandelen", verwerkingen);
        Assert.Contains("rechtmatigheidsoproep inzien", verwerkingen);
    }

    private Task<HttpResponseMessage> Post(Guid id, string stap, object body) =>
        _handhaving.PostAsJsonAsync($"/api/v1/rechtmatigheidssignalen/{id}/{stap}", body);

    private async Task<HttpResponseMessage> Ok(Guid id, string stap, object body)
    {
        var antwoord = await Post(id, stap, body);
        Assert.True(antwoord.IsSuccessStatusCode, $"{stap}: {(int)antwoord.StatusCode} {await antwoord.Content.ReadAsStringAsync()}");
        return antwoord;
    }
}
