using KenJeKlant.Host.Infrastructuur.Postgres;
using KenJeKlant.Host.Klantmanagers;
using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Abstractions.Werklijsten;
using KenJeKlant.Grains;
using KenJeKlant.Grains.Campagnes;
using KenJeKlant.Grains.Werklijsten;
using Npgsql;
using NpgsqlTypes;

namespace KenJeKlant.Host.Campagnes;

/// <summary>
/// The campaign tables in PostgreSQL. A step's gesprekken, letters and signals go in one
/// transaction as array parameters (one statement per table, however large the batch), and every
/// statement is idempotent: a newer version wins, a letter that went out never changes back.
/// </summary>
public sealed class PostgresCampagneOpslag(
    NpgsqlDataSource db,
    Domeinklok klok) : ICampagneOpslag, IGesprekWerklijstBron
{
    /// <summary>The statuses of a gesprek that has not happened yet, as SQL (see <see cref="GesprekStatussen.IsOpen"/>).</summary>
    internal const string OpenStatussen = "('gepland', 'uitgenodigd', 'herinnerd')";

    private const string GesprekKolommen = """
        id, campagne_id, klantnummer, poging, naam, klantmanager, start, eind, status, uitnodiging_op,
        uitnodiging_verzonden_op, herinnering_verzonden_op, zonder_uitkomst_gemeld, verschenen, afwezigheid,
        indeling, trede, route, afspraken, ontheffing_tot, ontheffing_grond, uitstroom_reden, uitkomst_door,
        uitkomst_op, gevolg, versie, klant_versie, wijk
        """;

    private const string UpsertGesprekken = $"""
        INSERT INTO gesprek ({GesprekKolommen})
        SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::timestamptz[],
            $8::timestamptz[], $9::text[], $10::timestamptz[], $11::timestamptz[], $12::timestamptz[], $13::bool[],
            $14::bool[], $15::text[], $16::text[], $17::int[], $18::text[], $19::text[], $20::date[], $21::text[],
            $22::text[], $23::text[], $24::timestamptz[], $25::text[], $26::int[], $27::int[], $28::text[])
        ON CONFLICT (id) DO UPDATE SET
            naam = excluded.naam, klantmanager = excluded.klantmanager, start = excluded.start, eind = excluded.eind,
            status = excluded.status, uitnodiging_op = excluded.uitnodiging_op,
            uitnodiging_verzonden_op = excluded.uitnodiging_verzonden_op,
            herinnering_verzonden_op = excluded.herinnering_verzonden_op,
            zonder_uitkomst_gemeld = excluded.zonder_uitkomst_gemeld, verschenen = excluded.verschenen,
            afwezigheid = excluded.afwezigheid, indeling = excluded.indeling, trede = excluded.trede,
            route = excluded.route, afspraken = excluded.afspraken, ontheffing_tot = excluded.ontheffing_tot,
            ontheffing_grond = excluded.ontheffing_grond, uitstroom_reden = excluded.uitstroom_reden,
            uitkomst_door = excluded.uitkomst_door, uitkomst_op = excluded.uitkomst_op, gevolg = excluded.gevolg,
            wijk = excluded.wijk, versie = excluded.versie, klant_versie = GREATEST(gesprek.klant_versie, excluded.klant_versie)
        WHERE gesprek.versie < excluded.versie
        """;

    private const string UpsertBerichten = """
        INSERT INTO bericht (id, gesprek_id, campagne_id, klantnummer, soort, verzend_op, status, verzonden_op)
        SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::timestamptz[])
        ON CONFLICT (id) DO UPDATE SET verzend_op = excluded.verzend_op, status = excluded.status, verzonden_op = excluded.verzonden_op
        WHERE bericht.status = 'gepland'
        """;

    private const string InsertSignalen = """
        INSERT INTO handhavingssignaal (id, gesprek_id, campagne_id, klantnummer, reden, aangemaakt_op)
        SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
        ON CONFLICT (id) DO NOTHING
        """;

    public async Task<IReadOnlyList<GesprekRij>> GesprekkenAsync(string campagneId, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand($"SELECT {GesprekKolommen} FROM gesprek WHERE campagne_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = campagneId });
        var rijen = new List<GesprekRij>();
        await using var lezer = await cmd.ExecuteReaderAsync(ct);
        while (await lezer.ReadAsync(ct)) rijen.Add(LeesGesprek(lezer));
        return rijen;
    }

    public async Task<IReadOnlyList<Kandidaat>> KandidatenAsync(string campagneId, CampagneSelectie selectie, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(selectie);
        var doelgroep = selectie.Doelgroep switch
        {
            null => "",
            Doelgroep.Statushouder => "AND k.statushouder",
            Doelgroep.SchoolverlaterProVso => "AND k.schoolverlater_pro_vso",
            Doelgroep.Arbeidsbeperking => "AND k.arbeidsbeperking",
            Doelgroep.Doelgroepregister => "AND k.doelgroepregister",
            _ => throw new ArgumentOutOfRangeException(nameof(selectie), selectie.Doelgroep, "Onbekende doelgroep."),
        };
        await using var cmd = db.CreateCommand($"""
            SELECT k.klantnummer, k.naam, k.klantmanager, k.laatste_gesprek, k.startdatum_uitkering, k.wijk
            FROM klant_overzicht k
            WHERE k.in_bestand AND k.uitstroom_reden IS NULL
              AND ($2::text IS NULL OR k.klantmanager = $2)
              AND ($3::text IS NULL OR k.wijk = $3)
              AND ($4::text IS NULL OR k.indeling = $4)
              AND ($5::date IS NULL OR k.laatste_gesprek IS NULL OR k.laatste_gesprek < $5)
              {doelgroep}
              AND NOT EXISTS (SELECT 1 FROM gesprek g WHERE g.klantnummer = k.klantnummer
                              AND (g.campagne_id = $1 OR g.status IN {OpenStatussen}))
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = campagneId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)selectie.Klantmanager ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)selectie.Wijk ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)selectie.Indeling?.ToString() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)selectie.NietGesprokenSinds ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
        var kandidaten = new List<Kandidaat>();
        await using var lezer = await cmd.ExecuteReaderAsync(ct);
        while (await lezer.ReadAsync(ct))
        {
            kandidaten.Add(new Kandidaat(lezer.GetString(0), lezer.GetString(1), lezer.GetString(2),
                lezer.IsDBNull(3) ? null : lezer.GetFieldValue<DateOnly>(3), lezer.GetFieldValue<DateOnly>(4),
                lezer.IsDBNull(5) ? null : lezer.GetString(5)));
        }
        return kandidaten;
    }

    public async Task<IReadOnlyList<Guid>> OpenVanVertrokkenKlantenAsync(string campagneId, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT g.id FROM gesprek g JOIN klant_overzicht k ON k.klantnummer = g.klantnummer
            WHERE g.campagne_id = $1 AND g.status IN {OpenStatussen} AND (NOT k.in_bestand OR k.uitstroom_reden IS NOT NULL)
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = campagneId });
        var ids = new List<Guid>();
        await using var lezer = await cmd.ExecuteReaderAsync(ct);
        while (await lezer.ReadAsync(ct)) ids.Add(lezer.GetGuid(0));
        return ids;
    }

    public async Task<IReadOnlyList<GeboektSlot>> GeboektEldersAsync(string campagneId, IReadOnlyCollection<string> klantmanagers, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand(
            $"SELECT klantmanager, start FROM gesprek WHERE campagne_id <> $1 AND klantmanager = ANY($2) AND status IN {OpenStatussen}");
        cmd.Parameters.Add(new NpgsqlParameter { Value = campagneId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = klantmanagers.ToArray() });
        var slots = new List<GeboektSlot>();
        await using var lezer = await cmd.ExecuteReaderAsync(ct);
        while (await lezer.ReadAsync(ct)) slots.Add(new GeboektSlot(lezer.GetString(0), lezer.GetFieldValue<DateTimeOffset>(1)));
        return slots;
    }

    public async Task SchrijfAsync(Wijzigingen wijzigingen, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(wijzigingen);
        if (wijzigingen.IsLeeg) return;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (wijzigingen.Gesprekken.Count > 0) await VoerUitAsync(conn, tx, UpsertGesprekken, GesprekParameters(wijzigingen.Gesprekken), ct);
        if (wijzigingen.Berichten.Count > 0) await VoerUitAsync(conn, tx, UpsertBerichten, BerichtParameters(wijzigingen.Berichten), ct);
        if (wijzigingen.Signalen.Count > 0) await VoerUitAsync(conn, tx, InsertSignalen, SignaalParameters(wijzigingen.Signalen), ct);
        await tx.CommitAsync(ct);
    }

    public async Task KlantBijgewerktAsync(IReadOnlyList<(Guid Id, int Versie)> bevestigd, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("""
            UPDATE gesprek g SET klant_versie = v.versie
            FROM unnest($1::uuid[], $2::int[]) AS v(id, versie)
            WHERE g.id = v.id AND g.klant_versie < v.versie
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = bevestigd.Select(b => b.Id).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = bevestigd.Select(b => b.Versie).ToArray() });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task SchrijfCampagneAsync(string campagneId, string naam, CampagneStatus status, DateOnly periodeVan, DateOnly periodeTot, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO campagne (id, naam, status, periode_van, periode_tot, bijgewerkt_op) VALUES ($1, $2, $3, $4, $5, now())
            ON CONFLICT (id) DO UPDATE SET naam = $2, status = $3, periode_van = $4, periode_tot = $5, bijgewerkt_op = now()
            """);
        foreach (var waarde in new object[] { campagneId, naam, EnumTekst.Van(status), periodeVan, periodeTot })
            cmd.Parameters.Add(new NpgsqlParameter { Value = waarde });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    async Task<IReadOnlyList<WerklijstItem>> IGesprekWerklijstBron.GesprekkenAsync(string klantmanager, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT {string.Join(", ", GesprekKolommen.Split(',').Select(k => "g." + k.Trim()))}, c.naam
            FROM gesprek g JOIN campagne c ON c.id = g.campagne_id
            WHERE g.klantmanager = $1 AND g.status IN {OpenStatussen}
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = klantmanager });
        var items = new List<WerklijstItem>();
        await using var lezer = await cmd.ExecuteReaderAsync(ct);
        while (await lezer.ReadAsync(ct)) items.Add(GesprekWerklijst.Item(LeesGesprek(lezer), lezer.GetString(28), klok.LocalTimeZone));
        return items;
    }

    private static async Task VoerUitAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, IEnumerable<object> parameters, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        foreach (var waarde in parameters) cmd.Parameters.Add(new NpgsqlParameter { Value = waarde });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static IEnumerable<object> GesprekParameters(IReadOnlyList<GesprekRij> r)
    {
        yield return r.Select(g => g.Id).ToArray();
        yield return r.Select(g => g.CampagneId).ToArray();
        yield return r.Select(g => g.Klantnummer).ToArray();
        yield return r.Select(g => g.Poging).ToArray();
        yield return r.Select(g => g.Naam).ToArray();
        yield return r.Select(g => g.Klantmanager).ToArray();
        yield return r.Select(g => g.Start.UtcDateTime).ToArray();
        yield return r.Select(g => g.Eind.UtcDateTime).ToArray();
        yield return r.Select(g => EnumTekst.Van(g.Status)).ToArray();
        yield return r.Select(g => g.UitnodigingOp.UtcDateTime).ToArray();
        yield return r.Select(g => g.UitnodigingVerzondenOp?.UtcDateTime).ToArray();
        yield return r.Select(g => g.HerinneringVerzondenOp?.UtcDateTime).ToArray();
        yield return r.Select(g => g.ZonderUitkomstGemeld).ToArray();
        yield return r.Select(g => g.Uitkomst?.Verschenen).ToArray();
        yield return r.Select(g => g.Uitkomst?.Afwezigheid is { } a ? EnumTekst.Van(a) : null).ToArray();
        yield return r.Select(g => g.Uitkomst?.Indeling?.ToString()).ToArray();
        yield return r.Select(g => g.Uitkomst?.Trede).ToArray();
        yield return r.Select(g => g.Uitkomst?.Route).ToArray();
        yield return r.Select(g => g.Uitkomst?.Afspraken).ToArray();
        yield return r.Select(g => g.Uitkomst?.OntheffingTot).ToArray();
        yield return r.Select(g => g.Uitkomst?.OntheffingGrond).ToArray();
        yield return r.Select(g => g.Uitkomst?.UitstroomReden).ToArray();
        yield return r.Select(g => g.Uitkomst?.Door).ToArray();
        yield return r.Select(g => g.UitkomstOp?.UtcDateTime).ToArray();
        yield return r.Select(g => EnumTekst.Van(g.Gevolg)).ToArray();
        yield return r.Select(g => g.Versie).ToArray();
        yield return r.Select(g => g.KlantVersie).ToArray();
        yield return r.Select(g => g.Wijk).ToArray();
    }

    private static IEnumerable<object> BerichtParameters(IReadOnlyList<BerichtRij> r)
    {
        yield return r.Select(b => b.Id).ToArray();
        yield return r.Select(b => b.GesprekId).ToArray();
        yield return r.Select(b => b.CampagneId).ToArray();
        yield return r.Select(b => b.Klantnummer).ToArray();
        yield return r.Select(b => EnumTekst.Van(b.Soort)).ToArray();
        yield return r.Select(b => b.VerzendOp.UtcDateTime).ToArray();
        yield return r.Select(b => EnumTekst.Van(b.Status)).ToArray();
        yield return r.Select(b => b.VerzondenOp?.UtcDateTime).ToArray();
    }

    private static IEnumerable<object> SignaalParameters(IReadOnlyList<SignaalRij> r)
    {
        yield return r.Select(s => s.Id).ToArray();
        yield return r.Select(s => s.GesprekId).ToArray();
        yield return r.Select(s => s.CampagneId).ToArray();
        yield return r.Select(s => s.Klantnummer).ToArray();
        yield return r.Select(s => s.Reden).ToArray();
        yield return r.Select(s => s.AangemaaktOp.UtcDateTime).ToArray();
    }

    private static GesprekRij LeesGesprek(NpgsqlDataReader l)
    {
        DateTimeOffset? Tijd(int i) => l.IsDBNull(i) ? null : l.GetFieldValue<DateTimeOffset>(i);
        string? Tekst(int i) => l.IsDBNull(i) ? null : l.GetString(i);
        GesprekUitkomst? uitkomst = l.IsDBNull(13) ? null : new GesprekUitkomst
        {
            Verschenen = l.GetBoolean(13),
            Afwezigheid = Tekst(14) is { } a ? EnumTekst.Naar<AfwezigheidReden>(a) : null,
            Indeling = Tekst(15) is { } i ? Enum.Parse<Indeling>(i) : null,
            Trede = l.IsDBNull(16) ? null : l.GetInt16(16),
            Route = Tekst(17),
            Afspraken = Tekst(18),
            OntheffingTot = l.IsDBNull(19) ? null : l.GetFieldValue<DateOnly>(19),
            OntheffingGrond = Tekst(20),
            UitstroomReden = Tekst(21),
            Door = Tekst(22) ?? "",
        };
        return new GesprekRij
        {
            Id = l.GetGuid(0),
            CampagneId = l.GetString(1),
            Klantnummer = l.GetString(2),
            Poging = l.GetInt16(3),
            Naam = l.GetString(4),
            Klantmanager = l.GetString(5),
            Start = l.GetFieldValue<DateTimeOffset>(6),
            Eind = l.GetFieldValue<DateTimeOffset>(7),
            Status = EnumTekst.Naar<GesprekStatus>(l.GetString(8)),
            UitnodigingOp = l.GetFieldValue<DateTimeOffset>(9),
            UitnodigingVerzondenOp = Tijd(10),
            HerinneringVerzondenOp = Tijd(11),
            ZonderUitkomstGemeld = l.GetBoolean(12),
            Uitkomst = uitkomst,
            UitkomstOp = Tijd(23),
            Gevolg = EnumTekst.Naar<GesprekGevolg>(l.GetString(24)),
            Versie = l.GetInt32(25),
            KlantVersie = l.GetInt32(26),
            Wijk = Tekst(27),
        };
    }
}
