using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace KenJeKlant.Benchmarks;

/// <summary>The repository, the project's PostgreSQL and fresh databases on it.</summary>
internal static class Omgeving
{
    public static string RepoRoot { get; } = ZoekRepo();

    public static string ArgOf(string[] args, string naam, string standaard)
    {
        var i = Array.IndexOf(args, naam);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : standaard;
    }

    public static int IntArg(string[] args, string naam, int standaard) =>
        int.Parse(ArgOf(args, naam, standaard.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    /// <summary>Starts (or installs) the project's PostgreSQL and returns its admin connection string.</summary>
    public static async Task<string> PostgresAsync()
    {
        var (code, uit) = await VoerUitAsync(Path.Combine(RepoRoot, "deploy/local/postgres.sh"), "ensure");
        if (code != 0) throw new InvalidOperationException("deploy/local/postgres.sh ensure failed");
        return uit.Trim().Split('\n')[^1];
    }

    public static async Task<string> NieuweDatabaseAsync(string admin, string naam)
    {
        await using var db = NpgsqlDataSource.Create(admin);
        await using (var drop = db.CreateCommand($"DROP DATABASE IF EXISTS {naam} WITH (FORCE)")) await drop.ExecuteNonQueryAsync();
        await using (var create = db.CreateCommand($"CREATE DATABASE {naam}")) await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(admin) { Database = naam }.ConnectionString;
    }

    public static async Task<(int Code, string Uitvoer)> VoerUitAsync(string bestand, string argumenten, IDictionary<string, string>? env = null)
    {
        var info = new ProcessStartInfo(bestand, argumenten) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) info.Environment[k] = v;
        using var p = Process.Start(info)!;
        var uit = p.StandardOutput.ReadToEndAsync();
        var fout = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) Console.Error.WriteLine(await fout);
        return (p.ExitCode, await uit);
    }

    private static string ZoekRepo()
    {
        for (var map = new DirectoryInfo(AppContext.BaseDirectory); map is not null; map = map.Parent)
            if (File.Exists(Path.Combine(map.FullName, "KenJeKlant.sln"))) return map.FullName;
        throw new InvalidOperationException("KenJeKlant.sln not found above " + AppContext.BaseDirectory);
    }
}
