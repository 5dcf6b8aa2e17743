using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Tests.Infrastructure;
using KenJeKlant.Tests.Klanten;
using Npgsql;
using Orleans.TestingHost;

namespace KenJeKlant.Tests.Campagnes;

/// <summary>
/// A silo with grain storage, reminders and the application tables in a PostgreSQL database of its
/// own, one fake clock for the domain and the reminders, and clients imported through their grains.
/// </summary>
public sealed class CampagneOmgeving : IAsyncDisposable
{
    /// <summary>Monday morning; the first gesprek can be ten days later.</summary>
    public static readonly DateTimeOffset Begin = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private readonly List<InProcessTestCluster> _clusters = [];
    private readonly string _serviceId = $"camp-{Guid.NewGuid():N}";

    private CampagneOmgeving(string database)
    {
        Database = database;
        // Reassessment reminders tick at most daily here: the campaign tests jump whole days.
        Silo.Herbeoordeling.CurrentValue = new HerbeoordelingBeleid { Controle = TimeSpan.FromDays(1) };
        Silo.Herbeoordeling.CurrentValue.VulStandaarden();
    }

    public KlantSilo Silo { get; } = new(Begin);
    public string Database { get; }
    public InProcessTestCluster Cluster => _clusters[^1];
    public IGrainFactory Grains => Cluster.Client;

    public static async Task<CampagneOmgeving> StartAsync(string naam)
    {
        var omgeving = new CampagneOmgeving(await PostgresServer.CreateDatabaseAsync(naam));
        await omgeving.StartClusterAsync();
        return omgeving;
    }

    /// <summary>A new silo on the same database and service: a restart.</summary>
    public async Task StartClusterAsync()
    {
        var cluster = PostgresTestCluster.Build(Database, _serviceId, silo => Silo.ConfigureerMetPostgres(silo.Services, Database));
        _clusters.Add(cluster);
        await cluster.DeployAsync();
    }

    public async Task<IReadOnlyList<string>> ImporteerAsync(int aantal, params string[] klantmanagers)
    {
        var nummers = new List<string>();
        for (var i = 0; i < aantal; i++)
        {
            var profiel = Profielen.Nieuw(klantmanagers[i % klantmanagers.Length]);
            await Grains.GetGrain<KenJeKlant.Abstractions.Klanten.IKlantGrain>(profiel.Klantnummer).ImporteerAsync(profiel, "import-1");
            nummers.Add(profiel.Klantnummer);
        }
        return nummers;
    }

    public async Task ImporteerAsync(params KenJeKlant.Abstractions.Klanten.KlantProfiel[] profielen)
    {
        foreach (var profiel in profielen)
            await Grains.GetGrain<KenJeKlant.Abstractions.Klanten.IKlantGrain>(profiel.Klantnummer).ImporteerAsync(profiel, "import-1");
    }

    public static CampagneDefinitie Definitie(Func<CampagneDefinitie, CampagneDefinitie>? aanpassing = null)
    {
        var beleid = KlantSilo.SnelleCampagne();
        var definitie = beleid.Definitie("Ik doe mee", null, DateOnly.FromDateTime(Begin.UtcDateTime));
        return aanpassing is null ? definitie : aanpassing(definitie);
    }

    /// <summary>Creates and starts a campaign and waits until everyone is planned.</summary>
    public async Task<ICampagneGrain> StartCampagneAsync(CampagneDefinitie definitie, string id = "ik-doe-mee")
    {
        var campagne = Grains.GetGrain<ICampagneGrain>(id);
        await campagne.MaakAsync(definitie, "programmaleider");
        await campagne.StartAsync("programmaleider");
        await WachtTotRustigAsync(campagne);
        return campagne;
    }

    /// <summary>Until the fan-out is done (durably: every gesprek and invitation is in the tables).</summary>
    public static async Task WachtTotRustigAsync(ICampagneGrain campagne)
    {
        await WachtTotAsync(async () => (await campagne.GetAsync())!.UitnodigenKlaar, "de campagne kwam niet tot rust");
    }

    /// <summary>Moves the fake clock in steps of hours (reminders fire on the way), then lets the campaign catch up.</summary>
    public async Task SpringAsync(TimeSpan duur, ICampagneGrain campagne)
    {
        var stap = TimeSpan.FromHours(6);
        for (var gedaan = TimeSpan.Zero; gedaan < duur; gedaan += stap)
        {
            Silo.Klok.Advance(duur - gedaan < stap ? duur - gedaan : stap);
            await Task.Delay(10);
        }
        await campagne.VerwerkTijdAsync();
        await WachtTotRustigAsync(campagne);
    }

    public static async Task WachtTotAsync(Func<Task<bool>> klaar, string melding, int seconden = 60)
    {
        var tot = DateTime.UtcNow.AddSeconds(seconden);
        while (DateTime.UtcNow < tot)
        {
            if (await klaar()) return;
            await Task.Delay(50);
        }
        Assert.Fail(melding);
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var db = NpgsqlDataSource.Create(Database);
        await using var cmd = db.CreateCommand(sql);
        foreach (var p in parameters) cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    public async Task<List<GesprekInTabel>> GesprekkenAsync()
    {
        await using var db = NpgsqlDataSource.Create(Database);
        await using var cmd = db.CreateCommand("SELECT id, klantnummer, poging, klantmanager, start, eind, status, gevolg FROM gesprek ORDER BY klantnummer, poging");
        var rijen = new List<GesprekInTabel>();
        await using var l = await cmd.ExecuteReaderAsync();
        while (await l.ReadAsync())
        {
            rijen.Add(new GesprekInTabel(l.GetGuid(0), l.GetString(1), l.GetInt16(2), l.GetString(3), l.GetFieldValue<DateTimeOffset>(4),
                l.GetFieldValue<DateTimeOffset>(5), l.GetString(6), l.GetString(7)));
        }
        return rijen;
    }

    public async Task<List<(Guid GesprekId, string Soort, string Status)>> BerichtenAsync()
    {
        await using var db = NpgsqlDataSource.Create(Database);
        await using var cmd = db.CreateCommand("SELECT gesprek_id, soort, status FROM bericht ORDER BY gesprek_id, soort");
        var rijen = new List<(Guid, string, string)>();
        await using var l = await cmd.ExecuteReaderAsync();
        while (await l.ReadAsync()) rijen.Add((l.GetGuid(0), l.GetString(1), l.GetString(2)));
        return rijen;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var cluster in _clusters) await cluster.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(Database);
    }
}

public sealed record GesprekInTabel(Guid Id, string Klantnummer, int Poging, string Klantmanager, DateTimeOffset Start, DateTimeOffset Eind, string Status, string Gevolg);
