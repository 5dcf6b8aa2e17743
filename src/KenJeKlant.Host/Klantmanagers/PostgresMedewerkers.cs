using Dapper;
using Npgsql;

namespace KenJeKlant.Host.Klantmanagers;

public sealed class PostgresMedewerkers(NpgsqlDataSource db) : IMedewerkers
{
    public async Task<IReadOnlySet<string>> KlantmanagerIdsAsync(CancellationToken ct) =>
        (await KlantmanagersAsync(ct)).Where(k => k.Actief).Select(k => k.Id).ToHashSet(StringComparer.Ordinal);

    public async Task<IReadOnlyList<Klantmanager>> KlantmanagersAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var lijst = await conn.QueryAsync<Klantmanager>(new CommandDefinition(
            "SELECT id, naam, actief, vervanger, vervangen_tot FROM medewerker WHERE rol = 'klantmanager' ORDER BY id", cancellationToken: ct));
        return lijst.AsList();
    }

    public async Task BewaarAsync(Klantmanager klantmanager, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(klantmanager);
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO medewerker (id, naam, rol, actief) VALUES (@id, @naam, 'klantmanager', @actief)
            ON CONFLICT (id) DO UPDATE SET naam = excluded.naam, actief = excluded.actief
            """, new { id = klantmanager.Id, naam = klantmanager.Naam, actief = klantmanager.Actief }, cancellationToken: ct));
    }

    public async Task<bool> ZetVervangingAsync(string klantmanager, string? vervanger, DateOnly? tot, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE medewerker SET vervanger = @vervanger, vervangen_tot = @tot WHERE id = @klantmanager AND rol = 'klantmanager'",
            new { klantmanager, vervanger, tot }, cancellationToken: ct)) == 1;
    }

    public async Task<IReadOnlyList<string>> VervangenDoorAsync(string vervanger, DateOnly vandaag, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var ids = await conn.QueryAsync<string>(new CommandDefinition(
            "SELECT id FROM medewerker WHERE vervanger = @vervanger AND vervangen_tot >= @vandaag AND actief",
            new { vervanger, vandaag }, cancellationToken: ct));
        return ids.AsList();
    }
}
