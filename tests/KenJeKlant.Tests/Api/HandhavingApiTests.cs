using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KenJeKlant.Tests.Storage;

namespace KenJeKlant.Tests.Api;

/// <summary>
/// The handhaving queue and review through the real host on PostgreSQL. The signal is put in the
/// tables as a campaign leaves it (two invitations, twice absent without reason), so the test needs no campaign in time.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class HandhavingApiTests : IAsyncLifetime
{
    private const string Medewerker = "handhaving"; // the demo account this test logs in with
    private static readonly Guid Gesprek1 = Guid.NewGuid(), Gesprek2 = Guid.NewGuid(), Signaal = Guid.NewGuid();

    private KenJeKlantApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = await KenJeKlantApp.StartAsync("handhaving");
        using var beheerder = await _app.AlsAsync("beheerder");
        _client = await _app.AlsAsync("handhaving");
        await beheerder.ZetKlantmanagersAsync("KM001");
        await beheerder.ImporteerGoedAsync(Csv.Bestand(Csv.Regel("K1", bsn: "111222333")));
        await SignaalInTabellen.LegKlaarAsync(_app.ConnectionString, Gesprek1, Gesprek2, Signaal);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Een_signaal_gaat_stap_voor_stap_naar_een_besluit_en_stappen_buiten_volgorde_krijgen_409()
    {
        var open = await (await _client.GetAsync("/api/v1/handhavingssignalen?status=open")).LeesAsync();
        var regel = Assert.Single(open.EnumerateArray().ToList());
        Assert.Equal(("K1", "Anna de Vries", "open"), (regel.GetProperty("klantnummer").GetString(), regel.GetProperty("naam").GetString(), regel.GetProperty("status").GetString()));
        Assert.Empty((await (await _client.GetAsync("/api/v1/handhavingssignalen?status=besloten")).LeesAsync()).EnumerateArray());
        var onzin = await _client.GetAsync("/api/v1/handhavingssignalen?status=onzin");
        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (onzin.StatusCode, onzin.Content.Headers.ContentType?.MediaType));

        var detail = await _client.GetAsync($"/api/v1/handhavingssignalen/{Signaal}");
        var tekst = await detail.Content.ReadAsStringAsync();
        Assert.DoesNotContain("111222333", tekst, StringComparison.Ordinal); // only what the review needs: no BSN
        Assert.DoesNotContain("bsn", tekst, StringComparison.OrdinalIgnoreCase);
        var d = JsonDocument.Parse(tekst).RootElement;
        Assert.Equal(("K1", "Anna de Vries", "Ik doe mee"), (d.GetProperty("klantnummer").GetString(), d.GetProperty("naam").GetString(), d.GetProperty("campagneNaam").GetString()));
        Assert.Equal("open", d.GetProperty("review").GetProperty("status").GetString());
        // The audit log names the client the signal is about, not only the signal's id.
        using var beheerder = await _app.AlsAsync("beheerder");
        var log = await (await beheerder.GetAsync("/api/v1/auditlog?betrokkene=klant%20K1")).LeesAsync();
        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("regel").GetProperty("verwerking").GetString() == "handhavingszaak inzien"
            && e.GetProperty("regel").GetProperty("actor").GetString() == Medewerker);
        var uitnodigingen = d.GetProperty("uitnodigingen").EnumerateArray().ToList();
        Assert.Equal([1, 2], uitnodigingen.Select(u => u.GetProperty("poging").GetInt32()));
        Assert.All(uitnodigingen, u => Assert.Equal(("niet-verschenen", "geen-reden"), (u.GetProperty("status").GetString(), u.GetProperty("afwezigheid").GetString())));
        Assert.Equal(["uitnodiging", "herinnering"], uitnodigingen[0].GetProperty("brieven").EnumerateArray().Select(b => b.GetProperty("soort").GetString()));

        // Nothing is decided before the steps the law asks for.
        var tevroeg = await Post("besluit", new { soort = "geen-maatregel", toelichting = "klaar" });
        Assert.Equal((HttpStatusCode.Conflict, "application/problem+json"), (tevroeg.StatusCode, tevroeg.Content.Headers.ContentType?.MediaType));
        Assert.Equal("Neem het signaal eerst in behandeling.", (await tevroeg.LeesAsync()).GetProperty("detail").GetString());

        var zonderReden = await Post("behandeling", new { });
        Assert.Equal(HttpStatusCode.BadRequest, zonderReden.StatusCode);
        Assert.True((await zonderReden.LeesAsync()).GetProperty("errors").TryGetProperty("toelichting", out _));

        // Who acts comes from the request's user, never from the body: a body naming someone else is refused, nothing recorded.
        var alsIemandAnders = await Post("behandeling", new { toelichting = "opgepakt", door = "iemand-anders" });
        Assert.Equal(HttpStatusCode.BadRequest, alsIemandAnders.StatusCode);
        Assert.True((await alsIemandAnders.LeesAsync()).GetProperty("errors").TryGetProperty("door", out _));
        var genomen = await (await Ok("behandeling", new { toelichting = "opgepakt" })).LeesAsync();
        Assert.Equal(Medewerker, genomen.GetProperty("inBehandeling").GetProperty("door").GetString());
        Assert.Equal("in-behandeling", genomen.GetProperty("status").GetString());

        var zonderContact = await Post("zienswijze", new { soort = "mondeling", samenvatting = "ziek", toelichting = "gesprek" });
        Assert.Equal(HttpStatusCode.Conflict, zonderContact.StatusCode);
        Assert.Contains("bezorgd", (await zonderContact.LeesAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        await Ok("bezorging", new { bezorgd = true, toelichting = "adres klopt, geen retourpost" });
        var duif = await Post("contactpogingen", new { kanaal = "duif", bereikt = true, toelichting = "x" });
        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (duif.StatusCode, duif.Content.Headers.ContentType?.MediaType));
        Assert.Contains("kanaal", (await duif.LeesAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post("contactpogingen", new { bereikt = true, toelichting = "x" })).StatusCode);
        await Ok("contactpogingen", new { kanaal = "telefoon", bereikt = true, toelichting = "klant gebeld en gevraagd naar zijn kant" });
        await Ok("zienswijze", new { soort = "mondeling", samenvatting = "Dacht dat de afspraak verzet was.", toelichting = "telefonisch gehoord" });
        await Ok("beoordeling", new { verwijtbaarheid = "verminderd-verwijtbaar", dringendeRedenen = false, toelichting = "brief ontvangen, wel verwarring" });

        var zonderPercentage = await Post("besluit", new { soort = "voorstel-maatregel", toelichting = "art. 18" });
        Assert.Equal(HttpStatusCode.BadRequest, zonderPercentage.StatusCode);
        var buitenVerordening = await Post("besluit", new { soort = "voorstel-maatregel", percentage = 25, duurMaanden = 1, toelichting = "art. 18" });
        Assert.Equal(HttpStatusCode.Conflict, buitenVerordening.StatusCode);
        Assert.Contains("afstemmingsverordening", (await buitenVerordening.LeesAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var besloten = await (await Ok("besluit", new { soort = "voorstel-maatregel", percentage = 20, duurMaanden = 1, toelichting = "art. 18: 20% een maand" })).LeesAsync();
        Assert.Equal(("besloten", "voorstel-maatregel", Medewerker), (besloten.GetProperty("status").GetString(),
            besloten.GetProperty("besluit").GetProperty("soort").GetString(), besloten.GetProperty("besluit").GetProperty("stap").GetProperty("door").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await Post("besluit", new { soort = "geen-maatregel", toelichting = "toch niet" })).StatusCode);

        var lijst = await (await _client.GetAsync("/api/v1/handhavingssignalen?status=besloten")).LeesAsync();
        var beslist = Assert.Single(lijst.EnumerateArray().ToList());
        Assert.Equal(("voorstel-maatregel", Medewerker), (beslist.GetProperty("besluit").GetString(), beslist.GetProperty("behandelaar").GetString()));
    }

    [Fact]
    public async Task Een_onbekend_signaal_is_404()
    {
        var id = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/handhavingssignalen/{id}")).StatusCode);
        var stap = await _client.PostAsJsonAsync($"/api/v1/handhavingssignalen/{id}/behandeling", new { toelichting = "x" });
        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (stap.StatusCode, stap.Content.Headers.ContentType?.MediaType));
    }

    private Task<HttpResponseMessage> Post(string stap, object body) =>
        _client.PostAsJsonAsync($"/api/v1/handhavingssignalen/{Signaal}/{stap}", body);

    private async Task<HttpResponseMessage> Ok(string stap, object body)
    {
        var antwoord = await Post(stap, body);
        Assert.True(antwoord.IsSuccessStatusCode, $"{stap}: {(int)antwoord.StatusCode} {await antwoord.Content.ReadAsStringAsync()}");
        return antwoord;
    }
}
