using KenJeKlant.Grains.Beleid;

namespace KenJeKlant.Host.Campagnes;

public static class CampagneExtensions
{
    /// <summary>The campaign policy (defaults for a new campaign and the pace of the machinery) from <c>Beleid:Campagne</c>.</summary>
    public static WebApplicationBuilder AddKenJeKlantCampagnes(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CampagneBeleid>()
            .Bind(builder.Configuration.GetSection(CampagneBeleid.Sectie))
            .PostConfigure(b => b.VulStandaarden());
        return builder;
    }
}
