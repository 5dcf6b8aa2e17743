using Dapper;
using Npgsql;

namespace KenJeKlant.Host.Rapportages;

/// <summary>A count for one gemeente: what (soort), which value (sleutel), and for period reports the month.</summary>
public sealed record Aantal(string Gemeente, string Soort, string Sleutel, int Waarde, DateOnly? Maand = null);

/// <summary>
/// The counts behind the rapportages. The bestand over time, its streams, the gesprekken held and the outcomes per route
/// come from the peildata's daily counts; movement on the ladder compares two peildata client by client; signals and
/// besluiten (a few thousand a year) come from their own tables, each counted in its own gemeente. Only counts leave
/// this class.
/// </summary>
public sealed class PostgresRapportages(NpgsqlDataSource db)
{
    /// <summary>The latest recorded peildatum on or before <paramref name="datum"/>, or null.</summary>
    public async Task<DateOnly?> PeildatumOpOfVoorAsync(DateOnly datum, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<DateOnly?>(new CommandDefinition(
            "SELECT max(peildatum) FROM peildatum_run WHERE peildatum <= @datum", new { datum }, cancellationToken: ct));
    }

    /// <summary>The counts of one peildatum.</summary>
    public Task<IReadOnlyList<Aantal>> OpPeildatumAsync(DateOnly peildatum, string[] soorten, CancellationToken ct) => LeesAsync("""
        SELECT gemeente, soort, sleutel, aantal AS waarde, NULL::date AS maand FROM peildatum_telling
        WHERE peildatum = @peildatum AND soort = ANY(@soorten)
        """, new { peildatum, soorten }, ct);

    /// <summary>Day counts of what happened (in- and uitstroom, gesprekken, outcomes) added up per month of the period.</summary>
    public Task<IReadOnlyList<Aantal>> PerMaandAsync(DateOnly van, DateOnly tot, string[] soorten, CancellationToken ct) => LeesAsync("""
        SELECT gemeente, soort, sleutel, sum(aantal)::int AS waarde, date_trunc('month', peildatum)::date AS maand FROM peildatum_telling
        WHERE peildatum BETWEEN @van AND @tot AND soort = ANY(@soorten)
        GROUP BY gemeente, soort, sleutel, date_trunc('month', peildatum)
        """, new { van, tot, soorten }, ct);

    /// <summary>The counts of the last peildatum of every month in the period (a trend line).</summary>
    public Task<IReadOnlyList<Aantal>> PerMaandeindeAsync(DateOnly van, DateOnly tot, string[] soorten, CancellationToken ct) => LeesAsync("""
        WITH einden AS (
            SELECT max(peildatum) AS peildatum FROM peildatum_run
            WHERE peildatum BETWEEN @van AND @tot GROUP BY date_trunc('month', peildatum))
        SELECT t.gemeente, t.soort, t.sleutel, t.aantal AS waarde, date_trunc('month', t.peildatum)::date AS maand
        FROM peildatum_telling t JOIN einden e ON e.peildatum = t.peildatum
        WHERE t.soort = ANY(@soorten)
        """, new { van, tot, soorten }, ct);

    /// <summary>
    /// Clients in the bestand with a trede on both peildata, by direction (omhoog, gelijk, omlaag), in the gemeente of
    /// the second. Read from the periods open on each day: the covering index serves it without the table.
    /// </summary>
    public Task<IReadOnlyList<Aantal>> LadderAsync(DateOnly eerste, DateOnly tweede, string standaard, CancellationToken ct) => LeesAsync("""
        SELECT coalesce(b.gemeente, @standaard) AS gemeente, 'ladder' AS soort,
               CASE WHEN b.trede > a.trede THEN 'omhoog' WHEN b.trede < a.trede THEN 'omlaag' ELSE 'gelijk' END AS sleutel,
               count(*)::int AS waarde, NULL::date AS maand
        FROM klant_peildata a
        JOIN klant_peildata b ON b.klantnummer = a.klantnummer AND b.geldig_van <= @tweede AND b.geldig_tot > @tweede
        WHERE a.geldig_van <= @eerste AND a.geldig_tot > @eerste
          AND a.in_bestand AND b.in_bestand AND a.trede IS NOT NULL AND b.trede IS NOT NULL
        GROUP BY 1, 3
        """, new { eerste, tweede, standaard }, ct);

    /// <summary>Handhaving signals raised per month, besluiten by kind and rechtmatigheid by conclusion, in the period.</summary>
    public Task<IReadOnlyList<Aantal>> HandhavingAsync(DateOnly van, DateOnly tot, string standaard, CancellationToken ct) => LeesAsync("""
        SELECT coalesce(s.gemeente, k.gemeente, @standaard) AS gemeente, 'signaal' AS soort, 'no-show' AS sleutel, count(*)::int AS waarde,
               date_trunc('month', s.aangemaakt_op AT TIME ZONE 'Europe/Amsterdam')::date AS maand
        FROM handhavingssignaal s LEFT JOIN klant_overzicht k ON k.klantnummer = s.klantnummer
        WHERE (s.aangemaakt_op AT TIME ZONE 'Europe/Amsterdam')::date BETWEEN @van AND @tot
        GROUP BY 1, 5
        UNION ALL
        SELECT coalesce(k.gemeente, @standaard), 'signaal', 'rechtmatigheid', count(*)::int,
               date_trunc('month', r.gemeld_op AT TIME ZONE 'Europe/Amsterdam')::date
        FROM rechtmatigheidssignaal r LEFT JOIN klant_overzicht k ON k.klantnummer = r.klantnummer
        WHERE (r.gemeld_op AT TIME ZONE 'Europe/Amsterdam')::date BETWEEN @van AND @tot
        GROUP BY 1, 5
        UNION ALL
        SELECT coalesce(s.gemeente, k.gemeente, @standaard), 'besluit', coalesce(s.besluit, 'nog geen besluit'), count(*)::int, NULL::date
        FROM handhavingssignaal s LEFT JOIN klant_overzicht k ON k.klantnummer = s.klantnummer
        WHERE (s.aangemaakt_op AT TIME ZONE 'Europe/Amsterdam')::date BETWEEN @van AND @tot
        GROUP BY 1, 3
        UNION ALL
        SELECT coalesce(k.gemeente, @standaard), 'conclusie', coalesce(r.zaak->'conclusie'->>'soort', 'nog geen conclusie'), count(*)::int, NULL::date
        FROM rechtmatigheidssignaal r LEFT JOIN klant_overzicht k ON k.klantnummer = r.klantnummer
        WHERE (r.gemeld_op AT TIME ZONE 'Europe/Amsterdam')::date BETWEEN @van AND @tot
        GROUP BY 1, 3
        """, new { van, tot, standaard }, ct);

    private async Task<IReadOnlyList<Aantal>> LeesAsync(string sql, object parameters, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        // JIT compiles for longer than these aggregates run.
        await conn.ExecuteAsync(new CommandDefinition("SET jit = off", cancellationToken: ct));
        var rijen = await conn.QueryAsync<Aantal>(new CommandDefinition(sql, parameters, commandTimeout: 60, cancellationToken: ct));
        return [.. rijen];
    }
}
