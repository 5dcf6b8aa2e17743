using KenJeKlant.Bestand;
using KenJeKlant.Host.Infrastructuur.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace KenJeKlant.Host;

/// <summary>
/// Command-line tasks of the host binary that do not start a silo:
/// <c>genereer [--aantal N] [--seed S] [--gemeenten 0453,0375,0396] [--uitvoer pad]</c> writes a synthetic bestand (CSV);
/// <c>migreer</c> applies the schema to ConnectionStrings__KenJeKlant;
/// <c>auditlog-verifieer</c> checks the audit log's hash chain (exit code 1 if broken).
/// </summary>
public static class Commandos
{
    public static async Task<bool> VoerUitAsync(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "genereer":
                await GenereerAsync(args);
                return true;
            case "migreer":
                await MigreerAsync();
                return true;
            case "auditlog-verifieer":
                Environment.ExitCode = await VerifieerAuditlogAsync() ? 0 : 1;
                return true;
            default:
                return false;
        }
    }

    private static async Task GenereerAsync(string[] args)
    {
        var opties = new SyntheticBestandOpties
        {
            Aantal = int.Parse(Optie(args, "--aantal") ?? "3800", System.Globalization.CultureInfo.InvariantCulture),
            Seed = int.Parse(Optie(args, "--seed") ?? "2017", System.Globalization.CultureInfo.InvariantCulture),
            // CBS codes to spread the clients over (a dienst for several gemeenten); none: the gemeente column stays empty.
            Gemeenten = Optie(args, "--gemeenten")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
            Peildatum = DateOnly.FromDateTime(DateTime.Today),
        };
        var pad = Optie(args, "--uitvoer");
        await using Stream uit = pad is null ? Console.OpenStandardOutput() : File.Create(pad);
        await new SyntheticBestandGenerator(opties).SchrijfAsync(uit);
    }

    private static async Task MigreerAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__KenJeKlant")
            ?? throw new InvalidOperationException("Set ConnectionStrings__KenJeKlant to the database to migrate.");
        await using var db = NpgsqlDataSource.Create(connectionString);
        var toegepast = await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        Console.WriteLine(toegepast.Count == 0 ? "Schema is up to date." : "Applied: " + string.Join(", ", toegepast));
    }

    /// <summary>Checks the whole hash chain of the audit log; exit code 1 when an entry was changed or removed.</summary>
    private static async Task<bool> VerifieerAuditlogAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__KenJeKlant")
            ?? throw new InvalidOperationException("Set ConnectionStrings__KenJeKlant to the database whose audit log to verify.");
        await using var db = NpgsqlDataSource.Create(connectionString);
        var uitkomst = await new Audit.PostgresAuditLog(db).VerifieerAsync(CancellationToken.None);
        Console.WriteLine(uitkomst.Uitleg);
        return uitkomst.Intact;
    }

    private static string? Optie(string[] args, string naam)
    {
        var i = Array.IndexOf(args, naam);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
