using System.Text.Json;
using Dapper;
using KenJeKlant.Host.Audit;
using Npgsql;

namespace KenJeKlant.Host.Inzage;

/// <summary>What the tables hold about one client, for the inzage: read by klantnummer, nothing about anyone else.</summary>
public sealed class PostgresInzage(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<InzageGesprek>> GesprekkenAsync(string klantnummer, CancellationToken ct) => await LeesAsync<InzageGesprek>("""
        SELECT start, soort, status, vorm, locatie, oproep, verschenen, afwezigheid, indeling, trede::int AS trede, route, afspraken,
               ontheffing_tot AS OntheffingTot, uitstroom_reden AS UitstroomReden, toelichting
        FROM gesprek WHERE klantnummer = @klantnummer ORDER BY start
        """, klantnummer, ct);

    public async Task<IReadOnlyList<InzagePlan>> PlannenAsync(string klantnummer, CancellationToken ct) => await LeesAsync<InzagePlan>(
        "SELECT versie, doel, vastgesteld_op AS VastgesteldOp FROM plan_van_aanpak WHERE klantnummer = @klantnummer ORDER BY versie", klantnummer, ct);

    public async Task<IReadOnlyList<InzageAfspraak>> AfsprakenAsync(string klantnummer, CancellationToken ct) => await LeesAsync<InzageAfspraak>("""
        SELECT van_versie AS VanVersie, omschrijving, wie, deadline, leefdomein, status, toelichting
        FROM afspraak WHERE klantnummer = @klantnummer ORDER BY van_versie, deadline
        """, klantnummer, ct);

    public async Task<IReadOnlyList<Guid>> HandhavingssignalenAsync(string klantnummer, CancellationToken ct) => await LeesAsync<Guid>(
        "SELECT id FROM handhavingssignaal WHERE klantnummer = @klantnummer ORDER BY aangemaakt_op", klantnummer, ct);

    public async Task<IReadOnlyList<JsonElement>> RechtmatigheidssignalenAsync(string klantnummer, CancellationToken ct) =>
        [.. (await LeesAsync<string>("SELECT zaak::text FROM rechtmatigheidssignaal WHERE klantnummer = @klantnummer ORDER BY gemeld_op", klantnummer, ct))
            .Select(t => JsonDocument.Parse(t).RootElement.Clone())];

    public async Task<IReadOnlyList<InzageBericht>> BrievenAsync(string klantnummer, CancellationToken ct) => await LeesAsync<InzageBericht>(
        "SELECT soort, status, verzend_op AS VerzendOp, verzonden_op AS VerzondenOp FROM bericht WHERE klantnummer = @klantnummer ORDER BY verzend_op",
        klantnummer, ct);

    /// <summary>Every audit entry whose data subject is this client (the betrokkene <c>klant {klantnummer}</c>).</summary>
    public async Task<IReadOnlyList<InzageVerwerking>> VerwerkingenAsync(string klantnummer, bool metNaam, CancellationToken ct)
    {
        var rijen = await LeesAsync<AuditRij>("""
            SELECT volgnummer, tijdstip, verwerking, activiteit_id AS ActiviteitId, actie, rol, resultaat, actor
            FROM auditlog WHERE object = 'klant ' || @klantnummer ORDER BY volgnummer
            """, klantnummer, ct);
        return [.. rijen.Select(r => new InzageVerwerking
        {
            Volgnummer = r.Volgnummer,
            Tijdstip = r.Tijdstip,
            Handeling = r.Verwerking,
            // Entries from before the register named no activity; the register still knows their handeling.
            ActiviteitId = r.ActiviteitId ?? Verwerkingsregister.IdVan(r.Verwerking),
            Activiteit = Verwerkingsregister.Van(r.Verwerking)?.Naam,
            Actie = r.Actie == nameof(AuditActie.Wijzigen) ? "gewijzigd" : "ingezien",
            Rol = r.Rol,
            Resultaat = r.Resultaat,
            Medewerker = metNaam ? r.Actor : null,
        })];
    }

    private async Task<IReadOnlyList<T>> LeesAsync<T>(string sql, string klantnummer, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return [.. await conn.QueryAsync<T>(new CommandDefinition(sql, new { klantnummer }, cancellationToken: ct))];
    }

    private sealed class AuditRij
    {
        public long Volgnummer { get; init; }
        public DateTimeOffset Tijdstip { get; init; }
        public required string Verwerking { get; init; }
        public string? ActiviteitId { get; init; }
        public required string Actie { get; init; }
        public required string Rol { get; init; }
        public int Resultaat { get; init; }
        public required string Actor { get; init; }
    }
}
