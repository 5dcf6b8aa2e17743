using System.Data;
using System.Text.Json;
using Dapper;
using KenJeKlant.Abstractions.Bestand;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Grains.Bestand;
using KenJeKlant.Grains.Klanten;
using KenJeKlant.Host.Infrastructuur.Postgres;
using KenJeKlant.Host.Klantmanagers;
using Npgsql;

namespace KenJeKlant.Host.Bestand;

/// <summary>
/// The import jobs in PostgreSQL: <c>bestand_import</c> (one row per job), the uploaded file in 1 MiB
/// blocks, the rows read from it with their line numbers and the effect of applying each, and the first
/// errors and warnings. The upload and the job's row go in one transaction, so a cut-off upload leaves nothing.
/// </summary>
public sealed class PostgresBestandImport(NpgsqlDataSource db, IMedewerkers medewerkers, Gemeenten.Gemeentelijst? gemeenten = null) : IBestandImportOpslag
{
    public const int BlokGrootte = 1 << 20;
    private const string EenTegelijk = "ux_bestand_import_een_tegelijk";

    internal static readonly KolomTabel<ImportJob> Import = new KolomTabel<ImportJob>("bestand_import")
        .Kolom("id", "uuid", j => j.Id)
        .Kolom("status", "text", j => EnumTekst.Van(j.Status))
        .Kolom("fase", "text", j => EnumTekst.Van(j.Fase))
        .Kolom("controle", "boolean", j => j.Controle)
        .Kolom("gedeeltelijk", "boolean", j => j.Gedeeltelijk)
        .Kolom("codering", "text", j => j.Codering)
        .Kolom("door", "text", j => j.Door)
        .Kolom("bytes", "bigint", j => j.Bytes)
        .Kolom("importdatum", "date", j => j.Importdatum)
        .Kolom("gestart_op", "timestamptz", j => j.GestartOp.UtcDateTime)
        .Kolom("bijgewerkt_op", "timestamptz", j => j.BijgewerktOp.UtcDateTime)
        .Kolom("beeindigd_op", "timestamptz", j => j.BeeindigdOp?.UtcDateTime)
        .Kolom("regels", "integer", j => j.Regels)
        .Kolom("geldig", "integer", j => j.Geldig)
        .Kolom("afgewezen", "integer", j => j.Afgewezen)
        .Kolom("aantal_fouten", "integer", j => j.AantalFouten)
        .Kolom("aantal_waarschuwingen", "integer", j => j.AantalWaarschuwingen)
        .Kolom("toegepast", "integer", j => j.Toegepast)
        .Kolom("nieuw", "integer", j => j.Nieuw)
        .Kolom("gewijzigd", "integer", j => j.Gewijzigd)
        .Kolom("ongewijzigd", "integer", j => j.Ongewijzigd)
        .Kolom("terug_in_bestand", "integer", j => j.TerugInBestand)
        .Kolom("uit_bestand_te_doen", "integer", j => j.UitBestandTeDoen)
        .Kolom("uit_bestand", "integer", j => j.UitBestand)
        .Kolom("titel", "text", j => j.Titel)
        .Kolom("melding", "text", j => j.Melding);

    internal static readonly KolomTabel<GelezenRijVan> Rij = new KolomTabel<GelezenRijVan>("bestand_import_rij")
        .Kolom("import_id", "uuid", r => r.ImportId)
        .Kolom("regel", "integer", r => r.Rij.Regel)
        .Kolom("klantnummer", "text", r => r.Rij.Klantnummer)
        .Kolom("profiel", "jsonb", r => r.Rij.Profiel is null ? null : JsonSerializer.Serialize(r.Rij.Profiel));

    internal static readonly KolomTabel<MeldingVan> Melding = new KolomTabel<MeldingVan>("bestand_import_melding")
        .Kolom("import_id", "uuid", m => m.ImportId)
        .Kolom("soort", "text", m => EnumTekst.Van(m.Soort))
        .Kolom("volgnummer", "integer", m => m.Volgnummer)
        .Kolom("regel", "integer", m => m.Melding.Regel)
        .Kolom("veld", "text", m => m.Melding.Veld)
        .Kolom("reden", "text", m => m.Melding.Reden);

