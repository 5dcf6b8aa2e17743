using Dapper;
using Npgsql;

namespace KenJeKlant.Host.Bewaartermijnen;

/// <summary>A client whose term has passed for one or more kinds of data, and what blocks anonymising it.</summary>
public sealed record BewaarKandidaat(string Klantnummer, DateOnly Uitstroomdatum, IReadOnlyList<string> Soorten, IReadOnlyList<string> Blokkades)
{
    public bool Geblokkeerd => Blokkades.Count > 0;
}

/// <summary>Why one approved klantnummer was refused (the whole uitvoering then changes nothing).</summary>
public sealed record BewaarWeigering(int Index, string Klantnummer, string Reden);

/// <summary>
/// Reads which clients have passed their bewaartermijn and anonymises the approved ones in one transaction over every
/// table that holds their personal data (decision 32). The klant grains' state is in <c>klant_staat</c> and the
/// handhaving grains' in <c>orleansstorage</c>: both versions are raised here, so a stale activation's write is refused.
/// </summary>
public sealed class PostgresBewaartermijnen(NpgsqlDataSource db)
{
    public const string Marker = "[geanonimiseerd]";

    private const string KandidatenSql = """
        SELECT o.klantnummer, o.uitstroom_datum::timestamp AS uitstroomdatum, array_agg(t.soort ORDER BY t.soort) AS soorten
        FROM klant_overzicht o
        CROSS JOIN unnest(@soorten::text[], @jaren::int[]) AS t(soort, jaren)
        WHERE NOT o.in_bestand AND o.uitstroom_datum IS NOT NULL
          AND (@alleen::text[] IS NULL OR o.klantnummer = ANY(@alleen::text[]))
          AND o.uitstroom_datum + make_interval(years => t.jaren) <= @vandaag::date
          AND NOT EXISTS (SELECT 1 FROM bewaartermijn_anonimisering a WHERE a.klantnummer = o.klantnummer AND a.soort = t.soort)
        GROUP BY o.klantnummer, o.uitstroom_datum
        ORDER BY o.klantnummer
        """;

    // An open case or a bezwaar that can still be made keeps everything: the file may be needed for it.
    private const string BlokkadesSql = """
        SELECT klantnummer, 'open handhavingssignaal (' || status || ')' AS reden FROM handhavingssignaal
        WHERE klantnummer = ANY(@k) AND status <> 'besloten'
        UNION ALL
        SELECT klantnummer, 'open rechtmatigheidssignaal (' || status || ')' FROM rechtmatigheidssignaal
        WHERE klantnummer = ANY(@k) AND status <> 'afgerond'
        UNION ALL
        SELECT klantnummer, 'bezwaar nog mogelijk tot en met ' || (inhoud->>'bezwaarTotEnMet') FROM bericht
        WHERE klantnummer = ANY(@k) AND inhoud ? 'bezwaarTotEnMet' AND (inhoud->>'bezwaarTotEnMet')::date >= @vandaag::date
        ORDER BY 1, 2
        """;

