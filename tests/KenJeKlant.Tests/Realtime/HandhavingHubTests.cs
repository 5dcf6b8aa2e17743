using System.Net.Http.Json;
using System.Text.Json;
using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Campagnes;
using KenJeKlant.Tests.Storage;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Orleans.Runtime;

namespace KenJeKlant.Tests.Realtime;

/// <summary>
/// The handhaving hub across two silos. A client on silo B follows the queue; the campaign runs on
/// silo A, where the no-show policy creates the signal (K1 absent twice without reason) and a
/// behandelaar takes it into review. Both hosts share one fake domain clock, so weeks of campaign pass at once.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class HandhavingHubTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _klok = new(DateTimeOffset.UtcNow);
    private KenJeKlantApp _a = null!;
    private KenJeKlantApp _b = null!;
    private HttpClient _programma = null!, _handhaving = null!, _km = null!;

    public async Task InitializeAsync()
    {
        _a = await StartAsync(_klok);
        using (var beheerder = await _a.AlsAsync("beheerder"))
        {
            await beheerder.ZetKlantmanagersAsync("KM001", "KM002");
            var csv = Csv.Bestand(Csv.Regel("K1"), Csv.Regel("K2"), Csv.Regel("K3", klantmanager: "KM002"));
            await beheerder.ImporteerGoedAsync(csv);
        }
        (_programma, _handhaving, _km) = (await _a.AlsAsync("programmaleider"), await _a.AlsAsync("handhaving"), await _a.KlantmanagerAsync("KM001"));
        _b = _a.Herstart();
        using var clientB = _b.CreateClient();
        await CampagneOmgeving.WachtTotAsync(async () =>
            (await clientB.GetAsync("/health")).IsSuccessStatusCode
            && (await Beheer(_a).GetHosts(onlyActive: true)).Count == 2 && (await Beheer(_b).GetHosts(onlyActive: true)).Count == 2,
            "de twee silo's vormden geen cluster", seconden: 30);
    }

    private static async Task<KenJeKlantApp> StartAsync(TimeProvider klok) =>
        new(await Infrastructure.PostgresServer.CreateDatabaseAsync("livehh"), $"test-{Guid.NewGuid():N}") { DomeinKlok = klok };

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    [Fact]
    public async Task Een_client_op_silo_B_krijgt_de_lijst_dan_een_nieuw_signaal_en_de_behandeling_live()
    {
        (await _programma.PostAsJsonAsync("/api/v1/campagnes", LiveCampagne.Definitie("Handhaving live"))).EnsureSuccessStatusCode();
        (await _programma.PostAsync("/api/v1/campagnes/handhaving-live/start", null)).EnsureSuccessStatusCode();
        Assert.Equal(Silo(_a), await SiloVanCampagneAsync("handhaving-live"));

        await using var live = await LiveVerbinding.StartAsync(_b, "handhaving", "/hubs/handhaving", "Signalen", "SignaalGewijzigd");
        await live.Verbinding.InvokeAsync("Volg");
        var lijst = Assert.Single(await live.WachtOpAsync(1));
        Assert.Equal(("Signalen", 0), (lijst.Soort, lijst.Inhoud.GetArrayLength()));

        // Twice absent without reason: the first brings a new invitation, the second a signal.
        await NietVerschenenAsync(1);
        await NietVerschenenAsync(2);

        var api = await LijstVanApiAsync();
        var signaal = Assert.Single(api.EnumerateArray());
        Assert.Equal(("K1", "open"), (signaal.GetProperty("klantnummer").GetString(), signaal.GetProperty("status").GetString()));
        await CampagneOmgeving.WachtTotAsync(() => Task.FromResult(live.Van("SignaalGewijzigd").Count >= 1),
            "het nieuwe signaal van silo A bereikte de client op silo B niet", seconden: 20);
        // The pushed item is the API's item, field for field.
        Assert.Equal(signaal.GetRawText(), live.Van("SignaalGewijzigd")[0].GetRawText());

        var id = signaal.GetProperty("id").GetString();
        (await _handhaving.PostAsJsonAsync($"/api/v1/handhavingssignalen/{id}/behandeling", new { toelichting = "opgepakt" })).EnsureSuccessStatusCode();
        await CampagneOmgeving.WachtTotAsync(() => Task.FromResult(
            live.Van("SignaalGewijzigd")[^1].GetProperty("status").GetString() == "in-behandeling"),
            "de stap in de behandeling bereikte de client op silo B niet", seconden: 20);
        Assert.Equal(Assert.Single((await LijstVanApiAsync()).EnumerateArray()).GetRawText(), live.Van("SignaalGewijzigd")[^1].GetRawText());
        // Coalesced per signal: one push for its creation, one for the step — never a push per client of the campaign.
        Assert.Equal(2, live.Van("SignaalGewijzigd").Count);

        // A client that connects now gets the list as it stands: snapshot first, never stale.
        await using var later = await LiveVerbinding.StartAsync(_b, "handhaving", "/hubs/handhaving", "Signalen", "SignaalGewijzigd");
        await later.Verbinding.InvokeAsync("Volg");
        Assert.Equal(api.GetArrayLength(), Assert.Single(await later.WachtOpAsync(1)).Inhoud.GetArrayLength());
        Assert.Equal("in-behandeling", later.Van("Signalen")[0][0].GetProperty("status").GetString());
    }

    /// <summary>Moves the shared clock past K1's gesprek of this poging and records that K1 did not come, without reason.</summary>
    private async Task NietVerschenenAsync(int poging)
    {
        var gesprek = Guid.Empty;
        var eind = DateTimeOffset.MinValue;
        await CampagneOmgeving.WachtTotAsync(async () =>
        {
            await using var db = NpgsqlDataSource.Create(_a.ConnectionString);
            await using var cmd = db.CreateCommand("SELECT id, eind FROM gesprek WHERE klantnummer = 'K1' AND poging = $1");
            cmd.Parameters.Add(new NpgsqlParameter { Value = (short)poging });
            await using var lezer = await cmd.ExecuteReaderAsync();
            if (!await lezer.ReadAsync()) return false;
            (gesprek, eind) = (lezer.GetGuid(0), lezer.GetFieldValue<DateTimeOffset>(1));
            return true;
        }, $"K1 kreeg geen gesprek {poging}", seconden: 20);
        while (_klok.GetUtcNow() <= eind) _klok.Advance(TimeSpan.FromDays(1));
        var antwoord = await _km.PostAsJsonAsync($"/api/v1/klanten/K1/gesprekken/{gesprek}/uitkomst", new { verschenen = false, afwezigheid = "geen-reden" });
        Assert.True(antwoord.IsSuccessStatusCode, await antwoord.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> LijstVanApiAsync() => await (await _handhaving.GetAsync("/api/v1/handhavingssignalen")).LeesAsync();

    private static SiloAddress Silo(KenJeKlantApp app) => app.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    private static IManagementGrain Beheer(KenJeKlantApp app) => app.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);

    private async Task<SiloAddress?> SiloVanCampagneAsync(string id)
    {
        var statistieken = await Beheer(_a).GetDetailedGrainStatistics();
        return statistieken.FirstOrDefault(s => s.GrainId.Key.ToString() == id && s.GrainType.Contains(nameof(ICampagneGrain)[1..], StringComparison.Ordinal))?.SiloAddress;
    }
}
