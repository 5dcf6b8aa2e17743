using KenJeKlant.Abstractions.Herbeoordelingen;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Abstractions.Werklijsten;
using KenJeKlant.Tests.Infrastructure;
using KenJeKlant.Tests.Klanten;
using KenJeKlant.Tests.Storage;
using Npgsql;
using Orleans.TestingHost;

namespace KenJeKlant.Tests.Herbeoordelingen;

/// <summary>
/// The scanner-driven prompts on real PostgreSQL storage and reminders, in fake time. The clock
/// starts ten minutes before midnight so "tomorrow" arrives after a few dozen small steps.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class HerbeoordelingScannerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 23, 50, 0, TimeSpan.Zero);
    private static readonly DateOnly Vandaag = DateOnly.FromDateTime(Start.UtcDateTime);
    private const string Klantmanager = "KM001";

    private readonly KlantSilo _silo = new(Start);
    private readonly string _serviceId = $"herb-{Guid.NewGuid():N}";
    private readonly List<InProcessTestCluster> _clusters = [];
    private string _database = "";

    public async Task InitializeAsync() => _database = await PostgresServer.CreateDatabaseAsync("herbeoordeling");

    public async Task DisposeAsync()
    {
        foreach (var cluster in _clusters) await cluster.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(_database);
    }

    [Fact]
    public async Task Melding_op_de_vervaldag_en_escalatie_na_de_respijttermijn_elk_precies_een_keer()
    {
        var cluster = await StartAsync();
        var morgenAanDeBeurt = await KlantMetIndelingAsync(cluster, "K-MORGEN", Vandaag.AddDays(1).AddMonths(-3));
        var morgenTeLaat = await KlantMetIndelingAsync(cluster, "K-TELAAT", Vandaag.AddDays(1 - 14).AddMonths(-3));
        var luisteraar = await LuisterAsync(cluster);
        var meldingenVoor = await MeldingenInHistorieAsync(morgenAanDeBeurt); // the import's own prompt (never spoken to since 2019)
        Assert.Equal(HerbeoordelingStatus.Gepland, (await morgenAanDeBeurt.GetDossierAsync())!.Herbeoordeling!.Status);
        Assert.Equal(HerbeoordelingStatus.AanDeBeurt, (await morgenTeLaat.GetDossierAsync())!.Herbeoordeling!.Status);

        Assert.True(await _silo.LaatTijdVerstrijkenTotAsync(async () =>
        {
            var werklijst = await Werklijst(cluster).GetWerklijstAsync();
            return werklijst.HerbeoordelingenAanDeBeurt.Any(i => i.Klantnummer == "K-MORGEN")
                && werklijst.HerbeoordelingenTeLaat.Any(i => i.Klantnummer == "K-TELAAT");
        }, TimeSpan.FromMinutes(30)), "The scanners did not prompt and escalate after midnight.");
        await _silo.LaatTijdVerstrijkenTotAsync(() => Task.FromResult(false), TimeSpan.FromMinutes(5)); // more ticks: no more prompts

        Assert.Equal(1, luisteraar.Aantal("K-MORGEN", HerbeoordelingStatus.AanDeBeurt));
        Assert.Equal(1, luisteraar.Aantal("K-TELAAT", HerbeoordelingStatus.TeLaat));
        Assert.Equal(meldingenVoor + 1, await MeldingenInHistorieAsync(morgenAanDeBeurt));
    }

    [Fact]
    public async Task Een_tick_gemist_tijdens_een_volledige_herstart_geeft_daarna_precies_een_melding()
    {
        var eerste = await StartAsync();
        var klant = await KlantMetIndelingAsync(eerste, "K-GEMIST", Vandaag.AddDays(1).AddMonths(-3));
        var meldingenVoor = await MeldingenInHistorieAsync(klant);
        await eerste.StopAllSilosAsync();

        _silo.Klok.Advance(TimeSpan.FromHours(3)); // the due moment passes while no silo runs

        var tweede = await StartAsync();
        var luisteraar = await LuisterAsync(tweede);
        Assert.True(await _silo.LaatTijdVerstrijkenTotAsync(async () =>
            (await Werklijst(tweede).GetWerklijstAsync()).HerbeoordelingenAanDeBeurt.Any(i => i.Klantnummer == "K-GEMIST"),
            TimeSpan.FromMinutes(15)), "No prompt after the restart.");
        await _silo.LaatTijdVerstrijkenTotAsync(() => Task.FromResult(false), TimeSpan.FromMinutes(5));

        Assert.Equal(1, luisteraar.Aantal("K-GEMIST", HerbeoordelingStatus.AanDeBeurt));
        Assert.Equal(meldingenVoor + 1, await MeldingenInHistorieAsync(tweede.Client.GetGrain<IKlantGrain>("K-GEMIST")));
        // The next moment is the end of the grace period; the scanners have a reminder each, the client none.
        Assert.Equal(new DateTimeOffset(Vandaag.AddDays(1 + 14).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), await ControleVanAsync("K-GEMIST"));
        Assert.Equal([.. Enumerable.Range(0, 8).Select(i => $"herbeoordeling-scanner@{i}")], await RemindersAsync());

        // Leaving the bestand ends the schedule: no moment, no prompt left behind.
        await tweede.Client.GetGrain<IKlantGrain>("K-GEMIST").VerlaatBestandAsync("import-2");
        Assert.Null(await ControleVanAsync("K-GEMIST"));
        Assert.Empty((await Werklijst(tweede).GetWerklijstAsync()).HerbeoordelingenAanDeBeurt);
    }

    private async Task<InProcessTestCluster> StartAsync()
    {
        var cluster = PostgresTestCluster.Build(_database, _serviceId, silo => _silo.ConfigureerMetPostgres(silo.Services, _database));
        _clusters.Add(cluster);
        await cluster.DeployAsync();
        return cluster;
    }

    private static async Task<IKlantGrain> KlantMetIndelingAsync(InProcessTestCluster cluster, string klantnummer, DateOnly indelingsdatum)
    {
        var grain = cluster.Client.GetGrain<IKlantGrain>(klantnummer);
        await grain.ImporteerAsync(Profielen.Nieuw(Klantmanager) with { Klantnummer = klantnummer }, "import-1");
        await grain.RegistreerIndelingAsync(new IndelingRegistratie(Indeling.ZonderAfstand, indelingsdatum, Klantmanager));
        return grain;
    }

    private static IKlantmanagerGrain Werklijst(InProcessTestCluster cluster) => cluster.Client.GetGrain<IKlantmanagerGrain>(Klantmanager);

    private static async Task<WerklijstLuisteraar> LuisterAsync(InProcessTestCluster cluster)
    {
        var luisteraar = new WerklijstLuisteraar();
        await Werklijst(cluster).AbonneerAsync(cluster.Client.CreateObjectReference<IWerklijstObserver>(luisteraar));
        return luisteraar;
    }

    private static async Task<int> MeldingenInHistorieAsync(IKlantGrain grain) =>
        (await grain.GetDossierAsync())!.Historie.Count(h => h.Gebeurtenis == "herbeoordeling");

    private async Task<DateTimeOffset?> ControleVanAsync(string klantnummer)
    {
        await using var db = NpgsqlDataSource.Create(_database);
        await using var cmd = db.CreateCommand("SELECT herbeoordeling_controle FROM klant_overzicht WHERE klantnummer = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = klantnummer });
        return await cmd.ExecuteScalarAsync() is DateTime moment ? new DateTimeOffset(moment, TimeSpan.Zero) : null;
    }

    /// <summary>Every reminder of this cluster, as "name@grain key" (the grain id ends in its integer key).</summary>
    private async Task<IReadOnlyList<string>> RemindersAsync()
    {
        await using var db = NpgsqlDataSource.Create(_database);
        await using var cmd = db.CreateCommand("SELECT remindername || '@' || split_part(grainid, '/', 2) FROM orleansreminderstable WHERE serviceid = $1 ORDER BY 1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = _serviceId });
        var namen = new List<string>();
        await using var lezer = await cmd.ExecuteReaderAsync();
        while (await lezer.ReadAsync()) namen.Add(lezer.GetString(0));
        return namen;
    }
}
