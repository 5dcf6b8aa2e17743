using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Campagnes;
using KenJeKlant.Tests.Infrastructure;
using KenJeKlant.Tests.Storage;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace KenJeKlant.Tests.Gesprekken;

/// <summary>
/// Planning and moving a gesprek through the real host on PostgreSQL, in fake domain time: every refusal names its
/// field, the letters land in the outbox, a move at the client's request is verzet and never a no-show, a campaign's
/// gesprek moves the same way, and a herbeoordeling prompt moves aan de beurt → gepland → afgehandeld.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class GesprekPlannenApiTests : IAsyncLifetime
{
    // Monday 30 November 2026, 10:00; the fake clock's zone is UTC. The lead time is 3 days: Thursday 3 December is the first day.
    private static readonly DateTimeOffset Begin = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Donderdag10 = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _klok = new(Begin);
    private KenJeKlantApp _app = null!;
    private HttpClient _km = null!, _km2 = null!, _beheerder = null!, _programmaleider = null!, _handhaving = null!;

    public async Task InitializeAsync()
    {
        var db = await PostgresServer.CreateDatabaseAsync("gesprek-plannen");
        _app = MaakApp(db, _klok);
        _beheerder = await _app.AlsAsync("beheerder");
        await _beheerder.ZetKlantmanagersAsync("KM001", "KM002");
        await _beheerder.ImporteerGoedAsync(Csv.Bestand(Csv.Regel("K1"), Csv.Regel("K2"), Csv.Regel("K3", klantmanager: "KM002"), Csv.Regel("K4")));
        _km = await _app.KlantmanagerAsync("KM001");
        _km2 = await _app.KlantmanagerAsync("KM002");
        _programmaleider = await _app.AlsAsync("programmaleider");
        _handhaving = await _app.AlsAsync("handhaving");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static KenJeKlantApp MaakApp(string db, FakeTimeProvider klok) => new(db, $"test-{Guid.NewGuid():N}", new Dictionary<string, string>
    {
        ["Beleid:Campagne:Tik"] = "00:00:00.050",
        ["Beleid:Gesprekken:MaximaalVerzetten"] = "2",
    }) { DomeinKlok = klok };

    private static object Aanvraag(DateTimeOffset moment, int duur = 45, string vorm = "kantoor", string soort = "herbeoordeling", string? locatie = "Stadskantoor, Zijlsingel 1") =>
        new { moment, duurMinuten = duur, vorm, soort, locatie };

    private async Task<JsonElement> PlanAsync(string klant, DateTimeOffset moment, string soort = "herbeoordeling", HttpClient? als = null)
    {
        var antwoord = await (als ?? _km).PostAsJsonAsync($"/api/v1/klanten/{klant}/gesprekken", Aanvraag(moment, soort: soort));
        Assert.True(antwoord.StatusCode == HttpStatusCode.Created, await antwoord.Content.ReadAsStringAsync());
        var gesprek = await antwoord.LeesAsync();
        Assert.Equal($"/api/v1/klanten/{klant}/gesprekken/{gesprek.GetProperty("id").GetString()}", antwoord.Headers.Location?.OriginalString);
        return gesprek;
    }

    private static async Task<(HttpStatusCode Status, string[] Meldingen, JsonElement Probleem)> WeigeringAsync(HttpResponseMessage antwoord, string veld)
    {
        Assert.Equal("application/problem+json", antwoord.Content.Headers.ContentType?.MediaType);
        var probleem = await antwoord.LeesAsync();
        var meldingen = probleem.TryGetProperty("errors", out var fouten) && fouten.TryGetProperty(veld, out var m) ? m : default;
        Assert.True(meldingen.ValueKind == JsonValueKind.Array, $"{(int)antwoord.StatusCode} zonder errors.{veld}: {probleem}");
        return (antwoord.StatusCode, [.. meldingen.EnumerateArray().Select(m => m.GetString()!)], probleem);
    }

    private async Task<List<(string Soort, string Status, int Volgnummer)>> BrievenAsync(string gesprekId)
    {
        await using var db = NpgsqlDataSource.Create(_app.ConnectionString);
        await using var cmd = db.CreateCommand("SELECT soort, status, volgnummer FROM bericht WHERE gesprek_id = $1 ORDER BY verzend_op, volgnummer, soort");
        cmd.Parameters.AddWithValue(Guid.Parse(gesprekId));
        await using var lezer = await cmd.ExecuteReaderAsync();
        var brieven = new List<(string, string, int)>();
        while (await lezer.ReadAsync()) brieven.Add((lezer.GetString(0), lezer.GetString(1), lezer.GetInt16(2)));
        return brieven;
    }

    [Fact]
    public async Task Een_gesprek_plannen_weigert_elk_verkeerd_moment_met_het_veld_erbij()
    {
        // Shape first: the body's fields by their JSON name.
        var leeg = await _km.PostAsJsonAsync("/api/v1/klanten/K1/gesprekken", new { vorm = "kantoor" });
        Assert.Equal(HttpStatusCode.BadRequest, leeg.StatusCode);
        var fouten = (await leeg.LeesAsync()).GetProperty("errors");
        foreach (var veld in new[] { "moment", "duurMinuten", "soort" }) Assert.True(fouten.TryGetProperty(veld, out _), $"errors.{veld} ontbreekt: {fouten}");
        var zonderKantoor = await WeigeringAsync(await _km.PostAsJsonAsync("/api/v1/klanten/K1/gesprekken", Aanvraag(Donderdag10, locatie: null)), "locatie");
        Assert.Equal(HttpStatusCode.BadRequest, zonderKantoor.Status);
        var onbekend = await _km.PostAsJsonAsync("/api/v1/klanten/K1/gesprekken", new { moment = Donderdag10, duurMinuten = 45, vorm = "video", soort = "voortgang", kleur = "rood" });
        Assert.Equal(HttpStatusCode.BadRequest, onbekend.StatusCode);

        // In the past, and inside the lead time: 400, saying the earliest possible moment.
        var verleden = await WeigeringAsync(await _km.PostAsJsonAsync("/api/v1/klanten/K1/gesprekken", Aanvraag(Begin.AddHours(-1))), "moment");
        Assert.Equal(HttpStatusCode.BadRequest, verleden.Status);
        Assert.Contains("verleden", verleden.Meldingen[0], StringComparison.Ordinal);
        var tekortDag = await WeigeringAsync(await _km.PostAsJsonAsync("/api/v1/klanten/K1/gesprekken", Aanvraag(Begin.AddDays(1))), "moment");
        Assert.Equal(HttpStatusCode.BadRequest, tekortDag.Status);
        Assert.Contains("vroegst mogelijke moment is 03-12-2026 00:00", tekortDag.Meldingen[0], StringComparison.Ordinal);

        // What the agenda does not allow: 409 naming moment.
        foreach (var (moment, waarom) in new[]
        {
            (new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero), "geen werkdag"),   // Saturday
            (new DateTimeOffset(2026, 12, 25, 10, 0, 0, TimeSpan.Zero), "feestdag"),     // Kerst
            (new DateTimeOffset(2026, 12, 3, 16, 0, 0, TimeSpan.Zero), "werktijden"),    // ends after 16:30
        })
        {
            var w = await WeigeringAsync(await _km.PostAsJsonAsync("/api/v1/klanten/K1/gesprekken", Aanvraag(moment)), "moment");
            Assert.Equal(HttpStatusCode.Conflict, w.Status);
            Assert.Contains(waarom, w.Meldingen[0], StringComparison.Ordinal);
        }

        // A clash with a booked gesprek (this one: 10:00–10:45) is refused for any overlap, a different length included.
        var eerste = await PlanAsync("K1", Donderdag10);
        var botsing = await WeigeringAsync(await _km.PostAsJsonAsync("/api/v1/klanten/K2/gesprekken", Aanvraag(Donderdag10.AddMinutes(-30), duur: 60)), "moment");
        Assert.Equal(HttpStatusCode.Conflict, botsing.Status);
        Assert.Contains("10:00 tot 10:45", botsing.Meldingen[0], StringComparison.Ordinal);
        await PlanAsync("K2", Donderdag10.AddMinutes(45)); // right after: free

        // A client with an open gesprek: 409 naming that gesprek.
        var dubbel = await WeigeringAsync(await _km.PostAsJsonAsync("/api/v1/klanten/K1/gesprekken", Aanvraag(Donderdag10.AddDays(1))), "moment");
        Assert.Equal(HttpStatusCode.Conflict, dubbel.Status);
        Assert.Contains(eerste.GetProperty("id").GetString()!, dubbel.Meldingen[0], StringComparison.Ordinal);

        // A client who left the bestand: 409. Another klantmanager's client: 403. An unknown client: 403 as well (no oracle).
        await _beheerder.ImporteerGoedAsync(Csv.Bestand(Csv.Regel("K1"), Csv.Regel("K2"), Csv.Regel("K3", klantmanager: "KM002")));
        var weg = await _km.PostAsJsonAsync("/api/v1/klanten/K4/gesprekken", Aanvraag(Donderdag10.AddDays(1)));
        Assert.Equal(HttpStatusCode.Conflict, weg.StatusCode);
        Assert.Contains("niet meer in het bestand", (await weg.LeesAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await _km.PostAsJsonAsync("/api/v1/klanten/K3/gesprekken", Aanvraag(Donderdag10.AddDays(1)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _programmaleider.PostAsJsonAsync("/api/v1/klanten/K1/gesprekken", Aanvraag(Donderdag10.AddDays(1)))).StatusCode);
    }

    [Fact]
    public async Task Een_gepland_gesprek_staat_in_de_agenda_de_uitvoer_en_op_de_werklijst()
    {
        var gesprek = await PlanAsync("K1", Donderdag10, soort: "voortgang");
        var id = gesprek.GetProperty("id").GetString()!;
        Assert.Equal(("uitgenodigd", "voortgang", "kantoor"), (gesprek.GetProperty("status").GetString(), gesprek.GetProperty("soort").GetString(), gesprek.GetProperty("vorm").GetString()));

        // The invitation went out at once, through the same outbox as a campaign's.
        Assert.Equal([("uitnodiging", "verzonden", 0)], await BrievenAsync(id));
        var briefId = await BriefIdAsync(id, "uitnodiging");
        var csv = await _beheerder.GetStringAsync("/api/v1/uitnodigingen?status=verzonden");
        Assert.Contains(csv.Split('\n'), r => r.StartsWith(briefId, StringComparison.Ordinal) && r.Contains(";voortgangsgesprek;", StringComparison.Ordinal));
        var brief = await _beheerder.GetStringAsync($"/api/v1/uitnodigingen/{briefId}/brief");
        Assert.Contains("Stadskantoor, Zijlsingel 1", brief, StringComparison.Ordinal);

        // The agenda: booked, and no free moment overlaps it.
        var agenda = await (await _km.GetAsync("/api/v1/klantmanagers/KM001/agenda?van=2026-12-03&tot=2026-12-03")).LeesAsync();
        var geboekt = Assert.Single(agenda.GetProperty("geboekt").EnumerateArray());
        Assert.Equal((id, "voortgangsgesprek"), (geboekt.GetProperty("gesprekId").GetString(), geboekt.GetProperty("campagneNaam").GetString()));
        Assert.DoesNotContain(agenda.GetProperty("vrij").EnumerateArray(), m => m.GetProperty("start").GetDateTimeOffset() < Donderdag10.AddMinutes(45) && Donderdag10 < m.GetProperty("eind").GetDateTimeOffset());

        // The werklijst and the dossier show it.
        var werklijst = await (await _km.GetAsync("/api/v1/klantmanagers/KM001/werklijst")).LeesAsync();
        Assert.Contains(werklijst.GetProperty("gesprekken").EnumerateArray(), i => i.GetProperty("gesprekId").GetString() == id);
        var dossier = await (await _km.GetAsync("/api/v1/klanten/K1")).LeesAsync();
        Assert.Contains(dossier.GetProperty("gesprekken").EnumerateArray(), g => g.GetProperty("id").GetString() == id);
    }

    private async Task<string> BriefIdAsync(string gesprekId, string soort, int volgnummer = 0)
    {
        await using var db = NpgsqlDataSource.Create(_app.ConnectionString);
        await using var cmd = db.CreateCommand("SELECT id FROM bericht WHERE gesprek_id = $1 AND soort = $2 AND volgnummer = $3");
        cmd.Parameters.AddWithValue(Guid.Parse(gesprekId));
        cmd.Parameters.AddWithValue(soort);
        cmd.Parameters.AddWithValue((short)volgnummer);
        return ((Guid)(await cmd.ExecuteScalarAsync())!).ToString();
    }

    [Fact]
    public async Task Verzetten_stuurt_een_verzetbrief_telt_nooit_als_niet_verschenen_en_kent_een_maximum()
    {
        var id = (await PlanAsync("K1", Donderdag10)).GetProperty("id").GetString()!;
        var pad = $"/api/v1/klanten/K1/gesprekken/{id}/verzetting";

        // Refusals name nieuwMoment; reden and opVerzoekVan are required.
        var vorm = await _km.PostAsJsonAsync(pad, new { nieuwMoment = Donderdag10.AddDays(1) });
        Assert.Equal(HttpStatusCode.BadRequest, vorm.StatusCode);
        var vormFouten = (await vorm.LeesAsync()).GetProperty("errors");
        Assert.True(vormFouten.TryGetProperty("reden", out _) && vormFouten.TryGetProperty("opVerzoekVan", out _), vormFouten.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, (await WeigeringAsync(await _km.PostAsJsonAsync(pad, new { nieuwMoment = Begin.AddHours(1), opVerzoekVan = "klant", reden = "ziek" }), "nieuwMoment")).Status);
        await PlanAsync("K2", Donderdag10.AddDays(1));
        Assert.Equal(HttpStatusCode.Conflict, (await WeigeringAsync(await _km.PostAsJsonAsync(pad, new { nieuwMoment = Donderdag10.AddDays(1).AddMinutes(15), opVerzoekVan = "klant", reden = "ziek" }), "nieuwMoment")).Status);

        // Moved at the client's request: a verzetbrief, the same gesprek at its new moment, still to come.
        var verzet = await _km.PostAsJsonAsync(pad, new { nieuwMoment = Donderdag10.AddDays(4), opVerzoekVan = "klant", reden = "Klant heeft een sollicitatiegesprek" });
        Assert.True(verzet.IsSuccessStatusCode, await verzet.Content.ReadAsStringAsync());
        var stand = await verzet.LeesAsync();
        Assert.Equal((Donderdag10.AddDays(4), "uitgenodigd", 1), (stand.GetProperty("start").GetDateTimeOffset(), stand.GetProperty("status").GetString(), stand.GetProperty("verzetAantal").GetInt32()));
        Assert.Equal([("uitnodiging", "verzonden", 0), ("verzetting", "verzonden", 1)], await BrievenAsync(id));
        var brief = await _beheerder.GetStringAsync($"/api/v1/uitnodigingen/{await BriefIdAsync(id, "verzetting", 1)}/brief");
        Assert.Contains("verplaatst", brief, StringComparison.Ordinal);
        Assert.Contains("maandag 7 december 2026", brief, StringComparison.Ordinal);

        // The old moment is free again; the new one is taken.
        var agenda = await (await _km.GetAsync("/api/v1/klantmanagers/KM001/agenda?van=2026-12-03&tot=2026-12-07")).LeesAsync();
        Assert.Equal([Donderdag10.AddDays(1), Donderdag10.AddDays(4)], agenda.GetProperty("geboekt").EnumerateArray().Select(g => g.GetProperty("start").GetDateTimeOffset()).ToArray());

        // The second move is allowed, the third is refused saying why.
        var tweede = await _km.PostAsJsonAsync(pad, new { nieuwMoment = Donderdag10.AddDays(5), opVerzoekVan = "gemeente", reden = "Klantmanager op cursus" });
        Assert.True(tweede.IsSuccessStatusCode, await tweede.Content.ReadAsStringAsync());
        var derde = await WeigeringAsync(await _km.PostAsJsonAsync(pad, new { nieuwMoment = Donderdag10.AddDays(6), opVerzoekVan = "klant", reden = "weer ziek" }), "nieuwMoment");
        Assert.Equal(HttpStatusCode.Conflict, derde.Status);
        Assert.Contains("2 keer verzet", derde.Meldingen[0], StringComparison.Ordinal);

        // The history: two verzetbrieven, each its own letter.
        Assert.Equal(2, (await BrievenAsync(id)).Count(b => b.Soort == "verzetting"));

        // The programmaleider sees the counts per klantmanager, nothing about the client.
        var team = await (await _programmaleider.GetAsync("/api/v1/herbeoordelingen/team")).LeesAsync();
        var km001 = Assert.Single(team.GetProperty("klantmanagers").EnumerateArray(), r => r.GetProperty("klantmanager").GetString() == "KM001");
        Assert.Equal((2, 2), (km001.GetProperty("verzettingen").GetInt32(), km001.GetProperty("gesprekkenGepland").GetInt32()));
    }

    [Fact]
    public async Task Een_campagnegesprek_verzet_op_verzoek_van_de_klant_telt_als_verzet_en_niet_als_niet_verschenen()
    {
        (await _programmaleider.PostAsJsonAsync("/api/v1/campagnes", new { naam = "Verzetten", selectie = new { klantmanager = "KM002" } })).EnsureSuccessStatusCode();
        (await _programmaleider.PostAsync("/api/v1/campagnes/verzetten/start", null)).EnsureSuccessStatusCode();
        var gesprek = default(JsonElement);
        await CampagneOmgeving.WachtTotAsync(async () =>
        {
            var gesprekken = (await (await _km2.GetAsync("/api/v1/klanten/K3")).LeesAsync()).GetProperty("gesprekken");
            if (gesprekken.GetArrayLength() != 1) return false;
            gesprek = gesprekken[0];
            return true;
        }, "de campagne plande geen gesprek");
        var id = gesprek.GetProperty("id").GetString()!;
        var start = gesprek.GetProperty("start").GetDateTimeOffset();
        var nieuw = start.AddDays(start.DayOfWeek == DayOfWeek.Friday ? 3 : 1).AddHours(start.Hour >= 15 ? -3 : 1);

        var verzet = await _km2.PostAsJsonAsync($"/api/v1/klanten/K3/gesprekken/{id}/verzetting", new { nieuwMoment = nieuw, opVerzoekVan = "klant", reden = "Klant werkt die dag" });
        Assert.True(verzet.IsSuccessStatusCode, await verzet.Content.ReadAsStringAsync());
        Assert.Equal(nieuw, (await verzet.LeesAsync()).GetProperty("start").GetDateTimeOffset());

        JsonElement funnel = default;
        await CampagneOmgeving.WachtTotAsync(async () =>
        {
            funnel = (await (await _programmaleider.GetAsync("/api/v1/campagnes/verzetten/voortgang")).LeesAsync()).GetProperty("funnel");
            return funnel.GetProperty("verzet").GetInt32() == 1;
        }, "de voortgang telt de verzetting niet");
        Assert.Equal((1, 0, 0), (funnel.GetProperty("verzettingen").GetInt32(), funnel.GetProperty("nietVerschenenEenmaal").GetInt32(), funnel.GetProperty("geannuleerd").GetInt32()));
        Assert.Equal(1, (await BrievenAsync(id)).Count(b => b.Soort == "verzetting" || (b.Soort == "uitnodiging" && b.Status == "gepland")));
    }

    [Fact]
    public async Task Een_herbeoordelingsprompt_gaat_van_aan_de_beurt_via_gepland_naar_afgehandeld()
    {
        // K1 was imported without any gesprek since 2019: the herbeoordeling is due.
        static IEnumerable<JsonElement> Prompts(JsonElement w) =>
            w.GetProperty("herbeoordelingenTeLaat").EnumerateArray().Concat(w.GetProperty("herbeoordelingenAanDeBeurt").EnumerateArray());
        var voor = await (await _km.GetAsync("/api/v1/klantmanagers/KM001/werklijst")).LeesAsync();
        Assert.Contains(Prompts(voor), i => i.GetProperty("klantnummer").GetString() == "K1");

        var id = (await PlanAsync("K1", Donderdag10)).GetProperty("id").GetString()!;
        var gepland = await (await _km.GetAsync("/api/v1/klantmanagers/KM001/werklijst")).LeesAsync();
        Assert.DoesNotContain(Prompts(gepland), i => i.GetProperty("klantnummer").GetString() == "K1");
        var prompt = Assert.Single(gepland.GetProperty("herbeoordelingenGepland").EnumerateArray(), i => i.GetProperty("klantnummer").GetString() == "K1");
        Assert.Equal(id, prompt.GetProperty("gesprekId").GetString());

        // Held, with an outcome: the next herbeoordeling comes from the policy and the prompt is gone.
        _klok.SetUtcNow(Donderdag10.AddHours(1));
        var uitkomst = await _km.PostAsJsonAsync($"/api/v1/klanten/K1/gesprekken/{id}/uitkomst", new { verschenen = true, indeling = "overbrugbare-afstand", route = "leerwerktraject" });
        Assert.True(uitkomst.IsSuccessStatusCode, await uitkomst.Content.ReadAsStringAsync());
        var na = await (await _km.GetAsync("/api/v1/klantmanagers/KM001/werklijst")).LeesAsync();
        Assert.DoesNotContain(Prompts(na).Concat(na.GetProperty("herbeoordelingenGepland").EnumerateArray()), i => i.GetProperty("klantnummer").GetString() == "K1");
        var dossier = await (await _km.GetAsync("/api/v1/klanten/K1")).LeesAsync();
        var volgende = DateOnly.Parse(dossier.GetProperty("herbeoordeling").GetProperty("datum").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(volgende > new DateOnly(2026, 12, 3), $"volgende herbeoordeling {volgende}");
        Assert.Equal("gehouden", Assert.Single(dossier.GetProperty("gesprekken").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Niet_verschijnen_op_eigen_gesprekken_geeft_na_het_beleid_een_signaal_voor_een_mens_nooit_een_maatregel()
    {
        async Task NietVerschenenAsync(DateTimeOffset moment)
        {
            var id = (await PlanAsync("K2", moment)).GetProperty("id").GetString()!;
            _klok.SetUtcNow(moment.AddHours(1));
            var uitkomst = await _km.PostAsJsonAsync($"/api/v1/klanten/K2/gesprekken/{id}/uitkomst", new { verschenen = false, afwezigheid = "geen-reden" });
            Assert.True(uitkomst.IsSuccessStatusCode, await uitkomst.Content.ReadAsStringAsync());
        }
        await NietVerschenenAsync(Donderdag10);
        Assert.Equal(0, (await (await _handhaving.GetAsync("/api/v1/handhavingssignalen")).LeesAsync()).GetArrayLength());
        await NietVerschenenAsync(Donderdag10.AddDays(7));
        var signalen = await (await _handhaving.GetAsync("/api/v1/handhavingssignalen")).LeesAsync();
        var signaal = Assert.Single(signalen.EnumerateArray());
        Assert.Equal("K2", signaal.GetProperty("klantnummer").GetString());
        Assert.Equal("open", signaal.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Een_uitkomst_legt_in_dezelfde_stap_het_plan_van_aanpak_vast_en_een_fout_plan_legt_niets_vast()
    {
        var id = (await PlanAsync("K1", Donderdag10, soort: "participatiegesprek")).GetProperty("id").GetString()!;
        _klok.SetUtcNow(Donderdag10.AddHours(1));
        var pad = $"/api/v1/klanten/K1/gesprekken/{id}/uitkomst";
        object Afspraak(string omschrijving, string deadline) => new { omschrijving, wie = "klant", deadline };

        // The plan's shape and its rules are named inside the outcome form; nothing is recorded then.
        var vorm = await WeigeringAsync(await _km.PostAsJsonAsync(pad, new
        {
            verschenen = true, indeling = "overbrugbare-afstand",
            planVanAanpak = new { doel = "Werk vinden", afspraken = new[] { Afspraak("", "2026-12-20") } },
        }), "planVanAanpak.afspraken[0].omschrijving");
        Assert.Equal(HttpStatusCode.BadRequest, vorm.Status);
        var regel = await WeigeringAsync(await _km.PostAsJsonAsync(pad, new
        {
            verschenen = true, indeling = "overbrugbare-afstand",
            planVanAanpak = new { doel = "Werk vinden", afspraken = new[] { Afspraak("Cv maken", "2026-12-20"), Afspraak("Sollicitatie", "2026-11-01") } },
        }), "planVanAanpak.afspraken[1].deadline");
        Assert.Equal(HttpStatusCode.BadRequest, regel.Status);
        var dossier = await (await _km.GetAsync("/api/v1/klanten/K1")).LeesAsync();
        Assert.Equal("uitgenodigd", Assert.Single(dossier.GetProperty("gesprekken").EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _km.GetAsync("/api/v1/klanten/K1/plan-van-aanpak")).StatusCode);

        // Right: the outcome and version 1 of the plan with its two afspraken, in one answer.
        var goed = await _km.PostAsJsonAsync(pad, new
        {
            verschenen = true, indeling = "overbrugbare-afstand",
            planVanAanpak = new { doel = "Werk vinden", afspraken = new[] { Afspraak("Cv maken", "2026-12-20"), Afspraak("Drie sollicitaties", "2027-01-15") } },
        });
        Assert.True(goed.IsSuccessStatusCode, await goed.Content.ReadAsStringAsync());
        var antwoord = await goed.LeesAsync();
        Assert.Equal("gehouden", antwoord.GetProperty("gesprek").GetProperty("status").GetString());
        Assert.Equal((1, 2), (antwoord.GetProperty("planVanAanpak").GetProperty("versie").GetInt32(), antwoord.GetProperty("planVanAanpak").GetProperty("afspraken").GetArrayLength()));
        var plan = await (await _km.GetAsync("/api/v1/klanten/K1/plan-van-aanpak")).LeesAsync();
        Assert.Equal("Werk vinden", plan.GetProperty("doel").GetString());
    }

    [Fact]
    public async Task Een_afwezige_klantmanager_krijgt_geen_gesprek_en_de_waarnemer_plant_in_de_eigen_agenda()
    {
        // KM001 is away until 11 December; KM002 covers the caseload.
        (await _beheerder.PutAsJsonAsync("/api/v1/klantmanagers/KM001/vervanging", new { vervanger = "KM002", tot = "2026-12-11" })).EnsureSuccessStatusCode();

        var afwezig = await WeigeringAsync(await _km.PostAsJsonAsync("/api/v1/klanten/K1/gesprekken", Aanvraag(Donderdag10)), "moment");
        Assert.Equal(HttpStatusCode.Conflict, afwezig.Status);
        Assert.Contains("afwezig", afwezig.Meldingen[0], StringComparison.Ordinal);

        // The waarnemer plans for the client in their own agenda: they hold the gesprek.
        var gesprek = await PlanAsync("K1", Donderdag10, als: _km2);
        Assert.Equal("KM002", gesprek.GetProperty("klantmanager").GetString());
        var agenda = await (await _km2.GetAsync("/api/v1/klantmanagers/KM002/agenda?van=2026-12-03&tot=2026-12-03")).LeesAsync();
        Assert.Contains(agenda.GetProperty("geboekt").EnumerateArray(), g => g.GetProperty("gesprekId").GetString() == gesprek.GetProperty("id").GetString());
    }
}