    private static readonly string Selecteer = $"SELECT status, fase, {Import.Lijst(Import.Behalve("status", "fase"))} FROM bestand_import";
    private static readonly string Voeg = Import.InsertUitWaarden("");
    private static readonly string Werk = $"UPDATE bestand_import SET {Import.ZetUitWaarden(Import.Behalve("id"))} WHERE id = @id";

    /// <summary>The running import, if any.</summary>
    public async Task<Guid?> LopendeAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<Guid?>(new CommandDefinition("SELECT id FROM bestand_import WHERE status = 'bezig'", cancellationToken: ct));
    }

    /// <summary>
    /// Stores the upload (up to <paramref name="maxBytes"/>) in blocks and then the job's row, in one
    /// transaction. The unique index on the running import decides, at the very end, who may run.
    /// </summary>
    public async Task<Ontvangst> OntvangAsync(ImportJob job, Stream body, long maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(body);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var blok = new byte[BlokGrootte];
        long totaal = 0;
        for (var volgnummer = 0; ; volgnummer++)
        {
            var gelezen = await body.ReadAtLeastAsync(blok, blok.Length, throwOnEndOfStream: false, ct);
            if (gelezen == 0) break;
            totaal += gelezen;
            if (totaal > maxBytes) return Ontvangst.TeGroot;
            await conn.ExecuteAsync(new CommandDefinition("INSERT INTO bestand_import_blok (import_id, volgnummer, data) VALUES (@id, @volgnummer, @data)",
                new { id = job.Id, volgnummer, data = gelezen == blok.Length ? blok : blok[..gelezen] }, tx, cancellationToken: ct));
            if (gelezen < blok.Length) break;
        }
        if (totaal == 0) return Ontvangst.Leeg;
        job.Bytes = totaal;
        try
        {
            await conn.ExecuteAsync(new CommandDefinition(Voeg, Import.Waarden(job), tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == EenTegelijk)
        {
            return Ontvangst.Bezet;
        }
        return Ontvangst.Ontvangen;
    }

    /// <summary>The most recent imports, newest first.</summary>
    public async Task<IReadOnlyList<ImportJob>> RecenteAsync(int aantal, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await LeesJobsAsync(conn, $"{Selecteer} ORDER BY gestart_op DESC LIMIT @aantal", new { aantal }, ct);
    }

    public async Task<ImportJob?> LeesAsync(Guid id, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await LeesJobsAsync(conn, $"{Selecteer} WHERE id = @id", new { id }, ct)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<ImportMelding>> MeldingenAsync(Guid id, MeldingSoort soort, int maximaal, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var meldingen = await conn.QueryAsync<ImportMelding>(new CommandDefinition(
            "SELECT regel, veld, reden FROM bestand_import_melding WHERE import_id = @id AND soort = @soort ORDER BY volgnummer LIMIT @maximaal",
            new { id, soort = EnumTekst.Van(soort), maximaal }, cancellationToken: ct));
        return meldingen.AsList();
    }

    public async Task<Stream> OpenBestandAsync(Guid id, CancellationToken ct = default)
    {
        // A file of its own on this silo: the reader scans it for its encoding and then reads it, both in blocks.
        var kopie = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await using var conn = await db.OpenConnectionAsync(ct);
            await using var cmd = new NpgsqlCommand("SELECT data FROM bestand_import_blok WHERE import_id = $1 ORDER BY volgnummer", conn) { Parameters = { new() { Value = id } } };
            await using var rijen = await cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
            while (await rijen.ReadAsync(ct))
            {
                await using var blok = await rijen.GetStreamAsync(0, ct);
                await blok.CopyToAsync(kopie, ct);
            }
            kopie.Position = 0;
            return kopie;
        }
        catch
        {
            await kopie.DisposeAsync();
            throw;
        }
    }

    public Task<IReadOnlySet<string>> KlantmanagersAsync(CancellationToken ct = default) => medewerkers.KlantmanagerIdsAsync(ct);

    public IReadOnlyList<string> Gemeenten => gemeenten is null ? [] : [.. gemeenten.Alle.Select(g => g.Code)];

    public async Task BeginControleAsync(ImportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await conn.ExecuteAsync("DELETE FROM bestand_import_rij WHERE import_id = @id; DELETE FROM bestand_import_melding WHERE import_id = @id", new { id = job.Id }, tx);
        await SchrijfAsync(conn, tx, job);
        await tx.CommitAsync();
    }

    public async Task SchrijfGelezenAsync(ImportJob job, GelezenDeel deel)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(deel);
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        if (deel.Rijen.Count > 0)
            await conn.ExecuteAsync(Rij.InsertUitArrays("ON CONFLICT (import_id, regel) DO NOTHING"), Rij.Arrays([.. deel.Rijen.Select(r => new GelezenRijVan(job.Id, r))]), tx);
        List<MeldingVan> meldingen =
        [
            .. deel.Fouten.Select((m, i) => new MeldingVan(job.Id, MeldingSoort.Fout, deel.EersteFout + i, m)),
            .. deel.Waarschuwingen.Select((m, i) => new MeldingVan(job.Id, MeldingSoort.Waarschuwing, deel.EersteWaarschuwing + i, m)),
        ];
        if (meldingen.Count > 0)
            await conn.ExecuteAsync(Melding.InsertUitArrays("ON CONFLICT (import_id, soort, volgnummer) DO NOTHING"), Melding.Arrays(meldingen), tx);
        await SchrijfAsync(conn, tx, job);
        await tx.CommitAsync();
    }

    public async Task<IReadOnlyList<TeVerwerkenRij>> TeVerwerkenAsync(Guid id, int naRegel, int aantal)
    {
        await using var conn = await db.OpenConnectionAsync();
        var rijen = await conn.QueryAsync<(int Regel, string Profiel)>("""
            SELECT regel, profiel::text FROM bestand_import_rij
            WHERE import_id = @id AND effect IS NULL AND profiel IS NOT NULL AND regel > @naRegel
            ORDER BY regel LIMIT @aantal
            """, new { id, naRegel, aantal });
        return [.. rijen.Select(r => new TeVerwerkenRij(r.Regel, JsonSerializer.Deserialize<KlantProfiel>(r.Profiel)!))];
    }

    public async Task SchrijfToegepastAsync(ImportJob job, IReadOnlyList<(int Regel, ImportEffect Effect)> effecten)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(effecten);
        await using var conn = await db.OpenConnectionAsync();
        await SchrijfToegepastAsync(conn, null, job, effecten);
    }

    public async Task<int> LaatsteRegelAsync(Guid id)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<int>("SELECT coalesce(max(regel), 0) FROM bestand_import_rij WHERE import_id = @id", new { id });
    }

    public async Task<int> ZetNieuwAsync(ImportJob job, int naRegel, int totRegel, Func<KlantProfiel, KlantState> nieuw)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(nieuw);
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        // Every statement here reads a part by key; the tables were just filled (staging) or grown (states) and may
        // not have statistics that say so, and a scan of either per part costs more than the whole part.
        await conn.ExecuteAsync("SET LOCAL enable_seqscan = off; SET LOCAL jit = off", transaction: tx);
        var rijen = (await conn.QueryAsync<(int Regel, string Klantnummer)>("""
            SELECT regel, klantnummer FROM bestand_import_rij
            WHERE import_id = @id AND effect IS NULL AND profiel IS NOT NULL AND regel > @naRegel AND regel <= @totRegel
            """, new { id = job.Id, naRegel, totRegel }, tx)).AsList();
        if (rijen.Count == 0) return 0;
        // Looked up by key (an index probe each), not joined: a join may hash the whole state table for every part.
        // Profiles are fetched only for the new ones, so a re-import's pass here moves klantnummers, not documents.
        var bekend = (await conn.QueryAsync<string>("SELECT klantnummer FROM klant_staat WHERE klantnummer = ANY(@klantnummers)",
            new { klantnummers = rijen.Select(r => r.Klantnummer).ToArray() }, tx)).ToHashSet(StringComparer.Ordinal);
        var nieuweRegels = rijen.Where(r => !bekend.Contains(r.Klantnummer)).Select(r => r.Regel).ToArray();
        var nieuwe = nieuweRegels.Length == 0 ? [] : (await conn.QueryAsync<(int Regel, string Profiel)>(
                "SELECT regel, profiel::text FROM bestand_import_rij WHERE import_id = @id AND regel > @naRegel AND regel <= @totRegel AND regel = ANY(@regels)",
                new { id = job.Id, naRegel, totRegel, regels = nieuweRegels }, tx))
            .Select(r => (r.Regel, Staat: nieuw(JsonSerializer.Deserialize<KlantProfiel>(r.Profiel)!))).ToList();
        var gezet = 0;
        if (nieuwe.Count > 0)
        {
            var geschreven = await Klanten.KlantOpslag.VoegNieuweToeAsync(conn, tx, [.. nieuwe.Select(n => n.Staat)], gemeenten?.Enige?.Code);
            var effecten = nieuwe.Where(n => geschreven.Contains(n.Staat.Profiel!.Klantnummer)).Select(n => (n.Regel, ImportEffect.Nieuw)).ToList();
            if (effecten.Count > 0) await SchrijfToegepastAsync(conn, tx, job, effecten);
            gezet = effecten.Count;
        }
        await tx.CommitAsync();
        return gezet;
    }

    private static async Task SchrijfToegepastAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, ImportJob job, IReadOnlyList<(int Regel, ImportEffect Effect)> effecten)
    {
        if (effecten.Count == 0) return;
        // Only rows without an effect yet are counted: a batch stored twice counts once. The range of line numbers bounds
        // the index scan to the batch: with `= ANY` alone the planner read every staged row of the import and filtered
        // (auto_explain: a bitmap scan on import_id, ~1.5 s a part at 400,000 rows).
        var tellers = await conn.QuerySingleAsync<Tellers>("""
            WITH bijgewerkt AS (
                UPDATE bestand_import_rij r SET effect = u.effect
                FROM unnest(@regels::integer[], @effecten::text[]) AS u(regel, effect)
                WHERE r.import_id = @id AND r.regel BETWEEN @van AND @tot AND r.regel = u.regel AND r.effect IS NULL
                RETURNING r.effect)
            UPDATE bestand_import SET
                toegepast = toegepast + (SELECT count(*) FROM bijgewerkt),
                nieuw = nieuw + (SELECT count(*) FROM bijgewerkt WHERE effect = 'nieuw'),
                gewijzigd = gewijzigd + (SELECT count(*) FROM bijgewerkt WHERE effect = 'gewijzigd'),
                ongewijzigd = ongewijzigd + (SELECT count(*) FROM bijgewerkt WHERE effect = 'ongewijzigd'),
                terug_in_bestand = terug_in_bestand + (SELECT count(*) FROM bijgewerkt WHERE effect = 'terug-in-bestand'),
                bijgewerkt_op = now()
            WHERE id = @id
            RETURNING toegepast, nieuw, gewijzigd, ongewijzigd, terug_in_bestand
            """, new
            {
                id = job.Id, van = effecten.Min(e => e.Regel), tot = effecten.Max(e => e.Regel),
                regels = effecten.Select(e => e.Regel).ToArray(), effecten = effecten.Select(e => EnumTekst.Van(e.Effect)).ToArray(),
            }, tx);
        // Parts that run at once commit in turn (the job's row is locked) but may answer here in any order.
        (job.Toegepast, job.Nieuw, job.Gewijzigd, job.Ongewijzigd, job.TerugInBestand) = (Math.Max(job.Toegepast, tellers.Toegepast),
            Math.Max(job.Nieuw, tellers.Nieuw), Math.Max(job.Gewijzigd, tellers.Gewijzigd), Math.Max(job.Ongewijzigd, tellers.Ongewijzigd),
            Math.Max(job.TerugInBestand, tellers.TerugInBestand));
    }

    // A staged row is unchanged when its client's stored state (klant_staat) holds the same profile and says "in the
    // bestand" (what KlantGrain.ImporteerAsync compares), and its read-model row shows that profile (written in the same
    // transaction as the state, decision 29; compared anyway, it is cheap and what lists show). Both JSON documents come
    // from System.Text.Json with the stored names of decision 3; the state leaves nulls out, so both sides are compared
    // without them. Anything this cannot match goes to the grain as before. A part of the staged rows at a time, the
    // state's JSON compared only for the rows of that part (the MATERIALIZED steps keep it after the joins), so each
    // statement stays short and the job answers in between. The shape of the plan is fixed by the query itself: the
    // part's rows drive (LATERAL … OFFSET 0 is a lookup by key per row, never a join the planner may turn around) and
    // the rows to settle are found by key from one array. When this runs, the staging table has just been filled and
    // its statistics may still describe the previous import's (deleted) rows; a plan that trusted them scanned every
    // staged row once per row of the part (measured: two parts over 30 s instead of 0.5 s).
    private static readonly string Ongewijzigd = $$"""
        WITH deel AS MATERIALIZED (
            SELECT regel, klantnummer, profiel FROM bestand_import_rij
            WHERE import_id = @id AND effect IS NULL AND profiel IS NOT NULL AND regel > @na AND regel <= @tot),
        kandidaat AS MATERIALIZED (
            SELECT d.regel, d.profiel, s.staat
            FROM deel d
            CROSS JOIN LATERAL (SELECT * FROM klant_overzicht o WHERE o.klantnummer = d.klantnummer OFFSET 0) o
            CROSS JOIN LATERAL (SELECT staat FROM klant_staat s WHERE s.klantnummer = d.klantnummer OFFSET 0) s
            WHERE o.in_bestand
              AND o.naam = d.profiel ->> 'naam'
              AND o.postcode = d.profiel ->> 'postcode'
              AND o.wijk IS NOT DISTINCT FROM d.profiel ->> 'wijk'
              AND o.klantmanager = d.profiel ->> 'klantmanager'
              AND o.huishouden = (CASE (d.profiel ->> 'huishouden')::integer {{HuishoudenNamen}} END)
              AND o.geboortedatum = (d.profiel ->> 'geboortedatum')::date
              AND o.startdatum_uitkering = (d.profiel ->> 'startdatumUitkering')::date
              AND o.laatste_gesprek IS NOT DISTINCT FROM (d.profiel ->> 'laatsteGesprek')::date
              AND o.statushouder = (d.profiel -> 'doelgroepen' ->> 'statushouder')::boolean
              AND o.schoolverlater_pro_vso = (d.profiel -> 'doelgroepen' ->> 'schoolverlaterProVso')::boolean
              AND o.arbeidsbeperking = (d.profiel -> 'doelgroepen' ->> 'arbeidsbeperking')::boolean
              AND o.doelgroepregister = (d.profiel -> 'doelgroepen' ->> 'doelgroepregister')::boolean),
        gelijk AS (
            SELECT k.regel
            FROM kandidaat k
            WHERE (k.staat -> 'inBestand') = 'true'::jsonb
              AND jsonb_strip_nulls(k.staat -> 'profiel') = jsonb_strip_nulls(k.profiel)),
        ongewijzigd AS (
            UPDATE bestand_import_rij r SET effect = @effect
            WHERE r.import_id = @id AND r.regel > @na AND r.regel <= @tot AND r.regel = ANY (ARRAY(SELECT regel FROM gelijk)) AND r.effect IS NULL
            RETURNING 1)
        UPDATE bestand_import SET
            toegepast = toegepast + (SELECT count(*) FROM ongewijzigd),
            ongewijzigd = ongewijzigd + (SELECT count(*) FROM ongewijzigd),
            bijgewerkt_op = now()
        WHERE id = @id
        RETURNING (SELECT count(*)::integer FROM ongewijzigd) AS gezet, toegepast, ongewijzigd
        """;

    // The read model stores huishouden by name (PostgresKlantOverzichten), the profile's JSON by number (decision 3).
    private static string HuishoudenNamen => string.Join(" ", Enum.GetValues<Huishouden>().Select(h => $"WHEN {(int)h} THEN '{h}'"));

    public async Task<int> ZetOngewijzigdAsync(ImportJob job, int naRegel, int totRegel)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        // A part of 10,000 staged rows against tables of hundreds of thousands: a lookup by primary key per row, never
        // a hash of every whole table per part (measured at 400,000: 1.4 s a part hashed, 0.5 s looked up). Forced,
        // because just-written tables may have no statistics yet, and a planner that thinks them small scans them
        // once per row.
        await conn.ExecuteAsync("SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off; SET LOCAL enable_seqscan = off; SET LOCAL jit = off", transaction: tx);
        var uitkomst = await conn.QuerySingleAsync<(int Gezet, int Toegepast, int Ongewijzigd)>(Ongewijzigd,
            new { id = job.Id, na = naRegel, tot = totRegel, effect = EnumTekst.Van(ImportEffect.Ongewijzigd) }, tx);
        await tx.CommitAsync();
        (job.Toegepast, job.Ongewijzigd) = (Math.Max(job.Toegepast, uitkomst.Toegepast), Math.Max(job.Ongewijzigd, uitkomst.Ongewijzigd));
        return uitkomst.Gezet;
    }

    private const string NietInExport = """
        FROM klant_overzicht o
        WHERE o.in_bestand
          AND NOT EXISTS (SELECT 1 FROM bestand_import_rij r WHERE r.import_id = @id AND r.klantnummer = o.klantnummer)
        """;

    public async Task<int> TelUitBestandAsync(Guid id)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<int>($"SELECT count(*)::integer {NietInExport}", new { id });
    }

    public async Task<IReadOnlyList<string>> UitBestandAsync(Guid id, string na, int aantal)
    {
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.QueryAsync<string>($"SELECT o.klantnummer {NietInExport} AND o.klantnummer > @na ORDER BY o.klantnummer LIMIT @aantal", new { id, na, aantal })).AsList();
    }

    public async Task SchrijfAsync(ImportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var conn = await db.OpenConnectionAsync();
        await SchrijfAsync(conn, null, job);
    }

    public async Task RondAfAsync(ImportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await SchrijfAsync(conn, tx, job);
        await conn.ExecuteAsync("DELETE FROM bestand_import_blok WHERE import_id = @id", new { id = job.Id }, tx);
        // At its end the staged rows are normally this import's alone (one import at a time, and every import clears its
        // own when it ends): emptying the table is then one step, where a DELETE marks every row (400,000 at the national
        // size) and leaves them dead for the next import's statements to step over until a vacuum. Locked first, so no
        // rows can come in between the check and the emptying.
        // The check is two probes at the ends of this import's key range; with statistics that expect other imports' rows
        // the planner chose to scan the whole table for them instead (auto_explain: 4 s at 400,000 staged rows).
        await conn.ExecuteAsync("LOCK TABLE bestand_import_rij IN ACCESS EXCLUSIVE MODE; SET LOCAL enable_seqscan = off", transaction: tx);
        var anderen = await conn.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM bestand_import_rij WHERE import_id < @id) OR EXISTS (SELECT 1 FROM bestand_import_rij WHERE import_id > @id)",
            new { id = job.Id }, tx);
        await conn.ExecuteAsync(anderen ? "DELETE FROM bestand_import_rij WHERE import_id = @id" : "TRUNCATE bestand_import_rij", new { id = job.Id }, tx);
        await tx.CommitAsync();
    }

    private static async Task SchrijfAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, ImportJob job)
    {
        job.BijgewerktOp = DateTimeOffset.UtcNow;
        await conn.ExecuteAsync(Werk, Import.Waarden(job), tx);
    }

    private static async Task<IReadOnlyList<ImportJob>> LeesJobsAsync(NpgsqlConnection conn, string sql, object parameters, CancellationToken ct)
    {
        var jobs = await conn.QueryAsync<StatusEnFase, ImportJob, ImportJob>(new CommandDefinition(sql, parameters, cancellationToken: ct), (s, job) =>
        {
            job.Status = EnumTekst.Naar<ImportStatus>(s.Status);
            job.Fase = EnumTekst.Naar<ImportFase>(s.Fase);
            return job;
        }, splitOn: "id");
        return jobs.AsList();
    }

    private sealed class StatusEnFase
    {
        public string Status { get; set; } = "";
        public string Fase { get; set; } = "";
    }

    private sealed record Tellers(int Toegepast, int Nieuw, int Gewijzigd, int Ongewijzigd, int TerugInBestand);

    internal sealed record GelezenRijVan(Guid ImportId, GelezenRij Rij);

    internal sealed record MeldingVan(Guid ImportId, MeldingSoort Soort, int Volgnummer, ImportMelding Melding);
}

/// <summary>How storing an upload ended.</summary>
public enum Ontvangst
{
    Ontvangen,
    Leeg,
    TeGroot,
    /// <summary>Another import runs: nothing was stored.</summary>
    Bezet,
}
