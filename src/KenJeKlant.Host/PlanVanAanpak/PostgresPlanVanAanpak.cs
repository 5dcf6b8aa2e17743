using Dapper;
using KenJeKlant.Abstractions.PlanVanAanpak;
using KenJeKlant.Abstractions.Werklijsten;
using KenJeKlant.Grains;
using KenJeKlant.Grains.PlanVanAanpak;
using KenJeKlant.Grains.Werklijsten;
using KenJeKlant.Host.Infrastructuur.Postgres;
using Npgsql;

namespace KenJeKlant.Host.PlanVanAanpak;

/// <summary>
/// The plan van aanpak in PostgreSQL (V015): <c>plan_van_aanpak</c> (a row per version) and <c>afspraak</c> (an
/// afspraak's content per range of versions, with its status). The plan grains write it; the werklijst and the
/// team's counts read the open afspraken of current plans by deadline (<c>ix_afspraak_open_deadline</c>).
/// </summary>
public sealed class PostgresPlanVanAanpak(NpgsqlDataSource db, Domeinklok klok) : IPlanVanAanpakOpslag, IAfspraakWerklijstBron, IAfspraakTellingen
{
    internal static readonly KolomTabel<Plan> Versie = new KolomTabel<Plan>("plan_van_aanpak")
        .Kolom("klantnummer", "text", p => p.Klantnummer)
        .Kolom("versie", "integer", p => p.Versie)
        .Kolom("doel", "text", p => p.Doel)
        .Kolom("vastgesteld_door", "text", p => p.VastgesteldDoor)
        .Kolom("vastgesteld_op", "timestamptz", p => p.VastgesteldOp.UtcDateTime);

    internal static readonly KolomTabel<AfspraakRegel> Afspraak = new KolomTabel<AfspraakRegel>("afspraak")
        .Kolom("id", "uuid", r => r.Afspraak.Id)
        .Kolom("van_versie", "integer", r => r.VanVersie)
        .Kolom("klantnummer", "text", r => r.Klantnummer)
        .Kolom("tot_versie", "integer", r => (int?)null)
        .Kolom("omschrijving", "text", r => r.Afspraak.Omschrijving)
        .Kolom("wie", "text", r => EnumTekst.Van(r.Afspraak.Wie))
        .Kolom("partner", "text", r => r.Afspraak.Partner)
        .Kolom("deadline", "date", r => r.Afspraak.Deadline)
        .Kolom("leefdomein", "text", r => r.Afspraak.Leefdomein)
        .Kolom("status", "text", r => EnumTekst.Van(r.Afspraak.Status))
        .Kolom("toelichting", "text", r => r.Afspraak.Afronding?.Toelichting)
        .Kolom("afgerond_door", "text", r => r.Afspraak.Afronding?.Door)
        .Kolom("afgerond_op", "timestamptz", r => r.Afspraak.Afronding?.Op.UtcDateTime);

    // A new version is new rows only: a conflict means a second writer, and must fail rather than overwrite.
    private static readonly string VersieInvoegen = Versie.InsertUitWaarden("");
    private static readonly string AfsprakenInvoegen = Afspraak.InsertUitArrays("");

    public async Task<Plan?> HuidigAsync(string klantnummer, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var versies = (await conn.QueryAsync<OpgeslagenVersie>(new CommandDefinition(
            $"SELECT {Versie.Lijst()} FROM plan_van_aanpak WHERE klantnummer = @klantnummer ORDER BY versie DESC",
            new { klantnummer }, cancellationToken: ct))).AsList();
        if (versies.Count == 0) return null;
        return await PlanAsync(conn, versies[0], [.. versies.Select(v => new PlanVersie(v.Versie, v.VastgesteldDoor, Lokaal(v.VastgesteldOp)))], ct);
    }

    public async Task<Plan?> VersieAsync(string klantnummer, int versie, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rij = await conn.QuerySingleOrDefaultAsync<OpgeslagenVersie>(new CommandDefinition(
            $"SELECT {Versie.Lijst()} FROM plan_van_aanpak WHERE klantnummer = @klantnummer AND versie = @versie",
            new { klantnummer, versie }, cancellationToken: ct));
        return rij is null ? null : await PlanAsync(conn, rij, [], ct);
    }

    private async Task<Plan> PlanAsync(NpgsqlConnection conn, OpgeslagenVersie versie, IReadOnlyList<PlanVersie> versies, CancellationToken ct)
    {
        var afspraken = await conn.QueryAsync<OpgeslagenAfspraak>(new CommandDefinition($"""
            SELECT {Afspraak.Lijst()} FROM afspraak
            WHERE klantnummer = @klantnummer AND van_versie <= @versie AND (tot_versie IS NULL OR tot_versie > @versie)
            """, new { klantnummer = versie.Klantnummer, versie = versie.Versie }, cancellationToken: ct));
        return new Plan
        {
            Klantnummer = versie.Klantnummer,
            Versie = versie.Versie,
            Doel = versie.Doel,
            VastgesteldDoor = versie.VastgesteldDoor,
            VastgesteldOp = Lokaal(versie.VastgesteldOp),
            Afspraken = PlanVanAanpakRegels.Geordend(afspraken.Select(a => a.NaarAfspraak(Lokaal))),
            Versies = versies,
        };
    }

