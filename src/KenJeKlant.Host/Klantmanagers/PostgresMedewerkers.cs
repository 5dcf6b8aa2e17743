using Npgsql;

namespace KenJeKlant.Host.Klantmanagers;

public sealed class PostgresMedewerkers(NpgsqlDataSource db) : IMedewerkers
{
    public async Task<IReadOnlySet<string>> KlantmanagerIdsAsync(CancellationToken ct) =>
        (await KlantmanagersAsync(ct)).Where(k => k.Actief).Select(k => k.Id).ToHashSet(StringComparer.Ordinal);

    public async Task<IReadOnlyList<Klantmanager>> KlantmanagersAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT id, naam, actief, vervanger, vervangen_tot FROM medewerker WHERE rol = 'klantmanager' ORDER BY id");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var lijst = new List<Klantmanager>();
        while (await reader.ReadAsync(ct)) lijst.Add(new Klantmanager(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2),
            reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4)));
        return lijst;
    }

    public async Task BewaarAsync(Klantmanager klantmanager, CancellationToken ct)
    {
        var km = klantmanager;
        await using var cmd = db.CreateCommand("""
            INSERT INTO medewerker (id, naam, rol, actief) VALUES ($1, $2, 'klantmanager', $3)
            ON CONFLICT (id) DO UPDATE SET naam = $2, actief = $3
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = km.Id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = km.Naam });
        cmd.Parameters.Add(new NpgsqlParameter { Value = km.Actief });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<bool> ZetVervangingAsync(string klantmanager, string? vervanger, DateOnly? tot, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("UPDATE medewerker SET vervanger = $2, vervangen_tot = $3 WHERE id = $1 AND rol = 'klantmanager'");
        cmd.Parameters.Add(new NpgsqlParameter { Value = klantmanager });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)vervanger ?? DBNull.Value, DataTypeName = "varchar" });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)tot ?? DBNull.Value, DataTypeName = "date" });
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<IReadOnlyList<string>> VervangenDoorAsync(string vervanger, DateOnly vandaag, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT id FROM medewerker WHERE vervanger = $1 AND vervangen_tot >= $2 AND actief");
        cmd.Parameters.Add(new NpgsqlParameter { Value = vervanger });
        cmd.Parameters.Add(new NpgsqlParameter { Value = vandaag });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var ids = new List<string>();
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0));
        return ids;
    }
}
