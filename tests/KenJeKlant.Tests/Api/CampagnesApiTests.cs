using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KenJeKlant.Tests.Storage;

namespace KenJeKlant.Tests.Api;

/// <summary>The campaign endpoints through the real host on PostgreSQL (real time: the gesprekken lie ahead).</summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class CampagnesApiTests : IAsyncLifetime
{
    private KenJeKlantApp _app = null!;
    private Medewerkers _als = null!;

    public async Task InitializeAsync() => (_app, _als) = await VierKlanten.StartAsync("campagnes");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Opzetten_starten_voortgang_brieven_en_een_geweigerde_overgang()
    {
        var gemaakt = await _als.Programmaleider.PostAsJsonAsync("/api/v1/campagnes", new { naam = "Ik doe mee", capaciteit = new
        {
            gesprekkenPerDag = 2, slotMinuten = 60, begintijd = "09:00:00", eindtijd = "17:00:00", werkdagen = new[] { "monday", "wednesday" },
        } });
        Assert.Equal(HttpStatusCode.Created, gemaakt.StatusCode);
        Assert.Equal("/api/v1/campagnes/ik-doe-mee", gemaakt.Headers.Location?.OriginalString);
        Assert.Equal("concept", (await gemaakt.LeesAsync()).GetProperty("status").GetString());

        (await _als.Programmaleider.PostAsync("/api/v1/campagnes/ik-doe-mee/start", null)).EnsureSuccessStatusCode();
        JsonElement voortgang = default;
        await Campagnes.CampagneOmgeving.WachtTotAsync(async () =>
        {
            voortgang = await (await _als.Programmaleider.GetAsync("/api/v1/campagnes/ik-doe-mee/voortgang")).LeesAsync();
            return voortgang.GetProperty("funnel").GetProperty("ingepland").GetInt32() == 4;
        }, "niet iedereen werd ingepland");
        Assert.Equal(4, voortgang.GetProperty("funnel").GetProperty("geselecteerd").GetInt32());
        Assert.DoesNotContain("K1", voortgang.GetRawText(), StringComparison.Ordinal); // aggregates only

        var dubbel = await _als.Programmaleider.PostAsync("/api/v1/campagnes/ik-doe-mee/start", null);
        Assert.Equal(HttpStatusCode.Conflict, dubbel.StatusCode);
        Assert.Contains("alleen als ze concept is", (await dubbel.LeesAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _als.Programmaleider.PostAsync("/api/v1/campagnes/bestaat-niet/pauzeer", null)).StatusCode);

        var csv = await _als.Beheerder.GetAsync("/api/v1/uitnodigingen?status=gepland");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var regels = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id;soort;status;verzenddatum;klantnummer;naam", regels[0], StringComparison.Ordinal);
        Assert.Equal(5, regels.Length);
        var bram = regels.Single(r => r.Contains(";K4;", StringComparison.Ordinal)).Split(';');
        Assert.Equal(("uitnodiging", "gepland", "Bram Jansen"), (bram[1], bram[2], bram[5]));
        Assert.Contains(DateTime.ParseExact(bram[7], "dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture).DayOfWeek, new[] { DayOfWeek.Monday, DayOfWeek.Wednesday });

        var brief = await _als.Beheerder.GetAsync($"/api/v1/uitnodigingen/{bram[0]}/brief");
        Assert.Equal("text/html", brief.Content.Headers.ContentType?.MediaType);
        var html = await brief.Content.ReadAsStringAsync();
        Assert.Contains("Beste Bram Jansen", html, StringComparison.Ordinal);
        Assert.Contains("Kunt u niet komen?", html, StringComparison.Ordinal);
        Assert.Contains("Gemeente Haarlem", html, StringComparison.Ordinal); // the installation's one gemeente sends it
        Assert.Equal(HttpStatusCode.BadRequest, (await _als.Beheerder.GetAsync("/api/v1/uitnodigingen?status=onzin")).StatusCode);
    }

    [Fact]
    public async Task Een_onvolledige_campagne_en_een_onjuiste_uitkomst_krijgen_een_duidelijke_fout()
    {
        var fout = await _als.Programmaleider.PostAsJsonAsync("/api/v1/campagnes", new { naam = "Te kort", uitnodigingDagenVooraf = 2, herinneringDagenVooraf = 5 });
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        // Each message under the request field it is about, so a form can show it next to that field.
        var veldfouten = (await fout.LeesAsync()).GetProperty("errors");
        Assert.Contains("herinnering", veldfouten.GetProperty("herinneringDagenVooraf")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(["herinneringDagenVooraf"], veldfouten.EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.NotFound, (await _als.Programmaleider.GetAsync("/api/v1/campagnes/te-kort")).StatusCode);

        (await _als.Programmaleider.PostAsJsonAsync("/api/v1/campagnes", new { naam = "Statushouders", selectie = new { klantmanager = "KM002" } })).EnsureSuccessStatusCode();
        (await _als.Programmaleider.PostAsync("/api/v1/campagnes/statushouders/start", null)).EnsureSuccessStatusCode();
        var dossier = default(JsonElement);
        await Campagnes.CampagneOmgeving.WachtTotAsync(async () =>
        {
            dossier = await (await _als.Km002.GetAsync("/api/v1/klanten/K3")).LeesAsync();
            return dossier.GetProperty("gesprekken").GetArrayLength() == 1;
        }, "de klant hoorde niet van zijn gesprek");
        var gesprekId = dossier.GetProperty("gesprekken")[0].GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.NotFound, (await _als.Km001.PostAsJsonAsync($"/api/v1/klanten/K1/gesprekken/{gesprekId}/uitkomst", new { verschenen = true, indeling = "zonder-afstand" })).StatusCode);
        var onvolledig = await _als.Km002.PostAsJsonAsync($"/api/v1/klanten/K3/gesprekken/{gesprekId}/uitkomst", new { verschenen = true });
        Assert.Equal(HttpStatusCode.BadRequest, onvolledig.StatusCode);
        Assert.Contains("eindigt met een indeling", (await onvolledig.LeesAsync()).GetProperty("errors").GetProperty("indeling")[0].GetString(), StringComparison.Ordinal);
        var teVroeg = await _als.Km002.PostAsJsonAsync($"/api/v1/klanten/K3/gesprekken/{gesprekId}/uitkomst", new { verschenen = true, indeling = "zonder-afstand" });
        Assert.Equal(HttpStatusCode.Conflict, teVroeg.StatusCode);
        Assert.Contains("begint pas", (await teVroeg.LeesAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var signalen = await _als.Handhaving.GetAsync("/api/v1/handhavingssignalen");
        Assert.Equal(0, (await signalen.LeesAsync()).GetArrayLength());
        var openapi = await (await _als.Programmaleider.GetAsync("/api/v1/openapi.json")).Content.ReadAsStringAsync();
        Assert.Contains("/api/v1/klanten/{klantnummer}/gesprekken/{gesprekId}/uitkomst", openapi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_verschreven_veld_in_de_selectie_wordt_geweigerd_en_er_ontstaat_geen_campagne()
    {
        // "klantmanagers" for "klantmanager": dropped silently, the selection would be empty and starting it would invite the whole bestand.
        var typfout = await _als.Programmaleider.PostAsJsonAsync("/api/v1/campagnes", new { naam = "Typfout", selectie = new { klantmanagers = new[] { "KM001" } } });
        Assert.Equal(HttpStatusCode.BadRequest, typfout.StatusCode);
        Assert.Equal("application/problem+json", typfout.Content.Headers.ContentType?.MediaType);
        var probleem = await typfout.LeesAsync();
        Assert.Contains("klantmanagers", probleem.GetProperty("errors").GetProperty("selectie.klantmanagers")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("$.selectie.klantmanagers", probleem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _als.Programmaleider.GetAsync("/api/v1/campagnes/typfout")).StatusCode);
    }
}
