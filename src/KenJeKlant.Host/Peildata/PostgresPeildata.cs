using System.Diagnostics;
using Dapper;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Abstractions.Peildata;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Peildata;
using KenJeKlant.Host.Gemeenten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KenJeKlant.Host.Peildata;

/// <summary>
/// Records a peildatum in one transaction: the periods of every client whose reported state changed are closed and
/// new ones opened (with the in- or uitstroom they start), then the day's counts per gemeente are made from them.
/// An advisory lock keeps two silos from recording at once; the peildatum_run row makes a second run a no-op.
/// </summary>
public sealed class PostgresPeildata(NpgsqlDataSource db, Gemeentelijst gemeenten, IOptionsMonitor<HerbeoordelingBeleid> herbeoordeling) : IPeildata
{
    private const long Slot = 0x6b6a6b_7065696c; // "kjk" "peil": one lock id for the whole cluster

    public async Task<DateOnly?> LaatsteAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<DateOnly?>(new CommandDefinition("SELECT max(peildatum) FROM peildatum_run", cancellationToken: ct));
    }

    public async Task<PeildatumRun> NeemAsync(DateOnly peildatum, CancellationToken ct = default)
    {
        var klok = Stopwatch.StartNew();
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@Slot)", new { Slot }, tx, cancellationToken: ct));
        var laatste = await conn.ExecuteScalarAsync<DateOnly?>(new CommandDefinition("SELECT max(peildatum) FROM peildatum_run", transaction: tx, cancellationToken: ct));
        if (laatste is { } l && peildatum < l)
            throw new OvergangGeweigerdException($"Peildatum {peildatum:dd-MM-yyyy} ligt voor de laatst vastgelegde ({l:dd-MM-yyyy}); de geschiedenis wordt niet herschreven.", "peildatum");
        if (laatste == peildatum)
        {
            // Taken again: undo that day's run first, so the periods continue from the day before.
            await conn.ExecuteAsync(new CommandDefinition("""
                DELETE FROM peildatum_telling WHERE peildatum = @peildatum;
                DELETE FROM peildatum_run WHERE peildatum = @peildatum;
                DELETE FROM klant_peildata WHERE geldig_van = @peildatum;
                UPDATE klant_peildata SET geldig_tot = 'infinity' WHERE geldig_tot = @peildatum;
                """, new { peildatum }, tx, cancellationToken: ct));
        }
        var eerste = await conn.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT NOT EXISTS (SELECT 1 FROM peildatum_run WHERE peildatum < @peildatum)", new { peildatum }, tx, cancellationToken: ct));
        var gewijzigd = await conn.ExecuteAsync(new CommandDefinition(Vastleggen, new { peildatum, eerste }, tx, commandTimeout: 600, cancellationToken: ct));
        var klanten = await conn.ExecuteScalarAsync<int>(new CommandDefinition("SELECT count(*) FROM klant_overzicht", transaction: tx, cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition(
            "INSERT INTO peildatum_run (peildatum, uitgevoerd_op, klanten, gewijzigd, duur_ms) VALUES (@peildatum, now(), @klanten, @gewijzigd, 0)",
            new { peildatum, klanten, gewijzigd }, tx, cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition(Tellen, new
        {
            peildatum,
            standaard = gemeenten.Alle[0].Code,
            teLaat = herbeoordeling.CurrentValue.TeLaatNaDagen,
            codes = gemeenten.Alle.Select(g => g.Code).ToArray(),
            dagen = gemeenten.Alle.Select(g => herbeoordeling.Get(g.Code).TeLaatNaDagen).ToArray(),
        }, tx, commandTimeout: 600, cancellationToken: ct));
        var duur = (int)klok.ElapsedMilliseconds;
        await conn.ExecuteAsync(new CommandDefinition("UPDATE peildatum_run SET duur_ms = @duur WHERE peildatum = @peildatum", new { duur, peildatum }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        // The ladder reads both days' periods from a covering index alone, which only works on pages marked
        // all-visible. Each run closes (updates) the changed periods, and autovacuum would only come back after a
        // fifth of the table changed: without this, the ladder over 400,000 clients goes from ~0.5 s to ~1 s.
        // Outside the transaction (VACUUM cannot run in one); it only visits the pages this run touched.
        await conn.ExecuteAsync(new CommandDefinition("VACUUM (ANALYZE) klant_peildata, peildatum_telling", commandTimeout: 600, cancellationToken: ct));
        return new PeildatumRun(peildatum, klanten, gewijzigd, duur);
    }

    /// <summary>Every recorded peildatum, latest first.</summary>
    public async Task<IReadOnlyList<PeildatumRun>> RunsAsync(int aantal, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rijen = await conn.QueryAsync<PeildatumRun>(new CommandDefinition(
            "SELECT peildatum, klanten, gewijzigd, duur_ms AS DuurMs FROM peildatum_run ORDER BY peildatum DESC LIMIT @aantal", new { aantal }, cancellationToken: ct));
        return [.. rijen];
    }

    // A client's row changes when anything a report reads changes. The last gesprek is the later of the bestand's and
    // the last one held here (as the laatste_gesprek function of V012 has it), read in one pass over the gesprekken. Instroom is counted only after the first
    // peildatum (before it, everyone "arrives"); uitstroom takes the reason the client left with, else "reden onbekend".
    private const string Vastleggen = """
        WITH gehouden AS (
            SELECT klantnummer, max((start AT TIME ZONE 'Europe/Amsterdam')::date) AS dag
            FROM gesprek WHERE status = 'gehouden' GROUP BY klantnummer),
        nu AS (
            SELECT k.klantnummer, k.gemeente, k.in_bestand, k.indeling, k.trede, k.route, k.ontheffing_tot, k.herbeoordeling_datum,
                   GREATEST(k.laatste_gesprek, g.dag) AS laatste_gesprek, k.uitstroom_reden
            FROM klant_overzicht k LEFT JOIN gehouden g ON g.klantnummer = k.klantnummer),
        verschil AS (
            SELECT n.*, o.klantnummer IS NOT NULL AS bekend, o.in_bestand AS was_in, o.trede AS was_trede, o.route AS was_route
            FROM nu n LEFT JOIN klant_peildata o ON o.klantnummer = n.klantnummer AND o.geldig_tot = 'infinity'
            WHERE o.klantnummer IS NULL
               OR (o.gemeente, o.in_bestand, o.indeling, o.trede, o.route, o.ontheffing_tot, o.herbeoordeling_datum, o.laatste_gesprek, o.uitstroom_reden)
                  IS DISTINCT FROM
                  (n.gemeente, n.in_bestand, n.indeling, n.trede, n.route, n.ontheffing_tot, n.herbeoordeling_datum, n.laatste_gesprek, n.uitstroom_reden)),
        gesloten AS (
            UPDATE klant_peildata p SET geldig_tot = @peildatum
            FROM verschil v WHERE p.klantnummer = v.klantnummer AND p.geldig_tot = 'infinity')
        INSERT INTO klant_peildata (klantnummer, geldig_van, gemeente, in_bestand, indeling, trede, route, ontheffing_tot,
                                    herbeoordeling_datum, laatste_gesprek, uitstroom_reden, stroom, stroom_reden, vorige_trede, vorige_route)
        SELECT klantnummer, @peildatum, gemeente, in_bestand, indeling, trede, route, ontheffing_tot,
               herbeoordeling_datum, laatste_gesprek, uitstroom_reden,
               CASE WHEN in_bestand AND NOT coalesce(was_in, false) AND NOT @eerste THEN 'instroom'
                    WHEN NOT in_bestand AND was_in THEN 'uitstroom' END,
               CASE WHEN in_bestand AND NOT coalesce(was_in, false) AND NOT @eerste
                        THEN CASE WHEN bekend THEN 'terug in bestand' ELSE 'nieuw in bestand' END
                    WHEN NOT in_bestand AND was_in THEN coalesce(uitstroom_reden, 'reden onbekend') END,
               was_trede, was_route
        FROM verschil
        """;

    // The counts a report reads, per gemeente: the bestand by each dimension on the peildatum, with the
    // herbeoordeling status (the gemeente's grace days) and "spoken within 12 months" as they stood that day; and what
    // happened that day: in- and uitstroom (uitstroom also per route left), gesprekken held (by the day their outcome
    // was recorded: each is counted once, also when recorded late), herbeoordelingen held on time or late against the
    // date planned the day before, and per route the gesprekken that led to it and the ontheffingen given.
    /// <summary>The day's counts (parameters peildatum, standaard, teLaat, codes, dagen); the benchmark fills history with it.</summary>
    public const string Tellen = """
        INSERT INTO peildatum_telling (peildatum, gemeente, soort, sleutel, aantal)
        SELECT @peildatum, k.gemeente, s.soort, s.sleutel, count(*)
        FROM (SELECT coalesce(gemeente, @standaard) AS gemeente, indeling, trede, route, ontheffing_tot, herbeoordeling_datum, laatste_gesprek
              FROM klant_peildata
              WHERE geldig_tot > @peildatum AND geldig_van <= @peildatum AND in_bestand) k
        LEFT JOIN unnest(@codes, @dagen) AS b(code, dagen) ON b.code = k.gemeente
        CROSS JOIN LATERAL (VALUES
            ('bestand', 'totaal'),
            ('indeling', coalesce(k.indeling, 'nog niet ingedeeld')),
            ('trede', coalesce('trede ' || k.trede, 'geen trede')),
            ('route', coalesce(k.route, 'geen route')),
            ('ontheffing', CASE WHEN k.ontheffing_tot >= @peildatum THEN 'met ontheffing' ELSE 'zonder ontheffing' END),
            ('herbeoordeling', CASE WHEN k.herbeoordeling_datum IS NULL THEN 'niet gepland'
                                    WHEN @peildatum < k.herbeoordeling_datum THEN 'gepland'
                                    WHEN @peildatum < k.herbeoordeling_datum + coalesce(b.dagen, @teLaat) THEN 'aan de beurt'
                                    ELSE 'te laat' END),
            ('gesproken', CASE WHEN k.laatste_gesprek > (@peildatum - interval '12 months')::date THEN 'ja' ELSE 'nee' END)
        ) AS s(soort, sleutel)
        GROUP BY k.gemeente, s.soort, s.sleutel
        UNION ALL
        SELECT @peildatum, coalesce(gemeente, @standaard), stroom, stroom_reden, count(*)
        FROM klant_peildata WHERE geldig_van = @peildatum AND stroom IS NOT NULL
        GROUP BY 2, 3, 4
        UNION ALL
        SELECT @peildatum, coalesce(gemeente, @standaard), 'route-uitstroom', coalesce(vorige_route, 'geen route') || E'\t' || stroom_reden, count(*)
        FROM klant_peildata WHERE geldig_van = @peildatum AND stroom = 'uitstroom'
        GROUP BY 2, 4
        UNION ALL
        SELECT @peildatum, g.gemeente, s.soort, s.sleutel, count(*)
        FROM (SELECT coalesce(g.gemeente, @standaard) AS gemeente, g.soort, g.route, g.ontheffing_tot,
                     CASE WHEN g.soort <> 'herbeoordeling' THEN NULL
                          WHEN p.herbeoordeling_datum IS NULL THEN 'niet gepland'
                          WHEN (g.start AT TIME ZONE 'Europe/Amsterdam')::date < p.herbeoordeling_datum + coalesce(b.dagen, @teLaat) THEN 'op tijd'
                          ELSE 'te laat' END AS op_tijd
              FROM gesprek g
              LEFT JOIN LATERAL (SELECT herbeoordeling_datum FROM klant_peildata p
                                 WHERE p.klantnummer = g.klantnummer AND p.geldig_van < (g.start AT TIME ZONE 'Europe/Amsterdam')::date
                                 ORDER BY p.geldig_van DESC LIMIT 1) p ON g.soort = 'herbeoordeling'
              LEFT JOIN unnest(@codes, @dagen) AS b(code, dagen) ON b.code = g.gemeente
              WHERE g.status = 'gehouden'
                AND g.uitkomst_op >= (@peildatum::timestamp AT TIME ZONE 'Europe/Amsterdam')
                AND g.uitkomst_op < ((@peildatum + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')) g
        CROSS JOIN LATERAL (VALUES
            ('gesprek', g.soort),
            ('herbeoordeling-gehouden', g.op_tijd),
            ('route-gesprek', g.route),
            ('route-ontheffing', CASE WHEN g.ontheffing_tot IS NOT NULL THEN coalesce(g.route, 'geen route') END)
        ) AS s(soort, sleutel)
        WHERE s.sleutel IS NOT NULL
        GROUP BY g.gemeente, s.soort, s.sleutel
        """;
}
