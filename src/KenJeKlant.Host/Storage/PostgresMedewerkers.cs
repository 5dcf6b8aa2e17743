using Npgsql;

namespace KenJeKlant.Host.Storage;

public sealed class PostgresMedewerkers(NpgsqlDataSource db) : IMedewerkers
{
    public async Task<IReadOnlySet<string>> KlantmanagerIdsAsync(CancellationToken ct) =>
        (await KlantmanagersAsync(ct)).Where(k => k.Actief).Select(k => k.Id).ToHashSet(StringComparer.Ordinal);

    public async Task<IReadOnlyList<Klantmanager>> KlantmanagersAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT id, naam, actief FROM medewerker WHERE rol = 'klantmanager' ORDER BY id");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var lijst = new List<Klantmanager>();
        while (await reader.ReadAsync(ct)) lijst.Add(new Klantmanager(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)));
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
}
