using System.Net;
using System.Text;
using System.Text.Json;
using KenJeKlant.Host.Bestand;
using KenJeKlant.Tests.Bestand;
using KenJeKlant.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KenJeKlant.Tests.Api;

[Collection(SerialOrleansClusters.Name)]
public sealed class BestandImportApiTests : IAsyncLifetime
{
    // Two rows per batch and a short pause, so a held job moves in small, visible steps; at most 1 MB per export.
    private static readonly Dictionary<string, string> Instellingen = new()
    {
        ["Import:Batchgrootte"] = "2",
        ["Import:Tik"] = "00:00:00.050",
        ["Import:MaxMegabytes"] = "1",
    };

    private readonly ImportRem _rem = new();
    private KenJeKlantApp _app = null!;
    private HttpClient _beheerder = null!;
    private HttpClient _km = null!;

    public async Task InitializeAsync()
    {
        _app = await KenJeKlantApp.StartAsync("import", Instellingen);
        _app.Diensten = s => s.AddSingleton<KenJeKlant.Grains.Bestand.IBestandImportOpslag>(sp =>
        {
            _rem.Binnen = sp.GetRequiredService<PostgresBestandImport>();
            return _rem;
        });
        _beheerder = await _app.AlsAsync("beheerder");
        await _beheerder.ZetKlantmanagersAsync("KM001", "KM002");
        _km = await _app.KlantmanagerAsync("KM001");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<long> AantalKlantenAsync(string filter = "") =>
        (await (await _km.GetAsync("/api/v1/klanten?pageSize=1" + filter)).LeesAsync()).GetProperty("totaal").GetInt64();

    // An overdue client's prompt comes from the scanners, told once the import that wrote it has ended: a test that
    // imports again and then reads its history waits for that prompt first, or the second import races it.
    private Task WachtOpHerbeoordelingAsync(string klantnummer) => Campagnes.CampagneOmgeving.WachtTotAsync(async () =>
        (await (await _km.GetAsync($"/api/v1/klanten/{klantnummer}")).LeesAsync()).GetProperty("historie").EnumerateArray()
            .Any(h => h.GetProperty("gebeurtenis").GetString() == "herbeoordeling"), $"{klantnummer} kreeg geen herbeoordeling");

    private static List<(int Regel, string? Veld)> Meldingen(JsonElement lijst) =>
        [.. lijst.EnumerateArray().Select(f => (f.GetProperty("regel").GetInt32(), f.GetProperty("veld").GetString()))];

    [Fact]
    public async Task Een_import_wordt_aangenomen_met_202_en_Location_en_zijn_status_staat_daar()
    {
        var csv = Csv.Bestand(Csv.Regel("K1"), Csv.Regel("K2"));

        using var antwoord = await _beheerder.StuurAsync(csv);

        Assert.Equal(HttpStatusCode.Accepted, antwoord.StatusCode);
        var stand = await antwoord.LeesAsync();
        var id = stand.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/bestand/imports/{id}", antwoord.Headers.Location?.OriginalString);
        Assert.Equal("bezig", stand.GetProperty("status").GetString());
        Assert.Equal("beheerder", stand.GetProperty("door").GetString());
        Assert.Equal(Encoding.UTF8.GetByteCount(csv), stand.GetProperty("bytes").GetInt64());

        var klaar = await _beheerder.WachtOpEindeAsync(antwoord.Headers.Location!);
        Assert.Equal(id, klaar.GetProperty("id").GetGuid());
        Assert.Equal("klaar", klaar.GetProperty("status").GetString());
        Assert.Equal("afgerond", klaar.GetProperty("fase").GetString());
        Assert.Equal((2, 2, 2), (klaar.GetProperty("regelsGelezen").GetInt32(), klaar.GetProperty("regelsGeldig").GetInt32(), klaar.GetProperty("regelsToegepast").GetInt32()));
        Assert.Equal("Geïmporteerd", klaar.GetProperty("titel").GetString());
        Assert.Equal(2, klaar.GetProperty("rapport").GetProperty("nieuw").GetInt32());

        var lijst = await (await _beheerder.GetAsync("/api/v1/bestand/imports")).LeesAsync();
        var eerste = lijst.EnumerateArray().First();
        Assert.Equal(id, eerste.GetProperty("id").GetGuid());
        Assert.Equal("klaar", eerste.GetProperty("status").GetString());
        Assert.Equal(antwoord.Headers.Location!.OriginalString, eerste.GetProperty("adres").GetString());
    }

    [Fact]
    public async Task Een_goede_export_wordt_geimporteerd_en_nogmaals_importeren_verandert_niets()
    {
        var csv = Csv.Bestand(Csv.Regel("K1"), Csv.Regel("K2", bsn: "123456782"), Csv.Regel("K3", bsn: ""));

        var rapport = await _beheerder.ImporteerGoedAsync(csv);
        Assert.Equal(3, rapport.GetProperty("nieuw").GetInt32());
        Assert.True(rapport.GetProperty("geimporteerd").GetBoolean());
        await WachtOpHerbeoordelingAsync("K1");

        var tweede = await _beheerder.ImporteerGoedAsync(csv);
        Assert.Equal(0, tweede.GetProperty("nieuw").GetInt32());
        Assert.Equal(3, tweede.GetProperty("ongewijzigd").GetInt32());
        Assert.Equal(0, tweede.GetProperty("gewijzigd").GetInt32());
        Assert.Equal(3, await AantalKlantenAsync());

        var dossier = await (await _km.GetAsync("/api/v1/klanten/K1")).LeesAsync();
        // In the bestand, and (never spoken to since 2019) overdue for a first participatiegesprek.
        Assert.Equal(["in bestand", "herbeoordeling"], dossier.GetProperty("historie").EnumerateArray().Select(h => h.GetProperty("gebeurtenis").GetString()));
    }

    [Fact]
    public async Task Nogmaals_importeren_vraagt_een_ongewijzigde_klant_niets()
    {
        var csv = Csv.Bestand(Csv.Regel("K1"), Csv.Regel("K2"), Csv.Regel("K3", bsn: ""));
        await _beheerder.ImporteerGoedAsync(csv);
        await using var db = Npgsql.NpgsqlDataSource.Create(_app.ConnectionString);

        // K1's state row is locked for the whole re-import: a klant grain call for K1 would wait on it (a grain write
        // updates that row), so the import finishing shows K1 was settled without one.
        await using var slot = await db.OpenConnectionAsync();
        await using var tx = await slot.BeginTransactionAsync();
        await using (var vast = new Npgsql.NpgsqlCommand("SELECT 1 FROM klant_staat WHERE klantnummer = 'K1' FOR UPDATE", slot, tx))
            Assert.Equal(1, await vast.ExecuteScalarAsync());
        var tweede = await _beheerder.ImporteerGoedAsync(csv, binnen: TimeSpan.FromSeconds(30));
        await tx.RollbackAsync();

        Assert.Equal((0, 3, 0), (tweede.GetProperty("nieuw").GetInt32(), tweede.GetProperty("ongewijzigd").GetInt32(), tweede.GetProperty("gewijzigd").GetInt32()));
    }

    [Fact]
    public async Task Een_export_met_fouten_importeert_niets_en_zegt_per_regel_waarom()
    {
        var csv = Csv.Bestand(
            Csv.Regel("K1"),
            Csv.Regel("K2", bsn: "123456789"),
            Csv.Regel("K3", klantmanager: "KM999"),
            Csv.Regel("K1", bsn: ""));

        var stand = await _beheerder.ImporteerEnWachtAsync(csv);

        Assert.Equal("mislukt", stand.GetProperty("status").GetString());
        Assert.Equal("Het bestand bevat fouten", stand.GetProperty("titel").GetString());
        var rapport = stand.GetProperty("rapport");
        Assert.False(rapport.GetProperty("geimporteerd").GetBoolean());
        Assert.Contains("er is niets geïmporteerd", rapport.GetProperty("melding").GetString(), StringComparison.Ordinal);
        var fouten = Meldingen(rapport.GetProperty("fouten"));
        Assert.Contains((3, "bsn"), fouten);
        Assert.Contains((4, "klantmanager"), fouten);
        Assert.Contains((5, "klantnummer"), fouten);
        Assert.Equal(fouten, Meldingen(stand.GetProperty("fouten"))); // the errors so far, in the status too
        Assert.Equal((3, 3), (rapport.GetProperty("afgewezen").GetInt32(), rapport.GetProperty("aantalFouten").GetInt32()));
        Assert.Equal(0, stand.GetProperty("regelsToegepast").GetInt32());
        Assert.Equal(0, await AantalKlantenAsync());
    }

    [Fact]
    public async Task Gedeeltelijk_importeert_alleen_de_goede_regels()
    {
        var csv = Csv.Bestand(Csv.Regel("K1"), Csv.Regel("K2", bsn: "123456789"), Csv.Regel("K3"));

        var rapport = await _beheerder.ImporteerGoedAsync(csv, "?gedeeltelijk=true");

        Assert.Equal(2, rapport.GetProperty("nieuw").GetInt32());
        Assert.Equal(1, rapport.GetProperty("afgewezen").GetInt32());
        Assert.Equal((3, "bsn"), Meldingen(rapport.GetProperty("fouten")).Single());
        Assert.Equal(2, await AantalKlantenAsync());
        Assert.Equal(0, await AantalKlantenAsync("&zoek=K2"));
    }

    [Fact]
    public async Task Controle_geeft_het_hele_rapport_en_past_niets_toe()
    {
        var metFout = await _beheerder.ImporteerEnWachtAsync(Csv.Bestand(Csv.Regel("K1"), Csv.Regel("K2", bsn: "123456789")), "?controle=true");

        Assert.Equal("klaar", metFout.GetProperty("status").GetString());
        Assert.Equal("Gecontroleerd", metFout.GetProperty("titel").GetString());
        var rapport = metFout.GetProperty("rapport");
        Assert.True(rapport.GetProperty("controle").GetBoolean());
        Assert.False(rapport.GetProperty("geimporteerd").GetBoolean());
        Assert.Equal((3, "bsn"), Meldingen(rapport.GetProperty("fouten")).Single());
        Assert.Equal(2, rapport.GetProperty("regels").GetInt32());
        Assert.Contains("alleen een controle", rapport.GetProperty("melding").GetString(), StringComparison.Ordinal);

        var goed = await _beheerder.ImporteerGoedAsync(Csv.Bestand(Csv.Regel("K1"), Csv.Regel("K2")), "?controle=true");
        Assert.Equal(0, goed.GetProperty("nieuw").GetInt32());
        Assert.StartsWith("Alle 2 regels zijn in orde.", goed.GetProperty("melding").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await AantalKlantenAsync());
    }

    [Fact]
    public async Task Een_tweede_import_terwijl_er_een_loopt_krijgt_409_die_de_lopende_noemt()
    {
        _rem.Sluit();
        using var eerste = await _beheerder.StuurAsync(Csv.Bestand(Csv.Regel("K1"), Csv.Regel("K2"), Csv.Regel("K3")));
        var status = eerste.Headers.Location!;
        var id = (await eerste.LeesAsync()).GetProperty("id").GetGuid();
        await _beheerder.WachtOpAsync(status, s => s.GetProperty("fase").GetString() == "toepassen", "de import kwam niet aan toepassen toe");

        using var tweede = await _beheerder.StuurAsync(Csv.Bestand(Csv.Regel("K9")));

        Assert.Equal(HttpStatusCode.Conflict, tweede.StatusCode);
        Assert.Equal("application/problem+json", tweede.Content.Headers.ContentType?.MediaType);
        Assert.Equal(status.OriginalString, tweede.Headers.Location?.OriginalString);
        var probleem = await tweede.LeesAsync();
        Assert.Equal("Er loopt al een import", probleem.GetProperty("title").GetString());
        Assert.Equal(id, probleem.GetProperty("lopendeImport").GetGuid());
        Assert.Equal(status.OriginalString, probleem.GetProperty("lopendeImportStatus").GetString());

        _rem.Open();
        Assert.Equal(3, (await _beheerder.WachtOpEindeAsync(status)).GetProperty("rapport").GetProperty("nieuw").GetInt32());
        Assert.Equal(0, await AantalKlantenAsync("&zoek=K9"));
    }

    [Fact]
    public async Task Afbreken_laat_wat_is_toegepast_heel_en_haalt_niemand_uit_het_bestand()
    {
        await _beheerder.ImporteerGoedAsync(Csv.Bestand(Csv.Regel("K0")));
        _rem.Sluit();
        _rem.LaatDoor(1); // one batch: two clients
        using var antwoord = await _beheerder.StuurAsync(Csv.Bestand([.. Enumerable.Range(1, 6).Select(i => Csv.Regel($"K{i}"))]));
        var status = antwoord.Headers.Location!;
        var bezig = await _beheerder.WachtOpAsync(status, s => s.GetProperty("regelsToegepast").GetInt32() == 2, "de eerste twee klanten werden niet toegepast");
        Assert.Equal(("bezig", "toepassen", 6), (bezig.GetProperty("status").GetString(), bezig.GetProperty("fase").GetString(), bezig.GetProperty("regelsGeldig").GetInt32()));
        var voortgang = bezig.GetProperty("voortgang");
        Assert.Equal((2, 3, 2, 6), (voortgang.GetProperty("stap").GetInt32(), voortgang.GetProperty("stappen").GetInt32(), voortgang.GetProperty("gedaan").GetInt32(), voortgang.GetProperty("totaal").GetInt32()));

        using var afbreken = await _beheerder.DeleteAsync(status);

        Assert.Equal(HttpStatusCode.OK, afbreken.StatusCode);
        var stand = await afbreken.LeesAsync();
        Assert.Equal(("afgebroken", "Afgebroken"), (stand.GetProperty("status").GetString(), stand.GetProperty("titel").GetString()));
        Assert.Contains("2 van de 6 klanten zijn bijgewerkt", stand.GetProperty("melding").GetString(), StringComparison.Ordinal);
        Assert.Contains("niemand is uit het bestand gehaald", stand.GetProperty("melding").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, stand.GetProperty("rapport").GetProperty("uitBestand").GetInt32());
        _rem.Open();
        Assert.Equal("afgebroken", (await _beheerder.StandAsync(status)).GetProperty("status").GetString());
        // K0 is missing from the cut-off export but stays in the bestand; the two clients applied are whole.
        Assert.Equal(3, await AantalKlantenAsync("&inBestand=true"));
        Assert.True((await (await _km.GetAsync("/api/v1/klanten/K0")).LeesAsync()).GetProperty("inBestand").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await _beheerder.DeleteAsync(status)).StatusCode); // stopping a stopped job again changes nothing

        // The slot is free: the same export again finishes the job.
        var rapport = await _beheerder.ImporteerGoedAsync(Csv.Bestand([.. Enumerable.Range(1, 6).Select(i => Csv.Regel($"K{i}"))]));
        Assert.Equal((4, 2, 1), (rapport.GetProperty("nieuw").GetInt32(), rapport.GetProperty("ongewijzigd").GetInt32(), rapport.GetProperty("uitBestand").GetInt32()));
    }

