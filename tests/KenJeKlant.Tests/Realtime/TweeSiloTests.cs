using System.Net.Http.Json;
using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Campagnes;
using KenJeKlant.Tests.Storage;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace KenJeKlant.Tests.Realtime;

/// <summary>
/// Two hosts on one database form one cluster. A client connected to host B follows a campaign and
/// a werklijst; the campaign runs on host A; what it does reaches the client through B's observer.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class TweeSiloTests : IAsyncLifetime
{
    private KenJeKlantApp _a = null!;
    private KenJeKlantApp _b = null!;
    private HttpClient _clientA = null!;

    public async Task InitializeAsync()
    {
        (_a, var als) = await VierKlanten.StartAsync("live2");
        _clientA = als.Programmaleider;
        _b = _a.Herstart(); // same database, ServiceId and ClusterId, its own ports: a second silo
        using var clientB = _b.CreateClient();
        await CampagneOmgeving.WachtTotAsync(async () =>
            (await _clientA.GetAsync("/health")).IsSuccessStatusCode && (await clientB.GetAsync("/health")).IsSuccessStatusCode
            && await ActieveSilosAsync(_a) == 2 && await ActieveSilosAsync(_b) == 2, "de twee silo's vormden geen cluster", seconden: 30);
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    [Fact]
    public async Task Een_client_op_silo_B_ziet_wat_een_campagne_op_silo_A_doet()
    {
        (await _clientA.PostAsJsonAsync("/api/v1/campagnes", LiveCampagne.Definitie("Twee silo's"))).EnsureSuccessStatusCode();
        Assert.Equal(Silo(_a), await SiloVanCampagneAsync("twee-silos"));

        await using var campagne = await LiveVerbinding.StartAsync(_b, "programmaleider", "/hubs/campagnes", "Voortgang");
        await using var werklijst = await LiveVerbinding.StartAsync(_b, "km-km001", "/hubs/werklijsten", "Werklijst", "WerklijstGewijzigd");
        await campagne.Verbinding.InvokeAsync("Volg", "twee-silos");
        await werklijst.Verbinding.InvokeAsync("Volg", "KM001");
        Assert.Equal("concept", Assert.Single(await campagne.WachtOpAsync(1)).Inhoud.GetProperty("status").GetString());
        var stand = Assert.Single(await werklijst.WachtOpAsync(1));
        Assert.Equal(("Werklijst", "KM001"), (stand.Soort, stand.Inhoud.GetProperty("klantmanager").GetString()));
        Assert.Equal(0, stand.Inhoud.GetProperty("gesprekken").GetArrayLength());

        (await _clientA.PostAsync("/api/v1/campagnes/twee-silos/start", null)).EnsureSuccessStatusCode();

        await CampagneOmgeving.WachtTotAsync(() => Task.FromResult(
            campagne.Laatste("Voortgang").GetProperty("funnel").GetProperty("ingepland").GetInt32() == 4),
            "de voortgang van silo A bereikte de client op silo B niet", seconden: 20);
        await CampagneOmgeving.WachtTotAsync(() => Task.FromResult(GesprekkenInDeltas(werklijst).SetEquals(["K1", "K2", "K4"])),
            "de gesprekken van KM001 bereikten de werklijst op silo B niet", seconden: 20);
    }

    private static HashSet<string> GesprekkenInDeltas(LiveVerbinding werklijst) =>
    [
        .. werklijst.Van("WerklijstGewijzigd")
            .SelectMany(batch => batch.EnumerateArray())
            .Where(w => !w.GetProperty("verwijderd").GetBoolean() && w.GetProperty("item").GetProperty("soort").GetString() == "gesprek")
            .Select(w => w.GetProperty("item").GetProperty("klantnummer").GetString()!),
    ];

    private static SiloAddress Silo(KenJeKlantApp app) => app.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    private static IManagementGrain Beheer(KenJeKlantApp app) => app.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);

    private static async Task<int> ActieveSilosAsync(KenJeKlantApp app) => (await Beheer(app).GetHosts(onlyActive: true)).Count;

    private async Task<SiloAddress?> SiloVanCampagneAsync(string id)
    {
        var statistieken = await Beheer(_a).GetDetailedGrainStatistics();
        return statistieken.FirstOrDefault(s => s.GrainId.Key.ToString() == id && s.GrainType.Contains(nameof(ICampagneGrain)[1..], StringComparison.Ordinal))?.SiloAddress;
    }
}
