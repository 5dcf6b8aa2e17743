using KenJeKlant.Grains.Beleid;
using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Host.Infrastructuur.Postgres;
using System.Runtime.CompilerServices;
using Dapper;
using KenJeKlant.Grains.Campagnes;
using Npgsql;

namespace KenJeKlant.Host.Campagnes;

/// <summary>The campaign tables as the API reads them: lists and the outbox for mail merge.</summary>
public sealed class PostgresCampagneLeesmodel(NpgsqlDataSource db) : ICampagneLeesmodel
{
    // Aliased to the names of OpgeslagenBrief's properties: Dapper maps by name, so the order is free.
    private const string BriefSelect = """
        SELECT b.id, b.soort, b.status, b.verzend_op, b.verzonden_op, b.klantnummer, g.naam, coalesce(k.postcode, '') AS postcode,
               g.klantmanager, coalesce(m.naam, g.klantmanager) AS klantmanager_naam, g.campagne_id,
               coalesce(c.naam, g.campagne_id) AS campagne_naam, g.start AS gesprek_start, g.eind AS gesprek_eind, g.poging,
               g.soort AS gesprek_soort, g.vorm, g.locatie, coalesce(g.gemeente, k.gemeente) AS gemeente
        FROM bericht b
        JOIN gesprek g ON g.id = b.gesprek_id
        LEFT JOIN klant_overzicht k ON k.klantnummer = b.klantnummer
        LEFT JOIN medewerker m ON m.id = g.klantmanager
        LEFT JOIN campagne c ON c.id = g.campagne_id
        """;

    public async Task<string?> CampagneVanGesprekAsync(string klantnummer, Guid gesprekId, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT campagne_id FROM gesprek WHERE id = @gesprekId AND klantnummer = @klantnummer", new { gesprekId, klantnummer }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<CampagneRegel>> CampagnesAsync(CancellationToken ct, IReadOnlySet<string>? gemeenten = null, string? zonderGemeente = null)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var regels = await conn.QueryAsync<CampagneRegel>(new CommandDefinition("""
            SELECT id, naam, status, periode_van, periode_tot, gemeente FROM campagne
            WHERE @gemeenten::text[] IS NULL OR coalesce(gemeente, @zonderGemeente) = ANY(@gemeenten::text[])
            ORDER BY id
            """, new { gemeenten = gemeenten?.ToArray(), zonderGemeente }, cancellationToken: ct));
        return regels.AsList();
    }

    public async IAsyncEnumerable<BriefRegel> BrievenAsync(BerichtStatus? status, string? campagneId, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        // Unbuffered: the outbox of a large campaign streams to the response instead of being held in memory.
        var brieven = conn.QueryUnbufferedAsync<OpgeslagenBrief>($"""
            {BriefSelect}
            WHERE (@status::text IS NULL OR b.status = @status) AND (@campagneId::text IS NULL OR b.campagne_id = @campagneId)
            ORDER BY b.verzend_op, b.klantnummer, b.soort
            """, new { status = status is { } s ? EnumTekst.Van(s) : null, campagneId });
        await foreach (var brief in brieven.WithCancellation(ct)) yield return brief.NaarRegel();
    }

    public async Task<BriefRegel?> BriefAsync(Guid id, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var brief = await conn.QuerySingleOrDefaultAsync<OpgeslagenBrief>(new CommandDefinition(
            $"{BriefSelect} WHERE b.id = @id", new { id }, cancellationToken: ct));
        return brief?.NaarRegel();
    }

    public async Task<IReadOnlyList<OpenGesprek>> VoorbijZonderUitkomstAsync(string campagneId, DateTimeOffset tot, int maximaal, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        // poging is a smallint; the record's constructor takes an int, and Dapper matches constructors on exact types.
        var regels = await conn.QueryAsync<OpenGesprek>(new CommandDefinition($"""
            SELECT id, klantnummer, klantmanager, poging::integer AS poging, start, eind FROM gesprek
            WHERE campagne_id = @campagneId AND status IN {PostgresCampagneOpslag.OpenStatussen} AND eind <= @tot
            ORDER BY eind LIMIT @maximaal
            """, new { campagneId, tot = tot.UtcDateTime, maximaal }, cancellationToken: ct));
        return regels.AsList();
    }

    /// <summary>A letter as the query returns it, enums as their text (<see cref="EnumTekst"/>).</summary>
    internal sealed class OpgeslagenBrief
    {
        public Guid Id { get; init; }
        public required string Soort { get; init; }
        public required string Status { get; init; }
        public DateTimeOffset VerzendOp { get; init; }
        public DateTimeOffset? VerzondenOp { get; init; }
        public required string Klantnummer { get; init; }
        public required string Naam { get; init; }
        public required string Postcode { get; init; }
        public required string Klantmanager { get; init; }
        public required string KlantmanagerNaam { get; init; }
        public required string CampagneId { get; init; }
        public required string CampagneNaam { get; init; }
        public DateTimeOffset GesprekStart { get; init; }
        public DateTimeOffset GesprekEind { get; init; }
        public int Poging { get; init; }
        public required string GesprekSoort { get; init; }
        public required string Vorm { get; init; }
        public string? Locatie { get; init; }
        public string? Gemeente { get; init; }

        public BriefRegel NaarRegel()
        {
            var soort = EnumTekst.Naar<GesprekSoort>(GesprekSoort);
            return new(Id, EnumTekst.Naar<BerichtSoort>(Soort), EnumTekst.Naar<BerichtStatus>(Status), VerzendOp, VerzondenOp,
                Klantnummer, Naam, Postcode, Klantmanager, KlantmanagerNaam, CampagneId, GesprekBeleid.EigenaarNaam(CampagneId, soort, CampagneNaam),
                GesprekStart, GesprekEind, Poging)
            {
                GesprekSoort = soort,
                Vorm = EnumTekst.Naar<GesprekVorm>(Vorm),
                Locatie = Locatie,
                Gemeente = Gemeente,
            };
        }
    }
}
