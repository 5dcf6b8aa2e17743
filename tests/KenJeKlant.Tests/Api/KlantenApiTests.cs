using System.Net;
using System.Net.Http.Json;

using KenJeKlant.Tests.Storage;

namespace KenJeKlant.Tests.Api;

[Collection(SerialOrleansClusters.Name)]
public sealed class KlantenApiTests : IAsyncLifetime
{
    private KenJeKlantApp _app = null!;
    private Medewerkers _als = null!;

    public async Task InitializeAsync() => (_app, _als) = await VierKlanten.StartAsync("klanten");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Een_geweigerde_overgang_is_een_problem_json_dat_zegt_waarom()
    {
        var antwoord = await _als.Km001.PostAsJsonAsync("/api/v1/klanten/K1/routes", new { route = "leerwerktraject" });

        Assert.Equal(HttpStatusCode.Conflict, antwoord.StatusCode);
        Assert.Equal("application/problem+json", antwoord.Content.Headers.ContentType?.MediaType);
        var probleem = await antwoord.LeesAsync();
        Assert.Contains("leg eerst de indeling", probleem.GetProperty("detail").GetString());
        Assert.Equal(409, probleem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Een_traject_vastleggen_komt_in_dossier_en_lijst()
    {
        (await _als.Km001.PostAsJsonAsync("/api/v1/klanten/K2/indelingen", new { indeling = "zonder-afstand" })).EnsureSuccessStatusCode();
        (await _als.Km001.PostAsJsonAsync("/api/v1/klanten/K2/tredemetingen", new { trede = 4 })).EnsureSuccessStatusCode();
        (await _als.Km001.PostAsJsonAsync("/api/v1/klanten/K2/routes", new { route = "directe bemiddeling" })).EnsureSuccessStatusCode();

        var lijst = await (await _als.Km001.GetAsync("/api/v1/klanten?indeling=zonder-afstand")).LeesAsync();
        var klant = Assert.Single(lijst.GetProperty("klanten").EnumerateArray());
        Assert.Equal("K2", klant.GetProperty("klantnummer").GetString());
        Assert.Equal(4, klant.GetProperty("trede").GetInt32());
        Assert.Equal("directe bemiddeling", klant.GetProperty("route").GetString());
        Assert.False(klant.TryGetProperty("bsn", out _));
    }

    [Fact]
    public async Task Mijn_klanten_filtert_op_route_herbeoordeling_en_open_afspraken()
    {
        (await _als.Km001.PostAsJsonAsync("/api/v1/klanten/K2/indelingen", new { indeling = "overbrugbare-afstand" })).EnsureSuccessStatusCode();
        (await _als.Km001.PostAsJsonAsync("/api/v1/klanten/K2/routes", new { route = "leerwerktraject" })).EnsureSuccessStatusCode();
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var plan = await _als.Km001.PutAsJsonAsync("/api/v1/klanten/K4/plan-van-aanpak", new
        {
            doel = "Werk zoeken in de zorg",
            afspraken = new[] { new { omschrijving = "Twee sollicitaties per maand", wie = "klant", deadline } },
        });
        Assert.True(plan.IsSuccessStatusCode, await plan.Content.ReadAsStringAsync());

        async Task<string[]> Klanten(string query) =>
            [.. (await (await _als.Km001.GetAsync("/api/v1/klanten?" + query)).LeesAsync()).GetProperty("klanten").EnumerateArray().Select(k => k.GetProperty("klantnummer").GetString()!)];

        Assert.Equal(["K2"], await Klanten("route=Leerwerktraject"));
        Assert.Equal(["K4"], await Klanten("openAfspraken=true"));
        Assert.Equal(["K1", "K2"], await Klanten("openAfspraken=false"));
        // Each client is in exactly the herbeoordeling list its own row says; K2 was just assessed, so not due yet.
        var alle = (await (await _als.Km001.GetAsync("/api/v1/klanten")).LeesAsync()).GetProperty("klanten").EnumerateArray()
            .ToDictionary(k => k.GetProperty("klantnummer").GetString()!, k => k.GetProperty("herbeoordelingGemeld").ValueKind == System.Text.Json.JsonValueKind.Null
                ? (k.GetProperty("herbeoordelingDatum").ValueKind == System.Text.Json.JsonValueKind.Null ? null : "gepland")
                : k.GetProperty("herbeoordelingGemeld").GetString());
        Assert.Equal("gepland", alle["K2"]);
        foreach (var status in new[] { "gepland", "aan-de-beurt", "te-laat" })
            Assert.Equal(alle.Where(k => k.Value == status).Select(k => k.Key).Order(StringComparer.Ordinal), await Klanten("herbeoordeling=" + status));
        Assert.Equal(HttpStatusCode.BadRequest, (await _als.Km001.GetAsync("/api/v1/klanten?herbeoordeling=morgen")).StatusCode);
    }

    [Fact]
    public async Task De_lijst_filtert_en_pagineert_met_links()
    {
        var pagina = await (await _als.Km001.GetAsync("/api/v1/klanten?klantmanager=KM001&pageSize=2")).LeesAsync();

        Assert.Equal(3, pagina.GetProperty("totaal").GetInt64());
        Assert.Equal(["K1", "K2"], pagina.GetProperty("klanten").EnumerateArray().Select(k => k.GetProperty("klantnummer").GetString()));
        var volgende = pagina.GetProperty("_links").GetProperty("next").GetProperty("href").GetString();
        var tweede = await (await _als.Km001.GetAsync(volgende)).LeesAsync();
        Assert.Equal(["K4"], tweede.GetProperty("klanten").EnumerateArray().Select(k => k.GetProperty("klantnummer").GetString()));

        var zoek = await (await _als.Km001.GetAsync("/api/v1/klanten?zoek=jansen")).LeesAsync();
        Assert.Equal("K4", Assert.Single(zoek.GetProperty("klanten").EnumerateArray()).GetProperty("klantnummer").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await _als.Km001.GetAsync("/api/v1/klanten?pageSize=1000")).StatusCode);
    }

    [Fact]
    public async Task Een_klantmanager_zonder_naam_wordt_geweigerd()
    {
        var antwoord = await _als.Beheerder.PutAsJsonAsync("/api/v1/klantmanagers/KM003", new { naam = " " });
        Assert.Equal(HttpStatusCode.BadRequest, antwoord.StatusCode);
        Assert.Equal("application/problem+json", antwoord.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Een_klant_buiten_de_caseload_bestaand_of_niet_geeft_hetzelfde_403_problem_json()
    {
        // The answer must not tell a klantmanager which klantnummers exist outside their caseload.
        var onbekend = await _als.Km001.GetAsync("/api/v1/klanten/BESTAATNIET");
        var vanCollega = await _als.Km001.GetAsync("/api/v1/klanten/K3");
        Assert.Equal(HttpStatusCode.Forbidden, onbekend.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, vanCollega.StatusCode);
        Assert.Equal("application/problem+json", onbekend.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await _als.Km002.GetAsync("/api/v1/klanten/K3")).StatusCode);
    }

    [Fact]
    public async Task De_lijst_van_een_klantmanager_is_alleen_de_eigen_caseload()
    {
        var eigen = await (await _als.Km002.GetAsync("/api/v1/klanten")).LeesAsync();
        Assert.Equal(["K3"], eigen.GetProperty("klanten").EnumerateArray().Select(k => k.GetProperty("klantnummer").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await _als.Km002.GetAsync("/api/v1/klanten?klantmanager=KM001")).StatusCode);
    }

    [Fact]
    public async Task Waarnemen_geeft_de_caseload_van_een_collega_tot_en_met_de_einddatum()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _als.Km002.GetAsync("/api/v1/klanten/K1")).StatusCode);
        (await _als.Beheerder.PutAsJsonAsync("/api/v1/klantmanagers/KM001/vervanging",
            new { vervanger = "KM002", tot = DateOnly.FromDateTime(DateTime.Today.AddDays(7)) })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.OK, (await _als.Km002.GetAsync("/api/v1/klanten/K1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _als.Km002.GetAsync("/api/v1/klantmanagers/KM001/werklijst")).StatusCode);
        var lijst = await (await _als.Km002.GetAsync("/api/v1/klanten")).LeesAsync();
        Assert.Equal(4, lijst.GetProperty("totaal").GetInt64());

        (await _als.Beheerder.PutAsJsonAsync("/api/v1/klantmanagers/KM001/vervanging",
            new { vervanger = "KM002", tot = DateOnly.FromDateTime(DateTime.Today.AddDays(-1)) })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Forbidden, (await _als.Km002.GetAsync("/api/v1/klanten/K1")).StatusCode);
    }

    [Fact]
    public async Task Het_dossier_toont_het_BSN_gemaskeerd_en_het_volledige_BSN_is_een_eigen_gelogde_inzage()
    {
        var dossier = await (await _als.Km001.GetAsync("/api/v1/klanten/K1")).LeesAsync();
        var gemaskeerd = dossier.GetProperty("profiel").GetProperty("bsn").GetString()!;
        Assert.Matches("^\\*{6}[0-9]{3}$", gemaskeerd);

        var bsn = (await (await _als.Km001.GetAsync("/api/v1/klanten/K1/bsn")).LeesAsync()).GetProperty("bsn").GetString()!;
        Assert.Matches("^[0-9]{9}$", bsn);
        Assert.EndsWith(gemaskeerd[^3..], bsn);

        var log = await (await _als.Beheerder.GetAsync("/api/v1/auditlog?betrokkene=klant%20K1")).LeesAsync();
        Assert.Contains(log.EnumerateArray(), r => r.GetProperty("regel").GetProperty("verwerking").GetString() == "BSN inzien"
            && r.GetProperty("regel").GetProperty("actor").GetString() == "km-km001");
    }

    [Fact]
    public async Task Werklijst_en_teamoverzicht_tonen_de_herbeoordelingen_die_te_laat_zijn()
    {
        // Every client in the test export started in 2019 and was never spoken to: overdue for a first gesprek.
        var werklijst = await (await _als.Km001.GetAsync("/api/v1/klantmanagers/KM001/werklijst")).LeesAsync();
        Assert.Equal(["K1", "K2", "K4"], werklijst.GetProperty("herbeoordelingenTeLaat").EnumerateArray().Select(i => i.GetProperty("klantnummer").GetString()));

        // Refused with the field it is about, and nothing changes.
        var verleden = await _als.Km001.PostAsJsonAsync("/api/v1/klanten/K1/herbeoordeling", new { datum = new DateOnly(2020, 3, 1), reden = "na verhuizing" });
        Assert.Equal(HttpStatusCode.Conflict, verleden.StatusCode);
        Assert.Equal("application/problem+json", verleden.Content.Headers.ContentType?.MediaType);
        Assert.Equal("De datum 01-03-2020 ligt in het verleden.", (await verleden.LeesAsync()).GetProperty("errors").GetProperty("datum")[0].GetString());
        var zonderReden = await _als.Km001.PostAsJsonAsync("/api/v1/klanten/K1/herbeoordeling", new { datum = DateOnly.FromDateTime(DateTime.Today.AddDays(30)), reden = " " });
        Assert.True((await zonderReden.LeesAsync()).GetProperty("errors").TryGetProperty("reden", out _));
        werklijst = await (await _als.Km001.GetAsync("/api/v1/klantmanagers/KM001/werklijst")).LeesAsync();
        Assert.Equal(3, werklijst.GetProperty("herbeoordelingenTeLaat").GetArrayLength());

        (await _als.Km001.PostAsJsonAsync("/api/v1/klanten/K1/herbeoordeling", new { datum = DateOnly.FromDateTime(DateTime.Today.AddDays(30)), reden = "na verhuizing" })).EnsureSuccessStatusCode();

        var team = await (await _als.Programmaleider.GetAsync("/api/v1/herbeoordelingen/team")).LeesAsync();
        var perKlantmanager = team.GetProperty("klantmanagers").EnumerateArray().ToDictionary(
            k => k.GetProperty("klantmanager").GetString()!, k => (Gepland: k.GetProperty("gepland").GetInt32(), TeLaat: k.GetProperty("teLaat").GetInt32()));
        Assert.Equal((1, 2), perKlantmanager["KM001"]);
        Assert.Equal((0, 1), perKlantmanager["KM002"]);
        Assert.DoesNotContain("naam", team.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Health_meldt_database_en_silo_gezond()
    {
        using var anoniem = _app.CreateClient();
        var health = await (await anoniem.GetAsync("/health")).LeesAsync();
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("postgresql").GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("silo").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Het_OpenAPI_document_beschrijft_de_api()
    {
        using var anoniem = _app.CreateClient();
        var document = await (await anoniem.GetAsync("/api/v1/openapi.json")).LeesAsync();
        var paden = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/klanten", paden);
        Assert.Contains("/api/v1/klanten/{klantnummer}", paden);
        Assert.Contains("/api/v1/bestand", paden);
        // The handhaving letters and the rechtmatigheidssignalen (decision 31).
        Assert.Contains("/api/v1/handhavingssignalen/{id}/voornemen", paden);
        Assert.Contains("/api/v1/handhavingssignalen/{id}/besluitbrief", paden);
        Assert.Contains("/api/v1/handhavingssignalen/{id}/brieven/{briefId}.pdf", paden);
        Assert.Contains("/api/v1/klanten/{klantnummer}/rechtmatigheidssignalen", paden);
        Assert.Contains("/api/v1/rechtmatigheidssignalen/{id}/conclusie", paden);
    }
}
