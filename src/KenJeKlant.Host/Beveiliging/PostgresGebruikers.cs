using Dapper;
using KenJeKlant.Host.Infrastructuur.Postgres;
using Npgsql;

namespace KenJeKlant.Host.Beveiliging;

public sealed class PostgresGebruikers(NpgsqlDataSource db) : IGebruikers
{
    // The gebruiker table, once: the upsert, its parameters and the SELECT (and RETURNING) list come from here.
    internal static readonly KolomTabel<Gebruiker> Gebruikers = new KolomTabel<Gebruiker>("gebruiker")
        .Kolom("gebruikersnaam", "text", g => g.Gebruikersnaam)
        .Kolom("naam", "text", g => g.Naam)
        .Kolom("rollen", "text[]", g => g.Rollen.ToArray())
        .Kolom("medewerker", "text", g => g.Medewerker)
        .Kolom("wachtwoord_hash", "text", g => g.WachtwoordHash)
        .Kolom("mislukte_pogingen", "integer", g => g.MisluktePogingen)
        .Kolom("geblokkeerd_tot", "timestamptz", g => g.GeblokkeerdTot?.UtcDateTime)
        .Kolom("actief", "boolean", g => g.Actief)
        .Kolom("gemeenten", "text[]", g => (g.Gemeenten ?? []).ToArray());

    private static readonly string Upsert = Gebruikers.InsertUitWaarden(
        $"ON CONFLICT (gebruikersnaam) DO UPDATE SET {Gebruikers.ZetUitExcluded(Gebruikers.Behalve("gebruikersnaam"))}");

    public async Task<Gebruiker?> VindAsync(string gebruikersnaam, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rij = await conn.QuerySingleOrDefaultAsync<OpgeslagenGebruiker>(new CommandDefinition(
            $"SELECT {Gebruikers.Lijst()} FROM gebruiker WHERE gebruikersnaam = @gebruikersnaam", new { gebruikersnaam }, cancellationToken: ct));
        return rij?.NaarGebruiker();
    }

    public async Task<IReadOnlyList<Gebruiker>> AllemaalAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rijen = await conn.QueryAsync<OpgeslagenGebruiker>(new CommandDefinition(
            $"SELECT {Gebruikers.Lijst()} FROM gebruiker ORDER BY gebruikersnaam", cancellationToken: ct));
        return [.. rijen.Select(r => r.NaarGebruiker())];
    }

    public async Task<bool> IsLeegAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT NOT EXISTS (SELECT 1 FROM gebruiker)", cancellationToken: ct));
    }

    public async Task BewaarAsync(Gebruiker gebruiker, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(gebruiker);
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(Upsert, Gebruikers.Waarden(gebruiker), cancellationToken: ct));
    }

    public async Task<Gebruiker?> TelMisluktAsync(string gebruikersnaam, int maximum, DateTimeOffset blokkeerTot, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        // One statement: concurrent wrong guesses on several silos cannot undercount.
        var rij = await conn.QuerySingleOrDefaultAsync<OpgeslagenGebruiker>(new CommandDefinition($"""
            UPDATE gebruiker SET mislukte_pogingen = mislukte_pogingen + 1,
                geblokkeerd_tot = CASE WHEN mislukte_pogingen + 1 >= @maximum THEN @blokkeerTot ELSE geblokkeerd_tot END
            WHERE gebruikersnaam = @gebruikersnaam
            RETURNING {Gebruikers.Lijst()}
            """, new { gebruikersnaam, maximum, blokkeerTot = blokkeerTot.UtcDateTime }, cancellationToken: ct));
        return rij?.NaarGebruiker();
    }

    public async Task HerstelPogingenAsync(string gebruikersnaam, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE gebruiker SET mislukte_pogingen = 0, geblokkeerd_tot = NULL WHERE gebruikersnaam = @gebruikersnaam AND mislukte_pogingen > 0",
            new { gebruikersnaam }, cancellationToken: ct));
    }

    /// <summary>A gebruiker row read by column name (the record's constructor takes the roles as a list, the column is text[]).</summary>
    internal sealed class OpgeslagenGebruiker
    {
        public required string Gebruikersnaam { get; init; }
        public required string Naam { get; init; }
        public required string[] Rollen { get; init; }
        public string? Medewerker { get; init; }
        public required string WachtwoordHash { get; init; }
        public int MisluktePogingen { get; init; }
        public DateTimeOffset? GeblokkeerdTot { get; init; }
        public bool Actief { get; init; }
        public string[] Gemeenten { get; init; } = [];

        public Gebruiker NaarGebruiker() => new(Gebruikersnaam, Naam, Rollen, Medewerker, WachtwoordHash, MisluktePogingen, GeblokkeerdTot, Actief, Gemeenten);
    }
}