    public async Task SchrijfAsync(PlanWijziging wijziging, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(wijziging);
        var plan = wijziging.Plan;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(VersieInvoegen, Versie.Waarden(plan), tx, cancellationToken: ct));
        if (wijziging.Beeindigd.Count > 0)
        {
            await conn.ExecuteAsync(new CommandDefinition(
                "UPDATE afspraak SET tot_versie = @versie WHERE klantnummer = @klantnummer AND tot_versie IS NULL AND id = ANY(@ids)",
                new { versie = plan.Versie, klantnummer = plan.Klantnummer, ids = wijziging.Beeindigd.ToArray() }, tx, cancellationToken: ct));
        }
        if (wijziging.NieuweRijen.Count > 0)
        {
            var rijen = wijziging.NieuweRijen.Select(a => new AfspraakRegel(plan.Klantnummer, plan.Versie, a)).ToList();
            await conn.ExecuteAsync(new CommandDefinition(AfsprakenInvoegen, Afspraak.Arrays(rijen), tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
    }

    public async Task<bool> SchrijfAfrondingAsync(string klantnummer, Afspraak afspraak, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(afspraak);
        await using var conn = await db.OpenConnectionAsync(ct);
        var bijgewerkt = await conn.ExecuteAsync(new CommandDefinition("""
            UPDATE afspraak SET status = @status, toelichting = @toelichting, afgerond_door = @door, afgerond_op = @op
            WHERE id = @id AND klantnummer = @klantnummer AND tot_versie IS NULL AND status = 'open'
            """,
            new
            {
                id = afspraak.Id,
                klantnummer,
                status = EnumTekst.Van(afspraak.Status),
                toelichting = afspraak.Afronding?.Toelichting,
                door = afspraak.Afronding?.Door,
                op = afspraak.Afronding?.Op.UtcDateTime,
            }, cancellationToken: ct));
        return bijgewerkt == 1;
    }

    public async Task<KlantVoorPlan?> KlantAsync(string klantnummer, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<KlantVoorPlan>(new CommandDefinition(
            "SELECT klantnummer, naam, klantmanager FROM klant_overzicht WHERE klantnummer = @klantnummer", new { klantnummer }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<WerklijstItem>> TeControlerenAsync(string klantmanager, DateOnly vandaag, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rijen = await conn.QueryAsync<TeControleren>(new CommandDefinition($"""
            SELECT k.naam AS klant_naam, {Afspraak.Lijst("a")}
            FROM afspraak a JOIN klant_overzicht k ON k.klantnummer = a.klantnummer
            WHERE a.tot_versie IS NULL AND a.status = 'open' AND a.deadline <= @vandaag AND k.klantmanager = @klantmanager
            """, new { klantmanager, vandaag }, cancellationToken: ct));
        return [.. rijen.Select(r => AfspraakWerklijst.Item(r.Klantnummer, r.KlantNaam, r.NaarAfspraak(Lokaal), vandaag))];
    }

    public async Task<IReadOnlyDictionary<string, AfspraakTelling>> TelPerKlantmanagerAsync(DateOnly vandaag, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var tellingen = await conn.QueryAsync<AfspraakTelling>(new CommandDefinition("""
            SELECT k.klantmanager, count(*)::integer AS open, count(*) FILTER (WHERE a.deadline < @vandaag)::integer AS te_laat
            FROM afspraak a JOIN klant_overzicht k ON k.klantnummer = a.klantnummer
            WHERE a.tot_versie IS NULL AND a.status = 'open'
            GROUP BY k.klantmanager
            """, new { vandaag }, cancellationToken: ct));
        return tellingen.ToDictionary(t => t.Klantmanager, StringComparer.Ordinal);
    }

    private DateTimeOffset Lokaal(DateTimeOffset tijdstip) => TimeZoneInfo.ConvertTime(tijdstip, klok.LocalTimeZone);

    /// <summary>An afspraak row as it is written: the afspraak, whose plan, from which version.</summary>
    internal sealed record AfspraakRegel(string Klantnummer, int VanVersie, Afspraak Afspraak);

    internal sealed class OpgeslagenVersie
    {
        public required string Klantnummer { get; init; }
        public int Versie { get; init; }
        public required string Doel { get; init; }
        public required string VastgesteldDoor { get; init; }
        public DateTimeOffset VastgesteldOp { get; init; }
    }

    internal class OpgeslagenAfspraak
    {
        public Guid Id { get; init; }
        public int VanVersie { get; init; }
        public required string Klantnummer { get; init; }
        public int? TotVersie { get; init; }
        public required string Omschrijving { get; init; }
        public required string Wie { get; init; }
        public string? Partner { get; init; }
        public DateOnly Deadline { get; init; }
        public string? Leefdomein { get; init; }
        public required string Status { get; init; }
        public string? Toelichting { get; init; }
        public string? AfgerondDoor { get; init; }
        public DateTimeOffset? AfgerondOp { get; init; }

        public Afspraak NaarAfspraak(Func<DateTimeOffset, DateTimeOffset> lokaal) => new()
        {
            Id = Id,
            Omschrijving = Omschrijving,
            Wie = EnumTekst.Naar<AfspraakWie>(Wie),
            Partner = Partner,
            Deadline = Deadline,
            Leefdomein = Leefdomein,
            Status = EnumTekst.Naar<AfspraakStatus>(Status),
            Afronding = AfgerondOp is { } op ? new AfspraakAfronding(Toelichting, AfgerondDoor ?? "", lokaal(op)) : null,
        };
    }

    private sealed class TeControleren : OpgeslagenAfspraak
    {
        public required string KlantNaam { get; init; }
    }
}

/// <summary>Per klantmanager: open afspraken in current plans, and how many of them are past their deadline. Counts only.</summary>
public interface IAfspraakTellingen
{
    Task<IReadOnlyDictionary<string, AfspraakTelling>> TelPerKlantmanagerAsync(DateOnly vandaag, CancellationToken ct);
}

public sealed record AfspraakTelling(string Klantmanager, int Open, int TeLaat);
