using KenJeKlant.Host.Infrastructuur.Postgres;
using KenJeKlant.Host.Klantmanagers;
using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Abstractions.Werklijsten;
using KenJeKlant.Grains;
using KenJeKlant.Grains.Campagnes;
using KenJeKlant.Grains.Werklijsten;
using Dapper;
using Npgsql;

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

    // The gesprek table, once: the batch upsert, its parameters and the SELECT list all come from here.
    internal static readonly KolomTabel<GesprekRij> Gesprek = new KolomTabel<GesprekRij>("gesprek")
        .Kolom("id", "uuid", g => g.Id)
        .Kolom("campagne_id", "text", g => g.CampagneId)
        .Kolom("klantnummer", "text", g => g.Klantnummer)
        .Kolom("poging", "integer", g => g.Poging)
        .Kolom("naam", "text", g => g.Naam)
        .Kolom("klantmanager", "text", g => g.Klantmanager)
        .Kolom("start", "timestamptz", g => g.Start.UtcDateTime)
        .Kolom("eind", "timestamptz", g => g.Eind.UtcDateTime)
        .Kolom("status", "text", g => EnumTekst.Van(g.Status))
        .Kolom("uitnodiging_op", "timestamptz", g => g.UitnodigingOp.UtcDateTime)
        .Kolom("uitnodiging_verzonden_op", "timestamptz", g => g.UitnodigingVerzondenOp?.UtcDateTime)
        .Kolom("herinnering_verzonden_op", "timestamptz", g => g.HerinneringVerzondenOp?.UtcDateTime)
        .Kolom("zonder_uitkomst_gemeld", "boolean", g => g.ZonderUitkomstGemeld)
        .Kolom("verschenen", "boolean", g => g.Uitkomst?.Verschenen)
        .Kolom("afwezigheid", "text", g => g.Uitkomst?.Afwezigheid is { } a ? EnumTekst.Van(a) : null)
        .Kolom("indeling", "text", g => g.Uitkomst?.Indeling?.ToString())
        .Kolom("trede", "integer", g => g.Uitkomst?.Trede)
        .Kolom("route", "text", g => g.Uitkomst?.Route)
        .Kolom("afspraken", "text", g => g.Uitkomst?.Afspraken)
        .Kolom("ontheffing_tot", "date", g => g.Uitkomst?.OntheffingTot)
        .Kolom("ontheffing_grond", "text", g => g.Uitkomst?.OntheffingGrond)
        .Kolom("uitstroom_reden", "text", g => g.Uitkomst?.UitstroomReden)
        .Kolom("uitkomst_door", "text", g => g.Uitkomst?.Door)
        .Kolom("uitkomst_op", "timestamptz", g => g.UitkomstOp?.UtcDateTime)
        .Kolom("gevolg", "text", g => EnumTekst.Van(g.Gevolg))
        .Kolom("versie", "integer", g => g.Versie)
        .Kolom("wijk", "text", g => g.Wijk)
        .Kolom("soort", "text", g => EnumTekst.Van(g.Soort))
        .Kolom("vorm", "text", g => EnumTekst.Van(g.Vorm))
        .Kolom("locatie", "text", g => g.Locatie)
        .Kolom("toelichting", "text", g => g.Toelichting)
        .Kolom("verzet_aantal", "integer", g => g.VerzetAantal)
        .Kolom("verzet_op_verzoek_van", "text", g => g.VerzetOpVerzoekVan is { } v ? EnumTekst.Van(v) : null)
        .Kolom("verzet_reden", "text", g => g.VerzetReden);

    internal static readonly KolomTabel<BerichtRij> Bericht = new KolomTabel<BerichtRij>("bericht")
        .Kolom("id", "uuid", b => b.Id)
        .Kolom("gesprek_id", "uuid", b => b.GesprekId)
        .Kolom("campagne_id", "text", b => b.CampagneId)
        .Kolom("klantnummer", "text", b => b.Klantnummer)
        .Kolom("soort", "text", b => EnumTekst.Van(b.Soort))
        .Kolom("verzend_op", "timestamptz", b => b.VerzendOp.UtcDateTime)
        .Kolom("status", "text", b => EnumTekst.Van(b.Status))
        .Kolom("verzonden_op", "timestamptz", b => b.VerzondenOp?.UtcDateTime)
        .Kolom("volgnummer", "integer", b => b.Volgnummer);

    internal static readonly KolomTabel<SignaalRij> Signaal = new KolomTabel<SignaalRij>("handhavingssignaal")
        .Kolom("id", "uuid", s => s.Id)
        .Kolom("gesprek_id", "uuid", s => s.GesprekId)
        .Kolom("campagne_id", "text", s => s.CampagneId)
        .Kolom("klantnummer", "text", s => s.Klantnummer)
        .Kolom("reden", "text", s => s.Reden)
        .Kolom("aangemaakt_op", "timestamptz", s => s.AangemaaktOp.UtcDateTime);

    // A newer version wins and nothing else does: a batch written twice (crash after commit) meets its own
    // rows and changes nothing; who the gesprek is (campagne, klant, poging) and when it was planned never
    // change. The moments are the domain clock's, so the dossier's timeline agrees with the rest of it.
    private static readonly string UpsertGesprekken = Gesprek.InsertUitArrays($"""
        ON CONFLICT (id) DO UPDATE SET
            {Gesprek.ZetUitExcluded(Gesprek.Behalve("id", "campagne_id", "klantnummer", "poging"))},
            bijgewerkt_op = excluded.bijgewerkt_op
        WHERE gesprek.versie < excluded.versie
        """, [("gepland_op", "@nu::timestamptz"), ("bijgewerkt_op", "@nu::timestamptz")]);

    // A letter that went out (or was withdrawn) never changes back.
    private static readonly string UpsertBerichten = Bericht.InsertUitArrays($"""
        ON CONFLICT (id) DO UPDATE SET {Bericht.ZetUitExcluded(["verzend_op", "status", "verzonden_op"])}
        WHERE bericht.status = 'gepland'
        """);

    private static readonly string InsertSignalen = Signaal.InsertUitArrays("ON CONFLICT (id) DO NOTHING");

    public async Task<IReadOnlyList<GesprekRij>> GesprekkenAsync(string campagneId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rijen = await conn.QueryAsync<OpgeslagenGesprek>(new CommandDefinition(
            $"SELECT {Gesprek.Lijst()} FROM gesprek WHERE campagne_id = @campagneId", new { campagneId }, cancellationToken: ct));
        return [.. rijen.Select(r => r.NaarRij())];
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
        await using var conn = await db.OpenConnectionAsync(ct);
        var kandidaten = await conn.QueryAsync<Kandidaat>(new CommandDefinition($"""
            SELECT klantnummer, naam, klantmanager, laatste_gesprek, startdatum_uitkering, wijk FROM (
            SELECT k.klantnummer, k.naam, k.klantmanager, laatste_gesprek(k.laatste_gesprek, k.klantnummer) AS laatste_gesprek,
                   k.startdatum_uitkering, k.wijk
            FROM klant_overzicht k
            WHERE k.in_bestand AND k.uitstroom_reden IS NULL
              AND (@klantmanager::text IS NULL OR k.klantmanager = @klantmanager)
              AND (@wijk::text IS NULL OR k.wijk = @wijk)
              AND (@gemeente::text IS NULL OR k.gemeente = @gemeente)
              AND (@indeling::text IS NULL OR k.indeling = @indeling)
              {doelgroep}
              AND NOT EXISTS (SELECT 1 FROM gesprek g WHERE g.klantnummer = k.klantnummer
                              AND (g.campagne_id = @campagneId OR g.status IN {OpenStatussen}))
            ) kandidaat
            WHERE @nietGesprokenSinds::date IS NULL OR laatste_gesprek IS NULL OR laatste_gesprek < @nietGesprokenSinds
            """,
            new
            {
                campagneId,
                klantmanager = selectie.Klantmanager,
                wijk = selectie.Wijk,
                gemeente = selectie.Gemeente,
                indeling = selectie.Indeling?.ToString(),
                nietGesprokenSinds = selectie.NietGesprokenSinds,
            },
            cancellationToken: ct));
        return kandidaten.AsList();
    }

    public async Task<IReadOnlyList<Guid>> OpenVanVertrokkenKlantenAsync(string campagneId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var ids = await conn.QueryAsync<Guid>(new CommandDefinition($"""
            SELECT g.id FROM gesprek g JOIN klant_overzicht k ON k.klantnummer = g.klantnummer
            WHERE g.campagne_id = @campagneId AND g.status IN {OpenStatussen} AND (NOT k.in_bestand OR k.uitstroom_reden IS NOT NULL)
            """, new { campagneId }, cancellationToken: ct));
        return ids.AsList();
    }

    public async Task<IReadOnlyList<GeboektSlot>> GeboektEldersAsync(string campagneId, IReadOnlyCollection<string> klantmanagers, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var slots = await conn.QueryAsync<GeboektSlot>(new CommandDefinition(
            $"SELECT klantmanager, start, eind FROM gesprek WHERE campagne_id <> @campagneId AND klantmanager = ANY(@klantmanagers) AND status IN {OpenStatussen}",
            new { campagneId, klantmanagers = klantmanagers.ToArray() }, cancellationToken: ct));
        return slots.AsList();
    }

    public async Task SchrijfAsync(Wijzigingen wijzigingen, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(wijzigingen);
        if (wijzigingen.IsLeeg) return;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await SchrijfInAsync(conn, tx, wijzigingen, ct);
        await tx.CommitAsync(ct);
    }

    public async Task<IReadOnlySet<Guid>> BoekAsync(Wijzigingen wijzigingen, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(wijzigingen);
        if (wijzigingen.IsLeeg) return new HashSet<Guid>();
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var rijen = wijzigingen.Gesprekken.Where(g => g.IsOpen).ToList();
        // In one order for every booking, so two bookings never wait for each other crosswise.
        await conn.ExecuteAsync(new CommandDefinition("""
            SELECT pg_advisory_xact_lock(hashtext('agenda/' || km)) FROM (SELECT DISTINCT km FROM unnest(@kms::text[]) km ORDER BY km) k
            """, new { kms = rijen.Select(r => r.Klantmanager).ToArray() }, tx, cancellationToken: ct));
        var bezet = (await conn.QueryAsync<Guid>(new CommandDefinition($"""
            SELECT n.id FROM unnest(@ids::uuid[], @kms::text[], @starts::timestamptz[], @einden::timestamptz[]) AS n(id, km, start, eind)
            WHERE EXISTS (SELECT 1 FROM gesprek g WHERE g.klantmanager = n.km AND g.status IN {OpenStatussen}
                          AND g.id <> n.id AND g.start < n.eind AND g.eind > n.start)
            """, new
            {
                ids = rijen.Select(r => r.Id).ToArray(),
                kms = rijen.Select(r => r.Klantmanager).ToArray(),
                starts = rijen.Select(r => r.Start.UtcDateTime).ToArray(),
                einden = rijen.Select(r => r.Eind.UtcDateTime).ToArray(),
            }, tx, cancellationToken: ct))).ToHashSet();
        await SchrijfInAsync(conn, tx, bezet.Count == 0 ? wijzigingen : new Wijzigingen(
            [.. wijzigingen.Gesprekken.Where(g => !bezet.Contains(g.Id))],
            [.. wijzigingen.Berichten.Where(b => !bezet.Contains(b.GesprekId))],
            [.. wijzigingen.Signalen.Where(s => !bezet.Contains(s.GesprekId))]), ct);
        await tx.CommitAsync(ct);
        return bezet;
    }

    private async Task SchrijfInAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Wijzigingen wijzigingen, CancellationToken ct)
    {
        // One statement per table, each column one array parameter, however large the batch (decision 9).
        if (wijzigingen.Gesprekken.Count > 0)
            await conn.ExecuteAsync(new CommandDefinition(UpsertGesprekken, Gesprek.Arrays(wijzigingen.Gesprekken, ("nu", klok.GetUtcNow().UtcDateTime)), tx, cancellationToken: ct));
        if (wijzigingen.Berichten.Count > 0)
            await conn.ExecuteAsync(new CommandDefinition(UpsertBerichten, Bericht.Arrays(wijzigingen.Berichten), tx, cancellationToken: ct));
        if (wijzigingen.Signalen.Count > 0)
            await conn.ExecuteAsync(new CommandDefinition(InsertSignalen, Signaal.Arrays(wijzigingen.Signalen), tx, cancellationToken: ct));
    }

    public async Task SchrijfCampagneAsync(string campagneId, string naam, CampagneStatus status, DateOnly periodeVan, DateOnly periodeTot, string? gemeente = null, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO campagne (id, naam, status, periode_van, periode_tot, gemeente, bijgewerkt_op)
            VALUES (@campagneId, @naam, @status, @periodeVan, @periodeTot, @gemeente, now())
            ON CONFLICT (id) DO UPDATE SET naam = excluded.naam, status = excluded.status, periode_van = excluded.periode_van,
                periode_tot = excluded.periode_tot, gemeente = excluded.gemeente, bijgewerkt_op = excluded.bijgewerkt_op
            """,
            new { campagneId, naam, status = EnumTekst.Van(status), periodeVan, periodeTot, gemeente },
            cancellationToken: ct));
    }

    async Task<IReadOnlyList<WerklijstItem>> IGesprekWerklijstBron.GesprekkenAsync(string klantmanager, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rijen = await conn.QueryAsync<OpgeslagenGesprekMetCampagne>(new CommandDefinition($"""
            SELECT {Gesprek.Lijst("g")}, coalesce(c.naam, '') AS campagne_naam
            FROM gesprek g LEFT JOIN campagne c ON c.id = g.campagne_id
            WHERE g.klantmanager = @klantmanager AND g.status IN {OpenStatussen}
            """, new { klantmanager }, cancellationToken: ct));
        return [.. rijen.Select(r => GesprekWerklijst.Item(r.NaarRij(), r.CampagneNaam, klok.LocalTimeZone))];
    }

    /// <summary>
    /// A gesprek row as stored, read by column name (Dapper, snake_case to PascalCase): the flat columns,
    /// with enums as their text, which <see cref="NaarRij"/> turns into the domain's <see cref="GesprekRij"/>.
    /// </summary>
    internal class OpgeslagenGesprek
    {
        public Guid Id { get; init; }
        public required string CampagneId { get; init; }
        public required string Klantnummer { get; init; }
        public int Poging { get; init; }
        public required string Naam { get; init; }
        public required string Klantmanager { get; init; }
        public DateTimeOffset Start { get; init; }
        public DateTimeOffset Eind { get; init; }
        public required string Status { get; init; }
        public DateTimeOffset UitnodigingOp { get; init; }
        public DateTimeOffset? UitnodigingVerzondenOp { get; init; }
        public DateTimeOffset? HerinneringVerzondenOp { get; init; }
        public bool ZonderUitkomstGemeld { get; init; }
        public bool? Verschenen { get; init; }
        public string? Afwezigheid { get; init; }
        public string? Indeling { get; init; }
        public int? Trede { get; init; }
        public string? Route { get; init; }
        public string? Afspraken { get; init; }
        public DateOnly? OntheffingTot { get; init; }
        public string? OntheffingGrond { get; init; }
        public string? UitstroomReden { get; init; }
        public string? UitkomstDoor { get; init; }
        public DateTimeOffset? UitkomstOp { get; init; }
        public required string Gevolg { get; init; }
        public int Versie { get; init; }
        public string? Wijk { get; init; }
        public string Soort { get; init; } = "participatiegesprek";
        public string Vorm { get; init; } = "kantoor";
        public string? Locatie { get; init; }
        public string? Toelichting { get; init; }
        public int VerzetAantal { get; init; }
        public string? VerzetOpVerzoekVan { get; init; }
        public string? VerzetReden { get; init; }

        public GesprekRij NaarRij() => new()
        {
            Id = Id,
            CampagneId = CampagneId,
            Klantnummer = Klantnummer,
            Poging = Poging,
            Naam = Naam,
            Klantmanager = Klantmanager,
            Start = Start,
            Eind = Eind,
            Status = EnumTekst.Naar<GesprekStatus>(Status),
            UitnodigingOp = UitnodigingOp,
            UitnodigingVerzondenOp = UitnodigingVerzondenOp,
            HerinneringVerzondenOp = HerinneringVerzondenOp,
            ZonderUitkomstGemeld = ZonderUitkomstGemeld,
            // verschenen is set exactly when there is an outcome.
            Uitkomst = Verschenen is not { } verschenen ? null : new GesprekUitkomst
            {
                Verschenen = verschenen,
                Afwezigheid = Afwezigheid is { } a ? EnumTekst.Naar<AfwezigheidReden>(a) : null,
                Indeling = Indeling is { } i ? Enum.Parse<Indeling>(i) : null,
                Trede = Trede,
                Route = Route,
                Afspraken = Afspraken,
                OntheffingTot = OntheffingTot,
                OntheffingGrond = OntheffingGrond,
                UitstroomReden = UitstroomReden,
                Door = UitkomstDoor ?? "",
            },
            UitkomstOp = UitkomstOp,
            Gevolg = EnumTekst.Naar<GesprekGevolg>(Gevolg),
            Versie = Versie,
            Wijk = Wijk,
            Soort = EnumTekst.Naar<GesprekSoort>(Soort),
            Vorm = EnumTekst.Naar<GesprekVorm>(Vorm),
            Locatie = Locatie,
            Toelichting = Toelichting,
            VerzetAantal = VerzetAantal,
            VerzetOpVerzoekVan = VerzetOpVerzoekVan is { } v ? EnumTekst.Naar<VerzetVerzoek>(v) : null,
            VerzetReden = VerzetReden,
        };
    }

    /// <summary>A gesprek with the name of its campaign, for the werklijst.</summary>
    internal sealed class OpgeslagenGesprekMetCampagne : OpgeslagenGesprek
    {
        public required string CampagneNaam { get; init; }
    }
}
