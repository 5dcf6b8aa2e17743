using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Rechtmatigheid;
using KenJeKlant.Host.Infrastructuur;

namespace KenJeKlant.Host.Rechtmatigheid;

public static class RechtmatigheidModule
{
    /// <summary>Rechtmatigheidssignalen: the aanleidingen from <c>Beleid:Rechtmatigheid</c>, the table and the endpoints.</summary>
    public static WebApplicationBuilder AddRechtmatigheid(this WebApplicationBuilder builder)
    {
        builder.AddInstellingen<RechtmatigheidBeleid>(RechtmatigheidBeleid.Sectie)
            .PostConfigure(b => b.VulStandaarden())
            .Validate(b => b.Aanleidingen.All(a => !string.IsNullOrWhiteSpace(a)), "Beleid:Rechtmatigheid:Aanleidingen bevat geen lege namen.");
        builder.Services.AddSingleton<PostgresRechtmatigheid>();
        builder.Services.AddSingleton<IRechtmatigheidOpslag>(sp => sp.GetRequiredService<PostgresRechtmatigheid>());
        return builder;
    }

    public static IEndpointRouteBuilder MapRechtmatigheid(this IEndpointRouteBuilder app) => app.MapRechtmatigheidApi();
}
