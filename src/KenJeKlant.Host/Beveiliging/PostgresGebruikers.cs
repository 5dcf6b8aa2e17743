using Npgsql;

namespace KenJeKlant.Host.Beveiliging;

public sealed class PostgresGebruikers(NpgsqlDataSource db) : IGebruikers
{
    private const string Kolommen = "gebruikersnaam, naam, rollen, medewerker, wachtwoord_hash, mislukte_pogingen, geblokkeerd_tot, actief";

    public async Task<Gebruiker?> VindAsync(string gebruikersnaam, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"SELECT {Kolommen} FROM gebruiker WHERE gebruikersnaam = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = gebruikersnaam });
        return (await LeesAsync(cmd, ct)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<Gebruiker>> AllemaalAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"SELECT {Kolommen} FROM gebruiker ORDER BY gebruikersnaam");
        return await LeesAsync(cmd, ct);
    }

    public async Task<bool> IsLeegAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT NOT EXISTS (SELECT 1 FROM gebruiker)");
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    public async Task BewaarAsync(Gebruiker gebruiker, CancellationToken ct)
    {
        var g = gebruiker;
        await using var cmd = db.CreateCommand("""
            INSERT INTO gebruiker (gebruikersnaam, naam, rollen, medewerker, wachtwoord_hash, mislukte_pogingen, geblokkeerd_tot, actief)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (gebruikersnaam) DO UPDATE SET naam = $2, rollen = $3, medewerker = $4, wachtwoord_hash = $5,
                mislukte_pogingen = $6, geblokkeerd_tot = $7, actief = $8
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = g.Gebruikersnaam });
        cmd.Parameters.Add(new NpgsqlParameter { Value = g.Naam });
        cmd.Parameters.Add(new NpgsqlParameter { Value = g.Rollen.ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)g.Medewerker ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter { Value = g.WachtwoordHash });
        cmd.Parameters.Add(new NpgsqlParameter { Value = g.MisluktePogingen });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)g.GeblokkeerdTot ?? DBNull.Value, DataTypeName = "timestamptz" });
        cmd.Parameters.Add(new NpgsqlParameter { Value = g.Actief });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<Gebruiker?> TelMisluktAsync(string gebruikersnaam, int maximum, DateTimeOffset blokkeerTot, CancellationToken ct)
    {
        // One statement: concurrent wrong guesses on several silos cannot undercount.
        await using var cmd = db.CreateCommand($"""
            UPDATE gebruiker SET mislukte_pogingen = mislukte_pogingen + 1,
                geblokkeerd_tot = CASE WHEN mislukte_pogingen + 1 >= $2 THEN $3 ELSE geblokkeerd_tot END
            WHERE gebruikersnaam = $1
            RETURNING {Kolommen}
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = gebruikersnaam });
        cmd.Parameters.Add(new NpgsqlParameter { Value = maximum });
        cmd.Parameters.Add(new NpgsqlParameter { Value = blokkeerTot, DataTypeName = "timestamptz" });
        return (await LeesAsync(cmd, ct)).SingleOrDefault();
    }

    public async Task HerstelPogingenAsync(string gebruikersnaam, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(
            "UPDATE gebruiker SET mislukte_pogingen = 0, geblokkeerd_tot = NULL WHERE gebruikersnaam = $1 AND mislukte_pogingen > 0");
        cmd.Parameters.Add(new NpgsqlParameter { Value = gebruikersnaam });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<List<Gebruiker>> LeesAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var lijst = new List<Gebruiker>();
        while (await r.ReadAsync(ct))
            lijst.Add(new Gebruiker(
                r.GetString(0), r.GetString(1), r.GetFieldValue<string[]>(2),
                r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4), r.GetInt32(5),
                r.IsDBNull(6) ? null : r.GetFieldValue<DateTimeOffset>(6), r.GetBoolean(7)));
        return lijst;
    }
}
