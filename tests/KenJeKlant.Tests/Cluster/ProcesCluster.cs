using System.Globalization;
using Npgsql;
using Orleans.Runtime;
using Xunit.Abstractions;

namespace KenJeKlant.Tests.Cluster;

/// <summary>
/// N real host processes forming one Orleans cluster on one PostgreSQL database. Reuse it for any
/// failure test:
/// <code>
/// await using var cluster = await ProcesCluster.StartAsync(3, await PostgresServer.CreateDatabaseAsync("x"), output);
/// await cluster.MetLogsBijFoutAsync(async () =&gt; { ...; await cluster[2].KillAsync(); ... });
/// </code>
/// Dispose kills whatever still runs (also when the test failed) and writes the tail of every
/// silo's log to the test output; the full logs stay in <see cref="LogMap"/>.
/// </summary>
public sealed class ProcesCluster : IAsyncDisposable
{
    private readonly ITestOutputHelper? _output;
    private readonly List<SiloProces> _silos = [];
    private bool _logsGetoond;

    // Each silo has two Npgsql pools (the Orleans providers share one, the application has its own)
    // of up to 100 connections; three busy silos could take the whole shared test server
    // (max_connections 200) from the tests running beside them. Ten per pool is plenty here.
    private const int MaxPoolPerSilo = 10;

    private ProcesCluster(string connectionString, string serviceId, ITestOutputHelper? output)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!builder.ContainsKey("Maximum Pool Size")) builder.MaxPoolSize = MaxPoolPerSilo;
        ConnectionString = builder.ConnectionString;
        ServiceId = serviceId;
        _output = output;
        LogMap = Directory.CreateTempSubdirectory("kenjeklant-cluster-").FullName;
    }

    public string ConnectionString { get; }

    /// <summary>Cluster id and service id of this cluster: membership rows and reminders are keyed by it.</summary>
    public string ServiceId { get; }

    public string LogMap { get; }

    public IReadOnlyList<SiloProces> Silos => _silos;

    public SiloProces this[int index] => _silos[index];

    /// <summary>
    /// Starts <paramref name="aantal"/> silos on <paramref name="connectionString"/> (a migrated or an
    /// empty database: the first host migrates it) and waits until each is healthy. The first starts
    /// alone so it migrates and founds the cluster; the others then join together.
    /// </summary>
    public static async Task<ProcesCluster> StartAsync(int aantal, string connectionString, ITestOutputHelper? output = null,
        IReadOnlyDictionary<string, string>? instellingen = null)
    {
        var cluster = new ProcesCluster(connectionString, $"proc-{Guid.NewGuid():N}"[..21], output);
        try
        {
            for (var i = 0; i < aantal; i++) cluster.VoegToe(instellingen);
            cluster[0].Start();
            await cluster[0].WachtTotGezondAsync();
            foreach (var silo in cluster.Silos.Skip(1)) silo.Start();
            await Task.WhenAll(cluster.Silos.Skip(1).Select(s => s.WachtTotGezondAsync()));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Adds one more silo (not started) with the cluster's settings plus <paramref name="instellingen"/>.</summary>
    public SiloProces VoegToe(IReadOnlyDictionary<string, string>? instellingen = null)
    {
        var alle = new Dictionary<string, string>
        {
            ["Cluster__ClusterId"] = ServiceId,
            ["Cluster__ServiceId"] = ServiceId,
        };
        foreach (var (k, v) in instellingen ?? new Dictionary<string, string>()) alle[k] = v;
        var silo = new SiloProces($"silo{_silos.Count + 1}", ConnectionString, LogMap, alle);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>SIGTERM to every running silo at once, waiting until all exited: a full, orderly cluster stop.</summary>
    public Task StopAllesAsync(TimeSpan? binnen = null) => Task.WhenAll(_silos.Where(s => s.Draait).Select(s => s.StopAsync(binnen)));

    /// <summary>Starts every stopped silo again (same ports and settings, after <paramref name="wijzig"/> adapted them) and waits until all are healthy.</summary>
    public async Task StartAllesOpnieuwAsync(Action<SiloProces>? wijzig = null)
    {
        var gestopt = _silos.Where(s => !s.Draait).ToList();
        foreach (var silo in gestopt)
        {
            wijzig?.Invoke(silo);
            silo.Start();
        }
        await Task.WhenAll(gestopt.Select(s => s.WachtTotGezondAsync()));
    }

    /// <summary>The membership table as the database sees it: one row per silo incarnation of this cluster.</summary>
    public async Task<IReadOnlyList<Lidmaatschap>> LidmatenAsync()
    {
        await using var db = NpgsqlDataSource.Create(ConnectionString);
        await using var cmd = db.CreateCommand("SELECT port, generation, status, proxyport FROM orleansmembershiptable WHERE deploymentid = $1 ORDER BY port, generation");
        cmd.Parameters.Add(new NpgsqlParameter { Value = ServiceId });
        await using var rows = await cmd.ExecuteReaderAsync();
        var lijst = new List<Lidmaatschap>();
        while (await rows.ReadAsync())
        {
            var poort = rows.GetInt32(0);
            lijst.Add(new Lidmaatschap(_silos.FirstOrDefault(s => s.SiloPoort == poort)?.Naam ?? poort.ToString(CultureInfo.InvariantCulture),
                poort, rows.GetInt32(1), (SiloStatus)rows.GetInt32(2)));
        }
        return lijst;
    }

    /// <summary>The status of the latest incarnation of <paramref name="silo"/> in the membership table.</summary>
    public async Task<SiloStatus?> StatusVanAsync(SiloProces silo) =>
        (await LidmatenAsync()).Where(l => l.Poort == silo.SiloPoort).OrderBy(l => l.Generatie).LastOrDefault()?.Status;

    /// <summary>Runs the test body; on failure the logs of every silo go to the test output before the exception travels on.</summary>
    public async Task MetLogsBijFoutAsync(Func<Task> test)
    {
        try
        {
            await test();
        }
        catch
        {
            ToonLogs(alles: true);
            throw;
        }
    }

    /// <summary>Writes the silos' logs (or their tails) to the test output, once.</summary>
    public void ToonLogs(bool alles)
    {
        if (_output is null || _logsGetoond) return;
        _logsGetoond = true;
        _output.WriteLine($"Logs of the silos: {LogMap}");
        foreach (var silo in _silos)
        {
            _output.WriteLine($"===== {silo.Naam} (http {silo.HttpPoort}, silo {silo.SiloPoort}) =====");
            _output.WriteLine(alles ? silo.Log : silo.Staart(60));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos) await silo.DisposeAsync();
        ToonLogs(alles: false);
    }
}

/// <summary>One row of Orleans' membership table.</summary>
public sealed record Lidmaatschap(string Silo, int Poort, int Generatie, SiloStatus Status);
