using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace KenJeKlant.Host.Infrastructuur.Postgres;

/// <summary>A versioned schema script from deploy/sql, named <c>V###__name.sql</c>.</summary>
public sealed record SchemaScript(int Version, string Name, string Sql)
{
    /// <summary>SHA-256 of the script text (line endings normalised, so a CRLF checkout hashes the same).</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}

/// <summary>
/// Applies the schema scripts embedded in the host assembly, in version order, each pending one in its
/// own transaction, and records them in <c>schema_versie</c>. Used by the host at start-up, by the setup
/// command and by the tests, so every database is built the same way.
/// </summary>
public sealed partial class SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
{
    private const string ResourcePrefix = "KenJeKlant.Sql.";

    // Any key works as long as every migrator uses the same one; this is 0x4B4A4B5343484D, "KJKSCHM".
    private const string LockSql = "SELECT pg_advisory_lock(21192310633220173)";
    private const string UnlockSql = "SELECT pg_advisory_unlock(21192310633220173)";

    private const string CreateVersionTableSql = """
        CREATE TABLE IF NOT EXISTS schema_versie
        (
            versie       integer     NOT NULL PRIMARY KEY,
            naam         text        NOT NULL,
            checksum     char(64)    NOT NULL,
            toegepast_op timestamptz NOT NULL DEFAULT now()
        )
        """;

    [GeneratedRegex(@"^V(?<version>\d{3,})__[A-Za-z0-9_]+\.sql$")]
    private static partial Regex ScriptNamePattern();

    /// <summary>The scripts embedded in the host assembly, ordered by version.</summary>
    public static IReadOnlyList<SchemaScript> EmbeddedScripts()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Where(resource => resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(resource => ReadScript(assembly, resource))
            .OrderBy(script => script.Version)
            .ToList();

        var duplicate = scripts.GroupBy(script => script.Version).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Schema version {duplicate.Key} is used by more than one script: {string.Join(", ", duplicate.Select(s => s.Name))}.");
        }

        return scripts;
    }

    /// <summary>Applies every pending script; returns the file names applied by this call.</summary>
    /// <exception cref="InvalidOperationException">An applied script was changed afterwards.</exception>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct)
    {
        var scripts = EmbeddedScripts();
        await using var connection = await dataSource.OpenConnectionAsync(ct);

        // Several silos may start at once: a session-level advisory lock lets one migrate while the
        // others wait, and then find nothing left to do.
        await ExecuteAsync(connection, null, LockSql, ct);
        try
        {
            await ExecuteAsync(connection, null, CreateVersionTableSql, ct);
            var applied = await ReadAppliedAsync(connection, ct);
            VerifyUnchanged(scripts, applied);

            var appliedNow = new List<string>();
            foreach (var script in scripts.Where(s => !applied.ContainsKey(s.Version)))
            {
                await ApplyAsync(connection, script, ct);
                LogApplied(script.Name, script.Version);
                appliedNow.Add(script.Name);
            }

            if (appliedNow.Count == 0)
            {
                LogUpToDate(scripts.Count == 0 ? 0 : scripts[^1].Version);
            }

            return appliedNow;
        }
        finally
        {
            // Not cancellable: a pooled connection must not keep the lock.
            await ExecuteAsync(connection, null, UnlockSql, CancellationToken.None);
        }
    }

    private static SchemaScript ReadScript(Assembly assembly, string resource)
    {
        var fileName = resource[ResourcePrefix.Length..];
        var match = ScriptNamePattern().Match(fileName);
        if (!match.Success)
        {
            throw new InvalidOperationException(
                $"Embedded schema script '{fileName}' is not named V###__name.sql; rename it so its version is clear.");
        }

        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded schema script '{fileName}' cannot be read.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var version = int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture);
        return new SchemaScript(version, fileName, reader.ReadToEnd());
    }

    private static void VerifyUnchanged(IReadOnlyList<SchemaScript> scripts, Dictionary<int, string> applied)
    {
        foreach (var script in scripts)
        {
            if (applied.TryGetValue(script.Version, out var checksum) && checksum != script.Checksum)
            {
                throw new InvalidOperationException(
                    $"Schema script {script.Name} was changed after it was applied to this database " +
                    $"(recorded checksum {checksum}, embedded {script.Checksum}). Applied scripts are " +
                    "immutable: restore the original text and put the change in a new V### script.");
            }
        }
    }

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT versie, checksum FROM schema_versie", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var applied = new Dictionary<int, string>();
        while (await reader.ReadAsync(ct))
        {
            applied.Add(reader.GetInt32(0), reader.GetString(1));
        }

        return applied;
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, SchemaScript script, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        try
        {
            await ExecuteAsync(connection, transaction, script.Sql, ct);
        }
        catch (PostgresException ex)
        {
            throw new InvalidOperationException($"Schema script {script.Name} failed: {ex.MessageText}", ex);
        }

        await using var record = new NpgsqlCommand(
            "INSERT INTO schema_versie (versie, naam, checksum) VALUES ($1, $2, $3)", connection, transaction);
        record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = script.Version });
        record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = script.Name });
        record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = script.Checksum });
        await record.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema script {Name} (version {Version})")]
    private partial void LogApplied(string name, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date at version {Version}")]
    private partial void LogUpToDate(int version);
}
