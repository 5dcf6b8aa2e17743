using Dapper;
using Npgsql;

namespace KenJeKlant.Host.Doelen;

/// <summary>A target as set: by whom and when. <c>gemeente</c> empty: the dienst as a whole.</summary>
public sealed record Doel(long Id, string Indicator, int Jaar, string Gemeente, decimal Waarde, string? Toelichting, string GezetDoor, DateTimeOffset GezetOp);

/// <summary>The doelenboom's targets: every setting a new row, so the history of who set what when stays.</summary>
public sealed class PostgresDoelen(NpgsqlDataSource db)
{
    public async Task<Doel> ZetAsync(string indicator, int jaar, string gemeente, decimal waarde, string? toelichting, string door, DateTimeOffset op, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleAsync<Doel>(new CommandDefinition("""
            INSERT INTO doel (indicator, jaar, gemeente, waarde, toelichting, gezet_door, gezet_op)
            VALUES (@indicator, @jaar, @gemeente, @waarde, @toelichting, @door, @op)
            RETURNING id, indicator, jaar::int AS jaar, gemeente, waarde, toelichting, gezet_door AS GezetDoor, gezet_op AS GezetOp
            """, new { indicator, jaar = (short)jaar, gemeente, waarde, toelichting, door, op }, cancellationToken: ct));
    }

    /// <summary>Every setting for the years and gemeenten, newest first per indicator, year and gemeente.</summary>
    public async Task<IReadOnlyList<Doel>> AlleAsync(int vanJaar, int totJaar, IReadOnlyCollection<string> gemeenten, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rijen = await conn.QueryAsync<Doel>(new CommandDefinition("""
            SELECT id, indicator, jaar::int AS jaar, gemeente, waarde, toelichting, gezet_door AS GezetDoor, gezet_op AS GezetOp
            FROM doel WHERE jaar BETWEEN @vanJaar AND @totJaar AND gemeente = ANY(@gemeenten)
            ORDER BY indicator, jaar, gemeente, id DESC
            """, new { vanJaar, totJaar, gemeenten = gemeenten.ToArray() }, cancellationToken: ct));
        return [.. rijen];
    }
}