    [Fact]
    public async Task Een_beeindigde_of_onbekende_import_afbreken_wordt_geweigerd()
    {
        var stand = await _beheerder.ImporteerEnWachtAsync(Csv.Bestand(Csv.Regel("K1")));
        var status = new Uri($"/api/v1/bestand/imports/{stand.GetProperty("id").GetGuid()}", UriKind.Relative);

        using var klaar = await _beheerder.DeleteAsync(status);
        Assert.Equal(HttpStatusCode.Conflict, klaar.StatusCode);
        Assert.Contains("al beëindigd", (await klaar.LeesAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var onbekend = $"/api/v1/bestand/imports/{Guid.NewGuid()}";
        Assert.Equal(HttpStatusCode.NotFound, (await _beheerder.DeleteAsync(onbekend)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _beheerder.GetAsync(onbekend)).StatusCode);
    }

    [Fact]
    public async Task Een_waarde_die_als_formule_begint_wordt_geimporteerd_en_als_waarschuwing_gemeld()
    {
        var rapport = await _beheerder.ImporteerGoedAsync(Csv.Bestand(Csv.Regel("K1"), Csv.Regel("K2", naam: "=HYPERLINK(1)")));

        Assert.Equal(2, rapport.GetProperty("nieuw").GetInt32());
        Assert.Equal(1, rapport.GetProperty("aantalWaarschuwingen").GetInt32());
        var waarschuwing = rapport.GetProperty("waarschuwingen").EnumerateArray().Single();
        Assert.Equal((3, "naam"), (waarschuwing.GetProperty("regel").GetInt32(), waarschuwing.GetProperty("veld").GetString()));
        Assert.DoesNotContain("HYPERLINK", waarschuwing.GetProperty("reden").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Windows_1252_met_komma_scheiding_wordt_goed_gelezen()
    {
        var csv = Csv.Bestand(Csv.Regel("K1", naam: "Gérard Brüggen")).Replace(';', ',');

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        await _beheerder.ImporteerGoedAsync(csv, codering: Encoding.GetEncoding(1252));

        var dossier = await (await _km.GetAsync("/api/v1/klanten/K1")).LeesAsync();
        Assert.Equal("Gérard Brüggen", dossier.GetProperty("profiel").GetProperty("naam").GetString());
    }

    [Fact]
    public async Task Een_onleesbaar_bestand_krijgt_een_duidelijke_fout()
    {
        var stand = await _beheerder.ImporteerEnWachtAsync("klantnummer;naam\nK1;Anna\n");

        Assert.Equal(("mislukt", "Het bestand is niet te lezen"), (stand.GetProperty("status").GetString(), stand.GetProperty("titel").GetString()));
        Assert.Contains("geboortedatum", stand.GetProperty("melding").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await AantalKlantenAsync());
    }

    [Fact]
    public async Task Wat_voor_het_aannemen_al_fout_is_krijgt_meteen_een_antwoord()
    {
        using var leeg = await _beheerder.PostAsync("/api/v1/bestand", new StringContent("", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, leeg.StatusCode);
        Assert.Equal("Leeg bestand", (await leeg.LeesAsync()).GetProperty("title").GetString());

        var groot = new byte[(1 << 20) + 1];
        using var metLengte = await _beheerder.PostAsync("/api/v1/bestand", new ByteArrayContent(groot) { Headers = { ContentType = new("text/csv") } });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, metLengte.StatusCode);
        Assert.Equal("application/problem+json", metLengte.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Het bestand is te groot", (await metLengte.LeesAsync()).GetProperty("title").GetString());
        // Sent without a length (chunked): counted while it is stored, and nothing stays behind.
        using var zonderLengte = await _beheerder.PostAsync("/api/v1/bestand", new StreamContent(new ZonderLengte(groot)) { Headers = { ContentType = new("text/csv") } });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, zonderLengte.StatusCode);
        Assert.Empty((await (await _beheerder.GetAsync("/api/v1/bestand/imports")).LeesAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Wie_uit_de_export_verdwijnt_verlaat_het_bestand_maar_blijft_bewaard()
    {
        await _beheerder.ImporteerGoedAsync(Csv.Bestand(Csv.Regel("K1"), Csv.Regel("K2")));
        await WachtOpHerbeoordelingAsync("K2");

        var rapport = await _beheerder.ImporteerGoedAsync(Csv.Bestand(Csv.Regel("K1")));

        Assert.Equal(1, rapport.GetProperty("uitBestand").GetInt32());
        var dossier = await (await _km.GetAsync("/api/v1/klanten/K2")).LeesAsync();
        Assert.False(dossier.GetProperty("inBestand").GetBoolean());
        Assert.Equal(["in bestand", "herbeoordeling", "uit bestand"], dossier.GetProperty("historie").EnumerateArray().Select(h => h.GetProperty("gebeurtenis").GetString()));
        Assert.Equal(1, await AantalKlantenAsync("&inBestand=true"));
    }

    [Fact]
    public async Task Na_een_herstart_zijn_klanten_en_historie_er_nog()
    {
        await _beheerder.ImporteerGoedAsync(Csv.Bestand(Csv.Regel("K1"), Csv.Regel("K2")));
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

    /// <summary>A body whose length the client cannot know up front, so it goes chunked.</summary>
    private sealed class ZonderLengte(byte[] inhoud) : MemoryStream(inhoud)
    {
        public override bool CanSeek => false;
    }
}
