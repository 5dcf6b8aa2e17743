using System.Diagnostics;
using System.Globalization;
using System.Text;
using KenJeKlant.Tests.Infrastructure;

namespace KenJeKlant.Tests.Cluster;

/// <summary>
/// A PostgreSQL server of one test's own (initdb in a temporary directory, a free port), for tests
/// that stop the database: the shared test server (port 55432) must stay up for every other test.
/// Runs as the <c>postgres</c> user when the tests run as root (PostgreSQL refuses root). A missing
/// PostgreSQL installation fails the test with instructions; it never skips.
/// </summary>
public sealed class WegwerpPostgres : IAsyncDisposable
{
    private const string Database = "kenjeklant";
    private readonly string _bin;
    private readonly string _data;
    private readonly string _log;

    private WegwerpPostgres(string bin, string map, int poort)
    {
        _bin = bin;
        Map = map;
        _data = Path.Combine(map, "data");
        _log = Path.Combine(map, "server.log");
        Poort = poort;
    }

    public string Map { get; }
    public int Poort { get; }

    /// <summary>To the empty application database; the host migrates it on start.</summary>
    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Poort};Username=postgres;Database={Database}";

    public static async Task<WegwerpPostgres> StartAsync()
    {
        var bin = ZoekBin();
        var map = Directory.CreateTempSubdirectory("kenjeklant-pg-").FullName;
        var server = new WegwerpPostgres(bin, map, VrijePoorten.Volgende());
        try
        {
            if (IsRoot)
            {
                // The temp directory is root's; the server runs as postgres and needs to own it.
                await VoerUitAsync("chown", ["-R", "postgres:postgres", map]);
            }
            await server.AlsPostgresAsync("initdb", "-D", server._data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync");
            await File.AppendAllTextAsync(Path.Combine(server._data, "postgresql.conf"), string.Create(CultureInfo.InvariantCulture, $"""

                listen_addresses = '127.0.0.1'
                port = {server.Poort}
                unix_socket_directories = '{server._data}'
                fsync = off
                max_connections = 200
                """));
            // 200, not 100: during the import of this test two silos (each two pools capped at 10) and the test itself peaked
            // at ~65 server connections here, and a run on a busy machine hit 100 ("53300 too many clients") before the
            // outage the test is about even began. The limit is the test server's, not the silos' pools.
            await server.StartAsync(CancellationToken.None);
            await server.AlsPostgresAsync("createdb", "-h", "127.0.0.1", "-p", server.Poort.ToString(CultureInfo.InvariantCulture), "-U", "postgres", Database);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Fast shutdown: open connections are cut, as in a crash or a failover.</summary>
    public Task StopAsync() => AlsPostgresAsync("pg_ctl", "-D", _data, "-m", "fast", "-w", "stop");

    public Task StartAsync(CancellationToken ct) => AlsPostgresAsync("pg_ctl", "-D", _data, "-l", _log, "-w", "-t", "60", "start");

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(_data, "postmaster.pid")))
                await AlsPostgresAsync("pg_ctl", "-D", _data, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // cleanup only; the directory goes anyway
        }
        try
        {
            Directory.Delete(Map, recursive: true);
        }
        catch (IOException)
        {
            // cleanup only
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task AlsPostgresAsync(string programma, params string[] argumenten)
    {
        var pad = Path.Combine(_bin, programma);
        return IsRoot ? VoerUitAsync("runuser", ["-u", "postgres", "--", pad, .. argumenten]) : VoerUitAsync(pad, argumenten);
    }

    private static async Task VoerUitAsync(string programma, string[] argumenten)
    {
        var info = new ProcessStartInfo(programma) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var a in argumenten) info.ArgumentList.Add(a);
        using var proces = Process.Start(info) ?? throw new InvalidOperationException($"Kon {programma} niet starten.");
        var uit = proces.StandardOutput.ReadToEndAsync();
        var fout = proces.StandardError.ReadToEndAsync();
        using var tijd = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await proces.WaitForExitAsync(tijd.Token);
        if (proces.ExitCode != 0)
            throw new InvalidOperationException(new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"{programma} {string.Join(' ', argumenten)} faalde (exit {proces.ExitCode}):\n")
                .Append(await uit).Append(await fout).ToString());
    }

    private static string ZoekBin()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .LastOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            "Deze test start een eigen PostgreSQL (initdb, pg_ctl) en vindt die niet onder /usr/lib/postgresql/*/bin. " +
            "Installeer PostgreSQL met deploy/local/postgres.sh ensure (apt-get install postgresql).");
    }
}
