using KenJeKlant.Abstractions.Peildata;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Peildata;
using KenJeKlant.Host.Infrastructuur;

namespace KenJeKlant.Host.Peildata;

/// <summary>
/// The nightly peildatum (<c>/api/v1/peildata</c>): every client's reported state per day, in periods, and the day's
/// counts that the rapportages read. One reminder for the cluster records it; a beheerder can record one by hand.
/// </summary>
public static class PeildataModule
{
    public static WebApplicationBuilder AddPeildata(this WebApplicationBuilder builder)
    {
        builder.AddInstellingen<PeildataBeleid>(PeildataBeleid.Sectie);
        builder.Services.AddSingleton<PostgresPeildata>();
        builder.Services.AddSingleton<IPeildata>(sp => sp.GetRequiredService<PostgresPeildata>());
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, PeildataStarter>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPeildata(this IEndpointRouteBuilder app)
    {
        app.MapPeildataApi();
        return app;
    }
}

/// <summary>Every silo, once active, makes sure the peildatum reminder exists.</summary>
public sealed class PeildataStarter(IGrainFactory grains) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PeildataStarter), ServiceLifecycleStage.Active,
            _ => grains.GetGrain<IPeildataGrain>(0).StartAsync(), _ => Task.CompletedTask);
}
