using KenJeKlant.Host.Gesprekken;
using KenJeKlant.Grains;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Campagnes;
using KenJeKlant.Grains.Klanten;
using KenJeKlant.Grains.Werklijsten;
using KenJeKlant.Host.Infrastructuur.Orleans;
using KenJeKlant.Host.Campagnes;
using KenJeKlant.Host.Klanten;
using KenJeKlant.Host.Herbeoordelingen;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace KenJeKlant.Benchmarks;

/// <summary>
/// One real silo in this process: PostgreSQL storage and reminders (ADO.NET, as in production). The
/// domain clock is fake so a due date can be reached without waiting for midnight; the reminder
/// service keeps the real clock (a fake one holding 100,000 timers measures only itself).
/// </summary>
internal static class BenchSilo
{
    public static async Task<IHost> StartAsync(string connectionString, FakeTimeProvider klok)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(new Domeinklok(klok));
        builder.Services.AddSingleton<KenJeKlant.Grains.Telemetrie.KenJeKlantMeters>();
        // The read model in PostgreSQL, as in production: every change also costs its upsert.
        var data = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 30 }.ConnectionString);
        var leesmodel = new PostgresKlantOverzichten(data);
        builder.Services.AddSingleton<IWerklijstBron>(leesmodel);
        builder.Services.AddHerbeoordelingScanners();
        builder.Services.AddSingleton(data);
        builder.Services.AddSingleton<PostgresCampagneOpslag>();
        builder.Services.AddSingleton<ICampagneOpslag>(sp => sp.GetRequiredService<PostgresCampagneOpslag>());
        builder.Services.AddSingleton<IGesprekWerklijstBron>(sp => sp.GetRequiredService<PostgresCampagneOpslag>());
        builder.Services.AddSingleton<IKlantGesprekken, PostgresKlantGesprekken>();
        builder.Services.AddSingleton<KenJeKlant.Grains.Werklijsten.IAfspraakWerklijstBron>(sp =>
            new KenJeKlant.Host.PlanVanAanpak.PostgresPlanVanAanpak(data, sp.GetRequiredService<Domeinklok>()));
        builder.Services.AddOptions<PlanVanAanpakBeleid>().PostConfigure(b => b.VulStandaarden());
        builder.Services.AddOptions<GesprekBeleid>();
        builder.Services.AddSingleton<KenJeKlant.Grains.Gesprekken.IAgendaOpslag>(new PostgresAgendaOpslag(data));
        builder.Services.AddOptions<CampagneBeleid>().PostConfigure(b => b.VulStandaarden());
        builder.Services.AddOptions<TrajectBeleid>().PostConfigure(b => b.VulStandaarden());
        builder.Services.AddOptions<HerbeoordelingBeleid>().PostConfigure(b =>
        {
            b.VulStandaarden();
            b.Controle = TimeSpan.FromMinutes(1);
        });
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering();
            silo.AddKenJeKlantPostgres(connectionString);
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
