using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace KenJeKlant.Benchmarks;

/// <summary>
/// The baseline: single-row INSERT commits per second that pgbench gets from the same PostgreSQL,
/// measured in the same run, so a figure is read as a ratio to what this machine can do.
/// </summary>
internal static partial class PgBench
{
    public static async Task<double> InsertsPerSecondAsync(string connectionString, int clients, int seconden)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        await using (var db = NpgsqlDataSource.Create(connectionString))
        await using (var cmd = db.CreateCommand("CREATE TABLE IF NOT EXISTS pgbench_baseline (id bigserial PRIMARY KEY, klantnummer text NOT NULL, tijd timestamptz NOT NULL DEFAULT now())"))
            await cmd.ExecuteNonQueryAsync();

        var script = Path.GetTempFileName();
        await File.WriteAllTextAsync(script, "INSERT INTO pgbench_baseline (klantnummer) VALUES ('K' || :client_id);\n");
        var pgbench = Directory.GetFiles("/usr/lib/postgresql", "pgbench", SearchOption.AllDirectories).FirstOrDefault() ?? "pgbench";
        var (code, uit) = await Omgeving.VoerUitAsync(pgbench,
            $"-n -c {clients} -j {Math.Min(clients, 2)} -T {seconden} -f {script} -h {cs.Host} -p {cs.Port} -U {cs.Username} {cs.Database}",
            new Dictionary<string, string> { ["PGPASSWORD"] = cs.Password ?? "" });
        File.Delete(script);
        if (code != 0) throw new InvalidOperationException("pgbench failed");
        var tps = Tps().Match(uit);
        return tps.Success ? double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture) : throw new InvalidOperationException("no tps in pgbench output:\n" + uit);
    }

    [GeneratedRegex(@"tps = ([0-9.]+)")]
    private static partial Regex Tps();
}