    private static readonly Dictionary<string, string[]> Wissen = new()
    {
        ["dossier"] =
        [
            // The profile: name and BSN gone, postcode emptied, birth date to 1 January of its year; the history's free text too.
            $"""
            UPDATE klant_staat SET versie = versie + 1, bijgewerkt_op = now(),
                staat = jsonb_set(jsonb_set(jsonb_set(bewaar_wis(staat), '{"{profiel,postcode}"}', '""'), '{"{profiel,bsn}"}', 'null'),
                    '{"{profiel,geboortedatum}"}', to_jsonb(to_char(date_trunc('year', (staat#>>'{"{profiel,geboortedatum}"}')::date), 'YYYY-MM-DD')))
            WHERE klantnummer = ANY(@k) AND jsonb_typeof(staat->'profiel') = 'object'
            """,
            $"UPDATE klant_overzicht SET naam = '{Marker}', postcode = '', geboortedatum = date_trunc('year', geboortedatum)::date WHERE klantnummer = ANY(@k)",
            $"UPDATE gesprek SET naam = '{Marker}' WHERE klantnummer = ANY(@k)",
            "UPDATE bestand_import_rij SET profiel = NULL WHERE klantnummer = ANY(@k)",
        ],
        ["gesprekken"] =
        [
            $"""
            UPDATE gesprek SET afspraken = CASE WHEN afspraken IS NULL THEN NULL ELSE '{Marker}' END,
                locatie = CASE WHEN locatie IS NULL THEN NULL ELSE '{Marker}' END,
                toelichting = CASE WHEN toelichting IS NULL THEN NULL ELSE '{Marker}' END,
                verzet_reden = CASE WHEN verzet_reden IS NULL THEN NULL ELSE '{Marker}' END,
                ontheffing_grond = CASE WHEN ontheffing_grond IS NULL THEN NULL ELSE '{Marker}' END
            WHERE klantnummer = ANY(@k)
            """,
            "UPDATE bericht SET inhoud = bewaar_wis(inhoud) WHERE klantnummer = ANY(@k) AND inhoud IS NOT NULL AND rechtmatigheidssignaal_id IS NULL AND soort NOT IN ('voornemen', 'besluit')",
        ],
        ["plan-van-aanpak"] =
        [
            $"UPDATE plan_van_aanpak SET doel = '{Marker}' WHERE klantnummer = ANY(@k)",
            $"UPDATE afspraak SET omschrijving = '{Marker}', toelichting = CASE WHEN toelichting IS NULL THEN NULL ELSE '{Marker}' END WHERE klantnummer = ANY(@k)",
        ],
        ["handhaving"] =
        [
            "UPDATE rechtmatigheidssignaal SET zaak = bewaar_wis(zaak) WHERE klantnummer = ANY(@k)",
            "UPDATE bericht SET inhoud = bewaar_wis(inhoud) WHERE klantnummer = ANY(@k) AND inhoud IS NOT NULL AND (rechtmatigheidssignaal_id IS NOT NULL OR soort IN ('voornemen', 'besluit'))",
            // The review's steps live in the signal grain's state; raising the version refuses a stale activation's write.
            """
            UPDATE orleansstorage SET payloadbinary = convert_to(bewaar_wis(convert_from(payloadbinary, 'UTF8')::jsonb)::text, 'UTF8'),
                version = version + 1, modifiedon = now()
            WHERE graintypestring ILIKE '%handhavingssignaal%' AND payloadbinary IS NOT NULL AND get_byte(payloadbinary, 0) = 123
              AND EXISTS (SELECT 1 FROM handhavingssignaal s WHERE s.klantnummer = ANY(@k)
                          AND jsonb_path_exists(convert_from(payloadbinary, 'UTF8')::jsonb, '$.** ? (@ == $k)', jsonb_build_object('k', s.klantnummer)))
            """,
        ],
    };

    public async Task<IReadOnlyList<BewaarKandidaat>> KandidatenAsync(BewaartermijnenInstellingen t, DateOnly vandaag, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await KandidatenAsync(conn, null, t, vandaag, null, ct);
    }

