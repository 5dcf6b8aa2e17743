using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KenJeKlant.Tests.Storage;

namespace KenJeKlant.Tests.Api;

[Collection(SerialOrleansClusters.Name)]
public sealed class AgendaApiTests : IAsyncLifetime
{
    private KenJeKlantApp _app = null!;
    private Medewerkers _als = null!;

    public async Task InitializeAsync() => (_app, _als) = await VierKlanten.StartAsync("agenda");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task De_agenda_toont_campagnegesprekken_als_bezet_en_alleen_vrije_momenten_daarbuiten()
    {
        (await _als.Programmaleider.PostAsJsonAsync("/api/v1/campagnes", new { naam = "Agenda", selectie = new { klantmanager = "KM002" } })).EnsureSuccessStatusCode();
        (await _als.Programmaleider.PostAsync("/api/v1/campagnes/agenda/start", null)).EnsureSuccessStatusCode();
        var gesprek = default(JsonElement);
        await Campagnes.CampagneOmgeving.WachtTotAsync(async () =>
        {
            var dossier = await (await _als.Km002.GetAsync("/api/v1/klanten/K3")).LeesAsync();
            if (dossier.GetProperty("gesprekken").GetArrayLength() != 1) return false;
            gesprek = dossier.GetProperty("gesprekken")[0];
            return true;
        }, "de campagne plande geen gesprek");
        var start = gesprek.GetProperty("start").GetDateTimeOffset();
        var dag = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).DateTime);

        var agenda = await (await _als.Km002.GetAsync($"/api/v1/klantmanagers/KM002/agenda?van={dag:yyyy-MM-dd}&tot={dag:yyyy-MM-dd}")).LeesAsync();

        var geboekt = Assert.Single(agenda.GetProperty("geboekt").EnumerateArray());
        Assert.Equal(gesprek.GetProperty("id").GetString(), geboekt.GetProperty("gesprekId").GetString());
        Assert.Equal(("K3", "Agenda"), (geboekt.GetProperty("klantnummer").GetString(), geboekt.GetProperty("campagneNaam").GetString()));
        var eind = gesprek.GetProperty("eind").GetDateTimeOffset();
        var vrij = agenda.GetProperty("vrij").EnumerateArray().Select(m => (Start: m.GetProperty("start").GetDateTimeOffset(), Eind: m.GetProperty("eind").GetDateTimeOffset())).ToList();
        Assert.NotEmpty(vrij);
        Assert.All(vrij, m => Assert.False(m.Start < eind && start < m.Eind, $"vrij moment {m.Start} overlapt het gesprek"));

        // Another klantmanager's agenda is not theirs to see; a period backwards is refused naming the field.
        Assert.Equal(HttpStatusCode.Forbidden, (await _als.Km001.GetAsync("/api/v1/klantmanagers/KM002/agenda")).StatusCode);
        var achterstevoren = await _als.Km002.GetAsync($"/api/v1/klantmanagers/KM002/agenda?van={dag:yyyy-MM-dd}&tot={dag.AddDays(-1):yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.BadRequest, achterstevoren.StatusCode);
        Assert.True((await achterstevoren.LeesAsync()).GetProperty("errors").TryGetProperty("tot", out _));

        // The .ics: the same appointment by its gesprek id, in UTC, with the klantnummer and without the name.
        var ics = await _als.Km002.GetAsync("/api/v1/klantmanagers/KM002/agenda.ics");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        var tekst = await ics.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR", tekst, StringComparison.Ordinal);
        Assert.Contains($"UID:{gesprek.GetProperty("id").GetString()}@kenjeklant", tekst, StringComparison.Ordinal);
        Assert.Contains($"DTSTART:{start.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}", tekst, StringComparison.Ordinal);
        Assert.Contains("klant K3", tekst, StringComparison.Ordinal);
        var naam = (await (await _als.Km002.GetAsync("/api/v1/klanten/K3")).LeesAsync()).GetProperty("profiel").GetProperty("naam").GetString()!;
        Assert.DoesNotContain(naam, tekst, StringComparison.Ordinal);
    }
}
