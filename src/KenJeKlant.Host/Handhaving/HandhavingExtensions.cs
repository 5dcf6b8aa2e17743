using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Handhaving;
using KenJeKlant.Host.Options;
using KenJeKlant.Host.Storage;

namespace KenJeKlant.Host.Handhaving;

public static class HandhavingExtensions
{
    /// <summary>
    /// The handhaving review: the afstemmingsverordening and zienswijzetermijn from <c>Beleid:Handhaving</c>,
    /// and the signal table in PostgreSQL (or in memory without a connection string, like the other tables).
    /// </summary>
    public static WebApplicationBuilder AddKenJeKlantHandhaving(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HandhavingBeleid>()
            .Bind(builder.Configuration.GetSection(HandhavingBeleid.Sectie))
            .PostConfigure(b => b.VulStandaarden())
            .Validate(b => b.MaatregelPercentages.All(p => p is > 0 and <= 100), "Beleid:Handhaving:MaatregelPercentages liggen tussen 1 en 100.")
            .Validate(b => b.MaatregelDuurMaanden.All(m => m > 0), "Beleid:Handhaving:MaatregelDuurMaanden zijn positief.")
            .Validate(b => b.ZienswijzeTermijnDagen > 0, "Beleid:Handhaving:ZienswijzeTermijnDagen is ten minste 1.")
            .ValidateOnStart();

        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(DatabaseInstellingen.ConnectionStringNaam)))
        {
            builder.Services.AddSingleton<IHandhavingOpslag>(sp => sp.GetRequiredService<InMemoryLeesmodel>());
            builder.Services.AddSingleton<IHandhavingLeesmodel>(sp => sp.GetRequiredService<InMemoryLeesmodel>());
            return builder;
        }
        builder.Services.AddSingleton<PostgresHandhaving>();
        builder.Services.AddSingleton<IHandhavingOpslag>(sp => sp.GetRequiredService<PostgresHandhaving>());
        builder.Services.AddSingleton<IHandhavingLeesmodel>(sp => sp.GetRequiredService<PostgresHandhaving>());
        return builder;
    }
}
