using KenJeKlant.Host.Gesprekken;
using KenJeKlant.Grains;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Campagnes;
using KenJeKlant.Grains.Handhaving;
using KenJeKlant.Grains.Klanten;
using KenJeKlant.Grains.Werklijsten;
using KenJeKlant.Host.Campagnes;
using KenJeKlant.Host.Handhaving;
using KenJeKlant.Host.Infrastructuur.Postgres;
using KenJeKlant.Host.Klanten;
using KenJeKlant.Host.Herbeoordelingen;
using KenJeKlant.Host.PlanVanAanpak;
using KenJeKlant.Grains.PlanVanAanpak;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Orleans.Reminders;

namespace KenJeKlant.Tests.Infrastructure;

/// <summary>
/// The services a silo running KenJeKlant grains needs, with one fake clock for the grains and the
/// reminder service alike, and policies the test controls.
/// </summary>
public sealed class KlantSilo
{
    public FakeTimeProvider Klok { get; }
    public VeranderlijkBeleid<HerbeoordelingBeleid> Herbeoordeling { get; } = new(StandaardHerbeoordeling());
    public VeranderlijkBeleid<CampagneBeleid> Campagne { get; } = new(SnelleCampagne());
    public VeranderlijkBeleid<HandhavingBeleid> Handhaving { get; } = new(StandaardHandhaving());

    public KlantSilo(DateTimeOffset start) => Klok = new FakeTimeProvider(start);

    public static HerbeoordelingBeleid StandaardHerbeoordeling()
    {
        // One minute is Orleans' shortest reminder period: a missed tick is retried within a minute of fake time.
        var beleid = new HerbeoordelingBeleid { Controle = TimeSpan.FromMinutes(1) };
        beleid.VulStandaarden();
        return beleid;
    }

    public static HandhavingBeleid StandaardHandhaving()
    {
        var beleid = new HandhavingBeleid();
        beleid.VulStandaarden();
        return beleid;
    }

    /// <summary>A campaign that looks at the clock often, so tests in fake time need not wait for a real second.</summary>
    public static CampagneBeleid SnelleCampagne()
    {
        var beleid = new CampagneBeleid { Tik = TimeSpan.FromMilliseconds(50), WerkPerBeurt = TimeSpan.FromMilliseconds(100) };
        beleid.VulStandaarden();
        return beleid;
    }

    /// <summary>The application tables in PostgreSQL (the same stores the host uses).</summary>
    public void ConfigureerMetPostgres(IServiceCollection services, string connectionString)
    {
        ConfigureerBasis(services);
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<PostgresKlantOverzichten>();
        services.AddSingleton<IWerklijstBron>(sp => sp.GetRequiredService<PostgresKlantOverzichten>());
        services.AddHerbeoordelingScanners();
        services.AddSingleton<PostgresCampagneOpslag>();
        services.AddSingleton<ICampagneOpslag>(sp => sp.GetRequiredService<PostgresCampagneOpslag>());
        services.AddSingleton<IGesprekWerklijstBron>(sp => sp.GetRequiredService<PostgresCampagneOpslag>());
        services.AddSingleton<IKlantGesprekken, PostgresKlantGesprekken>();
        services.AddSingleton<IHandhavingOpslag, PostgresHandhaving>();
        services.AddSingleton<PostgresPlanVanAanpak>();
        services.AddSingleton<IPlanVanAanpakOpslag>(sp => sp.GetRequiredService<PostgresPlanVanAanpak>());
        services.AddSingleton<IAfspraakWerklijstBron>(sp => sp.GetRequiredService<PostgresPlanVanAanpak>());
    }

    private void ConfigureerBasis(IServiceCollection services)
    {
        services.AddSingleton(new Domeinklok(Klok));
        services.AddSingleton<KenJeKlant.Grains.Telemetrie.KenJeKlantMeters>();
        services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, Klok);
        services.AddOptions<TrajectBeleid>().PostConfigure(b => b.VulStandaarden());
        // A werklijst looks at the (fake) date often, so a deadline that arrives shows without a real wait.
        services.AddOptions<PlanVanAanpakBeleid>().PostConfigure(b => { b.VulStandaarden(); b.WerklijstControle = TimeSpan.FromMilliseconds(50); });
        services.AddSingleton<IOptionsMonitor<HerbeoordelingBeleid>>(Herbeoordeling);
        services.AddSingleton<IOptionsMonitor<CampagneBeleid>>(Campagne);
        services.AddSingleton<IOptionsMonitor<HandhavingBeleid>>(Handhaving);
    }

    /// <summary>Moves fake time forward in small steps until <paramref name="klaar"/> holds (a fake clock runs due timers inline).</summary>
    public async Task<bool> LaatTijdVerstrijkenTotAsync(Func<Task<bool>> klaar, TimeSpan maximaal)
    {
        var stap = TimeSpan.FromSeconds(5);
        for (var verstreken = TimeSpan.Zero; verstreken <= maximaal; verstreken += stap)
        {
            if (await klaar()) return true;
            Klok.Advance(stap);
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
        return await klaar();
    }
}
