using KenJeKlant.Grains;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Host.Campagnes.Simulatie;

namespace KenJeKlant.Host.Campagnes;

public static class CampagneExtensions
{
    /// <summary>The campaign policy (defaults for a new campaign and the pace of the machinery) from <c>Beleid:Campagne</c>.</summary>
    public static WebApplicationBuilder AddKenJeKlantCampagnes(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CampagneBeleid>()
            .Bind(builder.Configuration.GetSection(CampagneBeleid.Sectie))
            .PostConfigure(b => b.VulStandaarden());

        var simulatie = builder.Configuration.GetSection(SimulatieInstellingen.Sectie);
        builder.Services.Configure<SimulatieInstellingen>(simulatie);
        var dagInSeconden = simulatie.Get<SimulatieInstellingen>()?.DagInSeconden ?? 0;
        if (dagInSeconden > 0)
        {
            // Registered after the real domain clock, so this one is the one the grains get.
            builder.Services.AddKeyedSingleton<TimeProvider>(Klokken.Domein, new VersneldeKlok(TimeProvider.System, TimeSpan.FromDays(1).TotalSeconds / dagInSeconden));
            builder.Services.AddHostedService<CampagneSimulatie>();
        }
        return builder;
    }
}
