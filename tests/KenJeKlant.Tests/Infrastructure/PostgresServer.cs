using System.Diagnostics;
using System.Globalization;
using System.Text;
using KenJeKlant.Host.Infrastructuur.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace KenJeKlant.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests run against: <c>KENJEKLANT_TEST_PG</c> (a connection string whose role
/// may CREATEDB), else the cluster of <c>deploy/local/postgres.sh</c>, started on demand. Tests never skip
/// for want of a database: an unreachable server fails them with instructions.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "KENJEKLANT_TEST_PG";
    public const string DefaultConnectionString =
        "Host=127.0.0.1;Port=55432;Username=kenjeklant;Password=kenjeklant;Database=kenjeklant";

    private const string DatabasePrefix = "kjk_t_";
    private const string RunStampFormat = "yyMMddHHmmss";

    // Databases of earlier runs older than this are dropped; younger ones may belong to a run in
    // progress in another work tree on the same server.
    private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(2);

    private static readonly string RunStamp = DateTime.UtcNow.ToString(RunStampFormat, CultureInfo.InvariantCulture);
    private static readonly Lazy<Task<string>> Admin = new(ConnectAsync);
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    /// <summary>
    /// Creates an empty database with the whole schema migrated (copied from a template migrated once)
    /// and returns its connection string. Pair with <see cref="DropDatabaseAsync"/>.
    /// </summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var admin = await Admin.Value;
        var template = await Template.Value;
        var name = $"{DatabasePrefix}{RunStamp}_{Sanitize(prefix)}_{Guid.NewGuid().ToString("N")[..8]}";
        await ExecuteAsync(admin, $"CREATE DATABASE {name} TEMPLATE {template}");
        return WithDatabase(admin, name);
    }

    /// <summary>Creates an empty database without any schema, for tests of the migration itself.</summary>
    public static async Task<string> CreateEmptyDatabaseAsync(string prefix)
    {
        var admin = await Admin.Value;
        var name = $"{DatabasePrefix}{RunStamp}_{Sanitize(prefix)}_{Guid.NewGuid().ToString("N")[..8]}";
        await ExecuteAsync(admin, $"CREATE DATABASE {name}");
        return WithDatabase(admin, name);
    }

    /// <summary>Drops a database made by this class, closing connections still pooled to it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        // Lets a fixture whose set-up failed before creating its database dispose without masking that failure.
        if (string.IsNullOrEmpty(connectionString))
        {
            return;
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        if (!name.StartsWith(DatabasePrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Refusing to drop '{name}': not a test database.", nameof(connectionString));
        }

        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        // Cleanup only: an autovacuum worker (owned by the superuser) busy in the database makes FORCE
        // fail for our role. Try again briefly, then leave it to the sweep of stale test databases.
        for (var poging = 1; ; poging++)
        {
            try
            {
                await ExecuteAsync(await Admin.Value, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && poging < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * poging));
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                await Console.Error.WriteLineAsync($"Test database {name} left for the stale-database sweep: {e.MessageText}");
                return;
            }
        }
    }

    private static async Task<string> ConnectAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        var connectionString = string.IsNullOrWhiteSpace(configured) ? DefaultConnectionString : configured;
        var firstError = await TryConnectAsync(connectionString);
        if (firstError is not null)
        {
            if (!string.IsNullOrWhiteSpace(configured))
            {
                throw Unreachable(connectionString, firstError, $"{EnvironmentVariable} is set, so postgres.sh was not run.");
            }

            var scriptOutput = RunBootstrapScript();
            var secondError = await TryConnectAsync(connectionString);
            if (secondError is not null)
            {
                throw Unreachable(connectionString, secondError, $"deploy/local/postgres.sh ensure said:\n{scriptOutput}");
            }
        }

        await DropStaleDatabasesAsync(connectionString);
        return connectionString;
    }

    private static async Task<string?> TryConnectAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return ex.Message;
        }
    }

    private static InvalidOperationException Unreachable(string connectionString, string error, string detail) =>
        new($"""
            The storage tests need PostgreSQL and cannot reach it.
              connection: {Redact(connectionString)}
              error:      {error}
            {detail}
            Start the local cluster with `deploy/local/postgres.sh ensure` (installs PostgreSQL when missing),
            or point {EnvironmentVariable} at a server whose role may CREATE DATABASE.
            """);

    private static string RunBootstrapScript()
    {
        var script = Path.Combine(RepositoryRoot(), "deploy", "local", "postgres.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("ensure");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {script}.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // Generous: on a fresh machine the script first installs PostgreSQL with apt-get.
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            lock (output) { output.AppendLine("(timed out after 10 minutes)"); }
        }

        process.WaitForExit();
        lock (output)
        {
            return $"exit code {process.ExitCode}\n{output}";
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KenJeKlant.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No KenJeKlant.sln above {AppContext.BaseDirectory}: cannot find deploy/local/postgres.sh.");
    }

    // The template is named after the scripts' checksums, so it is reused across runs (and work trees)
    // until a script changes. It is built under another name and renamed when complete, so a run that
    // dies half-way never leaves a half-migrated template behind.
    private static async Task<string> CreateTemplateAsync()
    {
        var admin = await Admin.Value;
        var checksums = string.Concat(SchemaMigrator.EmbeddedScripts().Select(s => s.Checksum));
        var name = "kjk_tpl_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.ASCII.GetBytes(checksums)))[..16];

        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        // Another test process may be building the same template right now.
        await ExecuteAsync(connection, "SELECT pg_advisory_lock(4919131752991417409)");
        try
        {
            if (await DatabaseExistsAsync(connection, name))
            {
                return name;
            }

            var building = name + "_build";
            await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {building} WITH (FORCE)");
            await ExecuteAsync(connection, $"CREATE DATABASE {building}");
            // No pooling: CREATE DATABASE ... TEMPLATE refuses while any connection to the template is open.
            var builder = new NpgsqlConnectionStringBuilder(WithDatabase(admin, building)) { Pooling = false };
            await using (var dataSource = NpgsqlDataSource.Create(builder.ConnectionString))
            {
                await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
            }

            await ExecuteAsync(connection, $"ALTER DATABASE {building} RENAME TO {name}");
            return name;
        }
        finally
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock(4919131752991417409)");
        }
    }

    private static async Task DropStaleDatabasesAsync(string admin)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        var names = new List<string>();
        // starts_with, not LIKE: in LIKE '_' is a wildcard, so 'kjk_t_%' also matched the templates
        // (kjk_tpl_…), and a run in one work tree dropped the template another run was copying.
        await using (var command = new NpgsqlCommand($"SELECT datname FROM pg_database WHERE starts_with(datname, '{DatabasePrefix}')", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names.Where(IsStale))
        {
            try
            {
                await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                // Tidying up an earlier run's leftovers must not fail this run: an autovacuum worker (a superuser's
                // backend, which FORCE may not end) can be on it right now. The next run drops it.
            }
        }
    }

    private static bool IsStale(string name)
    {
        var stamp = name[DatabasePrefix.Length..].Split('_')[0];
        return !DateTime.TryParseExact(stamp, RunStampFormat, CultureInfo.InvariantCulture,
                   DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var created)
               || DateTime.UtcNow - created > StaleAfter;
    }

    private static async Task<bool> DatabaseExistsAsync(NpgsqlConnection connection, string name)
    {
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        return await command.ExecuteScalarAsync() is not null;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, sql);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    // Every test has a database of its own, so every test host gets pools of its own (Npgsql's global
    // pools, keyed by connection string, which Orleans' ADO.NET providers use) that outlive the host.
    // With Npgsql's default of 5 minutes idle, a full suite's ~100 hosts kept ~400 idle connections
    // open at once and the process-cluster tests that came last found no slot (53300). Idle
    // connections of a finished test now close within seconds.
    private static string WithDatabase(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString)
        {
            Database = database,
            ConnectionIdleLifetime = 10,
            ConnectionPruningInterval = 2,
        }.ConnectionString;

    private static string Sanitize(string prefix)
    {
        var cleaned = new string(prefix.ToLowerInvariant().Where(c => c is >= 'a' and <= 'z' or >= '0' and <= '9').ToArray());
        return cleaned.Length == 0 ? "db" : cleaned[..Math.Min(cleaned.Length, 20)];
    }

    private static string Redact(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Password = null }.ConnectionString;
}
