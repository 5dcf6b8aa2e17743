using Dapper;
using KenJeKlant.Grains.Herbeoordelingen;
using Npgsql;

namespace KenJeKlant.Host.Herbeoordelingen;

/// <summary>The clients whose herbeoordeling moment has come, from <c>klant_overzicht</c>'s indexed (vak, moment).</summary>
public sealed class PostgresHerbeoordelingAgenda(NpgsqlDataSource db) : IHerbeoordelingAgenda
{
    public async Task<IReadOnlyList<TeControleren>> TeControlerenAsync(short[] vakken, DateTimeOffset nu, TeControleren? na, int aantal, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rijen = await conn.QueryAsync<(DateTime Moment, string Klantnummer)>(new CommandDefinition("""
            SELECT herbeoordeling_controle, klantnummer FROM klant_overzicht
            WHERE vak = ANY(@vakken) AND herbeoordeling_controle <= @nu
              AND (herbeoordeling_controle, klantnummer) > (@naMoment, @naKlant)
            ORDER BY herbeoordeling_controle, klantnummer
            LIMIT @aantal
            """, new
        {
            vakken,
            nu = nu.UtcDateTime,
            naMoment = na?.Moment.UtcDateTime ?? DateTime.MinValue,
            naKlant = na?.Klantnummer ?? "",
            aantal,
        }, cancellationToken: ct));
        return [.. rijen.Select(r => new TeControleren(new DateTimeOffset(DateTime.SpecifyKind(r.Moment, DateTimeKind.Utc)), r.Klantnummer))];
    }
}