    /// <summary>Clients past the audit log's term (reported only; the chain is never rewritten).</summary>
    public async Task<int> AuditlogVerstrekenAsync(int jaren, DateOnly vandaag, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*)::int FROM klant_overzicht WHERE NOT in_bestand AND uitstroom_datum + make_interval(years => @jaren) <= @vandaag::date",
            new { jaren, vandaag = vandaag.ToDateTime(TimeOnly.MinValue) }, cancellationToken: ct));
    }

    /// <summary>
    /// Anonymises the approved clients, all or nothing: a klantnummer not past its term, or one with an open case or a
    /// bezwaar still possible, refuses the whole request (the weigeringen) and nothing changes.
    /// </summary>
    public async Task<(IReadOnlyList<BewaarKandidaat> Uitgevoerd, IReadOnlyList<BewaarWeigering> Weigeringen)> VoerUitAsync(
        IReadOnlyList<string> klantnummers, BewaartermijnenInstellingen t, DateOnly vandaag, string door, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // The clients' rows locked first: an import or a grain write for them waits until this is done.
        await conn.ExecuteAsync(new CommandDefinition(
            "SELECT 1 FROM klant_overzicht WHERE klantnummer = ANY(@k) ORDER BY klantnummer FOR UPDATE",
            new { k = klantnummers.ToArray() }, tx, cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition(
            "SELECT 1 FROM klant_staat WHERE klantnummer = ANY(@k) ORDER BY klantnummer FOR UPDATE",
            new { k = klantnummers.ToArray() }, tx, cancellationToken: ct));

        var kandidaten = (await KandidatenAsync(conn, tx, t, vandaag, klantnummers, ct)).ToDictionary(k => k.Klantnummer);
        var weigeringen = new List<BewaarWeigering>();
        for (var i = 0; i < klantnummers.Count; i++)
        {
            var nummer = klantnummers[i];
            if (!kandidaten.TryGetValue(nummer, out var kandidaat))
            {
                weigeringen.Add(new(i, nummer, $"Klant {nummer} is onbekend, niet uitgestroomd, nog binnen de bewaartermijn of al geanonimiseerd."));
            }
            else if (kandidaat.Geblokkeerd)
            {
                weigeringen.Add(new(i, nummer, $"Klant {nummer} kan niet worden geanonimiseerd: {string.Join("; ", kandidaat.Blokkades)}."));
            }
        }
        if (weigeringen.Count > 0)
        {
            await tx.RollbackAsync(ct);
            return ([], weigeringen);
        }

        var op = DateTimeOffset.UtcNow;
        foreach (var (soort, _) in t.Soorten())
        {
            var k = kandidaten.Values.Where(c => c.Soorten.Contains(soort)).Select(c => c.Klantnummer).ToArray();
            if (k.Length == 0) continue;
            foreach (var sql in Wissen[soort])
            {
                await conn.ExecuteAsync(new CommandDefinition(sql, new { k }, tx, cancellationToken: ct));
            }
            await conn.ExecuteAsync(new CommandDefinition("""
                INSERT INTO bewaartermijn_anonimisering (klantnummer, soort, uitgevoerd_op, door)
                SELECT unnest(@k::text[]), @soort, @op, @door
                """, new { k, soort, op, door }, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
        return ([.. kandidaten.Values.OrderBy(c => c.Klantnummer, StringComparer.Ordinal)], []);
    }

    private static async Task<IReadOnlyList<BewaarKandidaat>> KandidatenAsync(
        NpgsqlConnection conn, NpgsqlTransaction? tx, BewaartermijnenInstellingen t, DateOnly vandaag, IReadOnlyList<string>? alleen, CancellationToken ct)
    {
        var soorten = t.Soorten();
        var datum = vandaag.ToDateTime(TimeOnly.MinValue);
        var rijen = (await conn.QueryAsync<(string Klantnummer, DateTime Uitstroomdatum, string[] Soorten)>(new CommandDefinition(KandidatenSql, new
        {
            soorten = soorten.Select(s => s.Soort).ToArray(),
            jaren = soorten.Select(s => s.Jaren).ToArray(),
            alleen = alleen?.ToArray(),
            vandaag = datum,
        }, tx, cancellationToken: ct))).ToList();
        if (rijen.Count == 0) return [];
        var blokkades = (await conn.QueryAsync<(string Klantnummer, string Reden)>(new CommandDefinition(BlokkadesSql,
            new { k = rijen.Select(r => r.Klantnummer).ToArray(), vandaag = datum }, tx, cancellationToken: ct)))
            .ToLookup(b => b.Klantnummer, b => b.Reden);
        return [.. rijen.Select(r => new BewaarKandidaat(r.Klantnummer, DateOnly.FromDateTime(r.Uitstroomdatum), r.Soorten, [.. blokkades[r.Klantnummer]]))];
    }
}
