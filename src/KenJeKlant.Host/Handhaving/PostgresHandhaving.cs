using KenJeKlant.Host.Infrastructuur.Postgres;
using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Handhaving;
using KenJeKlant.Grains.Campagnes;
using KenJeKlant.Grains.Handhaving;
using Dapper;
using Npgsql;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KenJeKlant.Host.Handhaving;

/// <summary>
/// The handhavingssignaal table for the review: the grain reads a signal's basics and writes where its
/// review stands; the queue and the review screen read it with the campaign's gesprekken and letters.
/// </summary>
public sealed class PostgresHandhaving(NpgsqlDataSource db) : IHandhavingOpslag, IHandhavingLeesmodel
{
    public async Task<SignaalBasis?> SignaalAsync(Guid id, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<SignaalBasis>(new CommandDefinition(
            "SELECT klantnummer, campagne_id, gesprek_id, reden, aangemaakt_op, gemeente FROM handhavingssignaal WHERE id = @id", new { id }, cancellationToken: ct));
    }

    public async Task SchrijfStandAsync(SignaalStand stand, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stand);
        await using var conn = await db.OpenConnectionAsync(ct);
        // Dapper types each parameter from its member's type, so a NULL is as typed as a value.
        var bijgewerkt = await conn.ExecuteAsync(new CommandDefinition("""
            UPDATE handhavingssignaal SET status = @status, behandelaar = @behandelaar, besluit = @besluit,
                maatregel_percentage = @percentage, maatregel_duur_maanden = @duurMaanden, besloten_door = @beslotenDoor,
                besloten_op = @beslotenOp, bijgewerkt_op = @bijgewerktOp
            WHERE id = @id
            """,
            new
            {
                id = stand.Id,
                status = EnumTekst.Van(stand.Status),
                behandelaar = stand.Behandelaar,
                besluit = stand.Besluit is { } b ? EnumTekst.Van(b) : null,
                percentage = (short?)stand.Percentage,
                duurMaanden = (short?)stand.DuurMaanden,
                beslotenDoor = stand.BeslotenDoor,
                beslotenOp = stand.BeslotenOp?.UtcDateTime,
                bijgewerktOp = stand.BijgewerktOp.UtcDateTime,
            },
            cancellationToken: ct));
        if (bijgewerkt != 1) throw new InvalidOperationException($"Handhavingssignaal {stand.Id} staat niet in de tabel.");
    }

    /// <summary>How a letter's content is kept in <c>bericht.inhoud</c>: enums as their text, as the API writes them.</summary>
    private static readonly JsonSerializerOptions Inhoud = new() { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) } };

    public async Task<Guid> SchrijfBriefAsync(Handhavingsbrief brief, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(brief);
        await using var conn = await db.OpenConnectionAsync(ct);
        // Sent at once: the behandelaar sends it now. A second attempt for the same signal and soort finds the first.
        var id = await conn.ExecuteScalarAsync<Guid?>(new CommandDefinition("""
            WITH nieuw AS (
                INSERT INTO bericht (id, gesprek_id, campagne_id, klantnummer, soort, verzend_op, status, verzonden_op, volgnummer, inhoud)
                SELECT @id, s.gesprek_id, s.campagne_id, s.klantnummer, @soort, @op, 'verzonden', @op, 0, @inhoud::jsonb
                FROM handhavingssignaal s WHERE s.id = @signaalId
                ON CONFLICT (gesprek_id, soort, volgnummer) DO NOTHING
                RETURNING id)
            SELECT id FROM nieuw
            UNION ALL
            SELECT b.id FROM bericht b JOIN handhavingssignaal s ON s.gesprek_id = b.gesprek_id
            WHERE s.id = @signaalId AND b.soort = @soort AND b.volgnummer = 0
            LIMIT 1
            """,
            new
            {
                id = brief.Id,
                signaalId = brief.SignaalId,
                soort = EnumTekst.Van(brief.Soort),
                op = brief.VerzondenOp.UtcDateTime,
                inhoud = JsonSerializer.Serialize(brief, Inhoud),
            },
            cancellationToken: ct));
        return id ?? throw new InvalidOperationException($"Handhavingssignaal {brief.SignaalId} staat niet in de tabel.");
    }

    public async Task<HandhavingsbriefAfdruk?> BriefAsync(Guid signaalId, Guid briefId, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rij = await conn.QuerySingleOrDefaultAsync<(string Inhoud, string? Naam, string? Postcode, string? Gemeente)>(new CommandDefinition("""
            SELECT b.inhoud::text, k.naam, k.postcode, coalesce(s.gemeente, k.gemeente)
            FROM bericht b
            JOIN handhavingssignaal s ON s.gesprek_id = b.gesprek_id
            LEFT JOIN klant_overzicht k ON k.klantnummer = b.klantnummer
            WHERE s.id = @signaalId AND b.id = @briefId AND b.inhoud IS NOT NULL
            """, new { signaalId, briefId }, cancellationToken: ct));
        if (rij.Inhoud is null) return null;
        var brief = JsonSerializer.Deserialize<Handhavingsbrief>(rij.Inhoud, Inhoud)!;
        return new HandhavingsbriefAfdruk(brief, rij.Naam ?? brief.Klantnummer, rij.Postcode ?? "") { GemeenteCode = rij.Gemeente };
    }

    public Task<IReadOnlyList<SignaalRegel>> SignalenAsync(SignaalStatus? status, CancellationToken ct) => SignalenAsync(status, null, ct);

    public Task<IReadOnlyList<SignaalRegel>> SignalenAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) => SignalenAsync(null, ids, ct);

    // One query for the queue and for the live push, so both show a signal the same way.
    private async Task<IReadOnlyList<SignaalRegel>> SignalenAsync(SignaalStatus? status, IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rijen = await conn.QueryAsync<OpgeslagenSignaal>(new CommandDefinition("""
            SELECT s.id, s.klantnummer, coalesce(g.naam, '') AS naam, s.campagne_id, s.gesprek_id, s.reden, s.status, s.aangemaakt_op,
                   s.behandelaar, s.besluit, s.besloten_op
            FROM handhavingssignaal s
            LEFT JOIN gesprek g ON g.id = s.gesprek_id
            WHERE (@status::text IS NULL OR s.status = @status) AND (@ids::uuid[] IS NULL OR s.id = ANY(@ids::uuid[]))
            ORDER BY s.aangemaakt_op, s.klantnummer
            """, new { status = status is { } s ? EnumTekst.Van(s) : null, ids = ids?.ToArray() }, cancellationToken: ct));
        return [.. rijen.Select(r => r.NaarRegel())];
    }

    public async Task<Uitnodigingshistorie?> UitnodigingshistorieAsync(string klantnummer, string campagneId, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        // One row per letter (or one without a letter) of each gesprek; grouped below, in the query's order.
        var rijen = (await conn.QueryAsync<OpgeslagenUitnodiging>(new CommandDefinition("""
            SELECT g.id, g.poging::integer AS poging, g.start, g.eind, g.status, g.afwezigheid, g.uitkomst_op, g.gevolg, g.naam, g.klantmanager,
                   coalesce(c.naam, g.campagne_id) AS campagne_naam, b.soort AS brief_soort, b.status AS brief_status,
                   b.verzend_op AS brief_verzend_op, b.verzonden_op AS brief_verzonden_op
            FROM gesprek g
            LEFT JOIN campagne c ON c.id = g.campagne_id
            LEFT JOIN bericht b ON b.gesprek_id = g.id
            WHERE g.klantnummer = @klantnummer AND g.campagne_id = @campagneId
            ORDER BY g.poging, b.verzend_op
            """, new { klantnummer, campagneId }, cancellationToken: ct))).AsList();
        if (rijen.Count == 0) return null;
        var gesprekken = new List<UitnodigingInCampagne>();
        foreach (var gesprek in rijen.GroupBy(r => r.Id))
        {
            var g = gesprek.First();
            gesprekken.Add(new UitnodigingInCampagne(g.Id, g.Poging, g.Start, g.Eind, EnumTekst.Naar<GesprekStatus>(g.Status),
                g.Afwezigheid is { } a ? EnumTekst.Naar<AfwezigheidReden>(a) : null, g.UitkomstOp, EnumTekst.Naar<GesprekGevolg>(g.Gevolg),
                [.. gesprek.Where(r => r.BriefSoort is not null).Select(r => new BriefInHistorie(EnumTekst.Naar<BerichtSoort>(r.BriefSoort!),
                    EnumTekst.Naar<BerichtStatus>(r.BriefStatus!), r.BriefVerzendOp!.Value, r.BriefVerzondenOp))]));
        }
        // Name, klantmanager and campaign name as the latest gesprek has them (highest poging), as before.
        var laatste = rijen[^1];
        return new Uitnodigingshistorie(klantnummer, laatste.Naam, laatste.Klantmanager, laatste.CampagneNaam, gesprekken);
    }

    /// <summary>A line of the queue as the query returns it, enums as their text (<see cref="EnumTekst"/>).</summary>
    private sealed class OpgeslagenSignaal
    {
        public Guid Id { get; init; }
        public required string Klantnummer { get; init; }
        public required string Naam { get; init; }
        public required string CampagneId { get; init; }
        public Guid GesprekId { get; init; }
        public required string Reden { get; init; }
        public required string Status { get; init; }
        public DateTimeOffset AangemaaktOp { get; init; }
        public string? Behandelaar { get; init; }
        public string? Besluit { get; init; }
        public DateTimeOffset? BeslotenOp { get; init; }

        public SignaalRegel NaarRegel() => new(Id, Klantnummer, Naam, CampagneId, GesprekId, Reden, EnumTekst.Naar<SignaalStatus>(Status),
            AangemaaktOp, Behandelaar, Besluit is { } b ? EnumTekst.Naar<BesluitSoort>(b) : null, BeslotenOp);
    }

    /// <summary>A gesprek of the client in the campaign with one of its letters (the brief_ columns are NULL without one).</summary>
    private sealed class OpgeslagenUitnodiging
    {
        public Guid Id { get; init; }
        public int Poging { get; init; }
        public DateTimeOffset Start { get; init; }
        public DateTimeOffset Eind { get; init; }
        public required string Status { get; init; }
        public string? Afwezigheid { get; init; }
        public DateTimeOffset? UitkomstOp { get; init; }
        public required string Gevolg { get; init; }
        public required string Naam { get; init; }
        public required string Klantmanager { get; init; }
        public required string CampagneNaam { get; init; }
        public string? BriefSoort { get; init; }
        public string? BriefStatus { get; init; }
        public DateTimeOffset? BriefVerzendOp { get; init; }
        public DateTimeOffset? BriefVerzondenOp { get; init; }
    }
}
