using KenJeKlant.Abstractions.Herbeoordelingen;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Herbeoordelingen;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Host.Herbeoordelingen;

/// <summary>
/// Every silo, once it is active, makes sure the configured scanners have their reminder: a cluster that
/// starts from nothing has them at once, and one that restarts looks right away at what fell due meanwhile.
/// </summary>
public sealed class HerbeoordelingScanners(IGrainFactory grains, IOptionsMonitor<HerbeoordelingBeleid> beleid) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(HerbeoordelingScanners), ServiceLifecycleStage.Active, StartAsync, _ => Task.CompletedTask);

    private Task StartAsync(CancellationToken ct) =>
        Task.WhenAll(Enumerable.Range(0, beleid.CurrentValue.Scanners).Select(i => grains.GetGrain<IHerbeoordelingScannerGrain>(i).StartAsync()));
}

public static class HerbeoordelingScannersExtensions
{
    /// <summary>The scanners and where they look (a silo's services; the host and the test silos alike).</summary>
    public static IServiceCollection AddHerbeoordelingScanners(this IServiceCollection services)
    {
        services.AddSingleton<IHerbeoordelingAgenda, PostgresHerbeoordelingAgenda>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, HerbeoordelingScanners>();
        return services;
    }
}
