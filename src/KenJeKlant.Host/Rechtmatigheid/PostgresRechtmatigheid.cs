using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using KenJeKlant.Abstractions.Rechtmatigheid;
using KenJeKlant.Grains.Rechtmatigheid;
using KenJeKlant.Host.Infrastructuur.Postgres;
using Npgsql;

namespace KenJeKlant.Host.Rechtmatigheid;

/// <summary>
/// The rechtmatigheidssignaal table: the signal and its steps as one JSON document (its one home), with the
/// klantnummer and status as columns generated from it for the queue. Its oproep letter goes to <c>bericht</c>.
/// </summary>
public sealed class PostgresRechtmatigheid(NpgsqlDataSource db) : IRechtmatigheidOpslag
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) } };

    public async Task<Rechtmatigheidszaak?> ZaakAsync(Guid id, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var tekst = await conn.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT zaak::text FROM rechtmatigheidssignaal WHERE id = @id", new { id }, cancellationToken: ct));
        return tekst is null ? null : JsonSerializer.Deserialize<Rechtmatigheidszaak>(tekst, Json);
    }

    public async Task SchrijfAsync(Rechtmatigheidszaak zaak, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(zaak);
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO rechtmatigheidssignaal (id, zaak, gemeld_op) VALUES (@id, @zaak::jsonb, @gemeldOp)
            ON CONFLICT (id) DO UPDATE SET zaak = excluded.zaak
            """, new { id = zaak.Id, zaak = JsonSerializer.Serialize(zaak, Json), gemeldOp = zaak.Gemeld.Tijdstip.UtcDateTime }, cancellationToken: ct));
    }

    public async Task<Guid> SchrijfOproepAsync(Guid signaalId, Guid briefId, DateTimeOffset verzondenOp, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<Guid>(new CommandDefinition("""
            WITH nieuw AS (
                INSERT INTO bericht (id, rechtmatigheidssignaal_id, klantnummer, soort, verzend_op, status, verzonden_op)
                SELECT @briefId, r.id, r.klantnummer, 'rechtmatigheidsoproep', @op, 'verzonden', @op
                FROM rechtmatigheidssignaal r WHERE r.id = @signaalId
                ON CONFLICT (rechtmatigheidssignaal_id, soort) WHERE rechtmatigheidssignaal_id IS NOT NULL DO NOTHING
                RETURNING id)
            SELECT id FROM nieuw
            UNION ALL
            SELECT id FROM bericht WHERE rechtmatigheidssignaal_id = @signaalId AND soort = 'rechtmatigheidsoproep'
            LIMIT 1
            """, new { signaalId, briefId, op = verzondenOp.UtcDateTime }, cancellationToken: ct));
    }

    /// <summary>The queue: every signal with the client's name, oldest first; <paramref name="status"/> filters when given.</summary>
    public async Task<IReadOnlyList<RechtmatigheidRegel>> LijstAsync(RechtmatigheidStatus? status, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rijen = await conn.QueryAsync<(string Zaak, string? Naam)>(new CommandDefinition("""
            SELECT r.zaak::text, k.naam FROM rechtmatigheidssignaal r
            LEFT JOIN klant_overzicht k ON k.klantnummer = r.klantnummer
            WHERE @status::text IS NULL OR r.status = @status
            ORDER BY r.gemeld_op, r.id
            """, new { status = status is { } s ? EnumTekst.Van(s) : null }, cancellationToken: ct));
        return [.. rijen.Select(r => new RechtmatigheidRegel(JsonSerializer.Deserialize<Rechtmatigheidszaak>(r.Zaak, Json)!, r.Naam ?? ""))];
    }

    /// <summary>The client's name and postcode for the oproep letter, and the gemeente it is sent for.</summary>
    public async Task<(string Naam, string Postcode, string? Gemeente)> AdresAsync(string klantnummer, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rij = await conn.QuerySingleOrDefaultAsync<(string? Naam, string? Postcode, string? Gemeente)>(new CommandDefinition(
            "SELECT naam, postcode, gemeente FROM klant_overzicht WHERE klantnummer = @klantnummer", new { klantnummer }, cancellationToken: ct));
        return (rij.Naam ?? klantnummer, rij.Postcode ?? "", rij.Gemeente);
    }
}

/// <summary>A signal in the queue with the client's name: the facts given, nothing from the dossier.</summary>
public sealed record RechtmatigheidRegel(Rechtmatigheidszaak Zaak, string Naam);
