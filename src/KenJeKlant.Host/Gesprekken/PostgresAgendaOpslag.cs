using Dapper;
using KenJeKlant.Grains.Campagnes;
using KenJeKlant.Grains.Gesprekken;
using KenJeKlant.Host.Campagnes;
using Npgsql;

namespace KenJeKlant.Host.Gesprekken;

/// <summary>What an agenda reads before a booking: the client (klant_overzicht), the gesprek table, and absences (medewerker).</summary>
public sealed class PostgresAgendaOpslag(NpgsqlDataSource db) : IAgendaOpslag
{
    public async Task<AgendaKlant?> KlantAsync(string klantnummer, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<AgendaKlant>(new CommandDefinition("""
            SELECT klantnummer, naam, klantmanager, in_bestand, uitstroom_reden IS NOT NULL AS uitkering_beeindigd, wijk
            FROM klant_overzicht WHERE klantnummer = @klantnummer
            """, new { klantnummer }, cancellationToken: ct));
    }

    public async Task<GesprekRij?> OpenGesprekAsync(string klantnummer, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rij = await conn.QueryFirstOrDefaultAsync<PostgresCampagneOpslag.OpgeslagenGesprek>(new CommandDefinition(
            $"SELECT {PostgresCampagneOpslag.Gesprek.Lijst()} FROM gesprek WHERE klantnummer = @klantnummer AND status IN {PostgresCampagneOpslag.OpenStatussen} ORDER BY start LIMIT 1",
            new { klantnummer }, cancellationToken: ct));
        return rij?.NaarRij();
    }

    public async Task<GesprekRij?> GesprekAsync(Guid id, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rij = await conn.QuerySingleOrDefaultAsync<PostgresCampagneOpslag.OpgeslagenGesprek>(new CommandDefinition(
            $"SELECT {PostgresCampagneOpslag.Gesprek.Lijst()} FROM gesprek WHERE id = @id", new { id }, cancellationToken: ct));
        return rij?.NaarRij();
    }

    public async Task<IReadOnlyList<Moment>> GeboektAsync(string klantmanager, DateTimeOffset van, DateTimeOffset tot, Guid? behalve, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rijen = await conn.QueryAsync<(DateTimeOffset Start, DateTimeOffset Eind)>(new CommandDefinition($"""
            SELECT start, eind FROM gesprek
            WHERE klantmanager = @klantmanager AND status IN {PostgresCampagneOpslag.OpenStatussen}
              AND start < @tot AND eind > @van AND id IS DISTINCT FROM @behalve
            """, new { klantmanager, van = van.UtcDateTime, tot = tot.UtcDateTime, behalve }, cancellationToken: ct));
        return [.. rijen.Select(r => new Moment(r.Start, r.Eind))];
    }

    public async Task<IReadOnlyList<(DateOnly Van, DateOnly Tot)>> AfwezigAsync(string klantmanager, DateOnly vandaag, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        // Away while a colleague covers the caseload (KlantmanagersApi's vervanging), from today up to its end.
        var tot = await conn.QuerySingleOrDefaultAsync<DateOnly?>(new CommandDefinition(
            "SELECT vervangen_tot FROM medewerker WHERE id = @klantmanager AND vervanger IS NOT NULL AND vervangen_tot >= @vandaag",
            new { klantmanager, vandaag }, cancellationToken: ct));
        return tot is { } t ? [(vandaag, t)] : [];
    }
}
