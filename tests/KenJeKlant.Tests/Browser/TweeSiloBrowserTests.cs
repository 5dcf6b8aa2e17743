using System.Net.Http.Json;
using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Campagnes;
using KenJeKlant.Tests.Realtime;
using KenJeKlant.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Orleans.Runtime;

namespace KenJeKlant.Tests.Browser;

/// <summary>
/// Two hosts form one cluster. The browser is connected to silo B; the campaign grain lives on silo A
/// and is started through A: what it does reaches the page through B's observer.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class TweeSiloBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task Een_browser_op_silo_B_ziet_live_wat_een_campagne_op_silo_A_doet()
    {
        await using var a = await DashboardHost.StartAsync("browser-twee-silos");
        await using var b = DashboardHost.Naast(a.App);
        await CampagneOmgeving.WachtTotAsync(async () => await ActieveSilosAsync(a) == 2 && await ActieveSilosAsync(b) == 2,
            "de twee silo's vormden geen cluster", seconden: 30);
        using var beheerderOpA = await a.AlsAsync("beheerder");
        await beheerderOpA.ZetKlantmanagersAsync("KM001", "KM002");
        var csv = Csv.Bestand(Csv.Regel("K1"), Csv.Regel("K2"), Csv.Regel("K3", klantmanager: "KM002"), Csv.Regel("K4", naam: "Bram Jansen"));
        await beheerderOpA.ImporteerGoedAsync(csv);
        (await beheerderOpA.PostAsJsonAsync("/api/v1/campagnes", LiveCampagne.Definitie("Twee silo's"))).EnsureSuccessStatusCode();
        Assert.Equal(Silo(a), await SiloVanCampagneAsync(a, "twee-silos"));

        var page = await chromium.OpenAlsAsync(b, "programmaleider", "/programmaleider.html?campagne=twee-silos");
        await Pagina.WachtOpVerbindingAsync(page, "verbonden");
        await page.WaitForFunctionAsync("() => document.body.dataset.status === 'concept'");
        await Assertions.Expect(page.Locator("[data-veld='funnel.ingepland']")).ToHaveTextAsync("0");

        (await beheerderOpA.PostAsync("/api/v1/campagnes/twee-silos/start", null)).EnsureSuccessStatusCode();

        await Assertions.Expect(page.Locator("[data-veld='funnel.ingepland']")).ToHaveTextAsync("4", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("[data-veld='funnel.geselecteerd']")).ToHaveTextAsync("4");
        await page.WaitForFunctionAsync("() => document.body.dataset.status === 'actief'");
        Assert.Equal(Silo(a), await SiloVanCampagneAsync(a, "twee-silos")); // it did not move to B meanwhile
    }

    private static SiloAddress Silo(DashboardHost host) => host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    private static IManagementGrain Beheer(DashboardHost host) => host.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);

    private static async Task<int> ActieveSilosAsync(DashboardHost host) => (await Beheer(host).GetHosts(onlyActive: true)).Count;

    private static async Task<SiloAddress?> SiloVanCampagneAsync(DashboardHost host, string id)
    {
        var statistieken = await Beheer(host).GetDetailedGrainStatistics();
        return statistieken.FirstOrDefault(s => s.GrainId.Key.ToString() == id && s.GrainType.Contains(nameof(ICampagneGrain)[1..], StringComparison.Ordinal))?.SiloAddress;
    }
}
