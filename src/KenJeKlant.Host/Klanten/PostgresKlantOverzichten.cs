using KenJeKlant.Host.Klantmanagers;
using System.Runtime.CompilerServices;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Abstractions.Werklijsten;
using KenJeKlant.Abstractions.Herbeoordelingen;
using KenJeKlant.Grains.Klanten;
using KenJeKlant.Grains.Werklijsten;
using Dapper;
using KenJeKlant.Host.Infrastructuur.Postgres;
using Npgsql;

namespace KenJeKlant.Host.Klanten;

/// <summary>The klant read model in PostgreSQL: <see cref="KlantOpslag"/> writes it with the grain's state, lists and the import read it.</summary>
public sealed class PostgresKlantOverzichten(NpgsqlDataSource db) : IKlantOverzichten, IWerklijstBron
{
    // The klant_overzicht table, once: the upsert, its parameters and the SELECT list come from here.
    internal static readonly KolomTabel<KlantOverzicht> Overzicht = new KolomTabel<KlantOverzicht>("klant_overzicht")
        .Kolom("klantnummer", "text", o => o.Klantnummer)
        .Kolom("naam", "text", o => o.Naam)
        .Kolom("postcode", "text", o => o.Postcode)
        .Kolom("wijk", "text", o => o.Wijk)
        .Kolom("klantmanager", "text", o => o.Klantmanager)
        .Kolom("huishouden", "text", o => o.Huishouden.ToString())
        .Kolom("geboortedatum", "date", o => o.Geboortedatum)
        .Kolom("startdatum_uitkering", "date", o => o.StartdatumUitkering)
        .Kolom("laatste_gesprek", "date", o => o.LaatsteGesprek)
        .Kolom("statushouder", "boolean", o => o.Doelgroepen.Statushouder)
        .Kolom("schoolverlater_pro_vso", "boolean", o => o.Doelgroepen.SchoolverlaterProVso)
        .Kolom("arbeidsbeperking", "boolean", o => o.Doelgroepen.Arbeidsbeperking)
        .Kolom("doelgroepregister", "boolean", o => o.Doelgroepen.Doelgroepregister)
        .Kolom("in_bestand", "boolean", o => o.InBestand)
        .Kolom("indeling", "text", o => o.Indeling?.ToString())
        .Kolom("trede", "smallint", o => (short?)o.Trede)
        .Kolom("route", "text", o => o.Route)
        .Kolom("ontheffing_tot", "date", o => o.OntheffingTot)
        .Kolom("uitstroom_reden", "text", o => o.UitstroomReden)
        .Kolom("bijgewerkt_op", "timestamptz", o => o.BijgewerktOp.UtcDateTime)
        .Kolom("herbeoordeling_datum", "date", o => o.HerbeoordelingDatum)
        .Kolom("herbeoordeling_grond", "text", o => o.HerbeoordelingGrond)
        .Kolom("herbeoordeling_gemeld", "text", o => o.HerbeoordelingGemeld?.ToString())
        .Kolom("herbeoordeling_controle", "timestamptz", o => o.HerbeoordelingControle?.UtcDateTime)
        .Kolom("gemeente", "text", o => o.Gemeente)
        .Kolom("uitstroom_datum", "date", o => o.UitstroomDatum);

    // laatste_gesprek is stored as the bestand says it and read with the gesprekken held here (one home: the gesprek table).
    private static readonly string Gelezen =
        $"{Overzicht.Lijst(Overzicht.Behalve("laatste_gesprek"))}, laatste_gesprek(laatste_gesprek, klantnummer) AS laatste_gesprek";

    public async Task<Pagina<KlantOverzicht>> ZoekAsync(KlantFilter filter, int pagina, int paginagrootte, CancellationToken ct)
    {
        var (waar, parameters) = Waar(filter);
        await using var conn = await db.OpenConnectionAsync(ct);
        var totaal = await conn.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) FROM klant_overzicht {waar}", parameters, cancellationToken: ct));
        parameters.Add("limiet", paginagrootte);
        parameters.Add("vanaf", (long)(pagina - 1) * paginagrootte);
        var rijen = await conn.QueryAsync<OpgeslagenKlant>(new CommandDefinition(
            $"SELECT {Gelezen} FROM klant_overzicht {waar} ORDER BY klantnummer LIMIT @limiet OFFSET @vanaf", parameters, cancellationToken: ct));
        return new Pagina<KlantOverzicht>([.. rijen.Select(r => r.NaarOverzicht())], totaal);
    }

    public async IAsyncEnumerable<string> KlantnummersInBestandAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        // Unbuffered: the import streams every klantnummer (hundreds of thousands) rather than holding them twice.
        await foreach (var klantnummer in conn.QueryUnbufferedAsync<string>("SELECT klantnummer FROM klant_overzicht WHERE in_bestand").WithCancellation(ct))
            yield return klantnummer;
    }

    public async Task<long> AantalAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM klant_overzicht", cancellationToken: ct));
    }

    public async Task<string?> KlantmanagerVanAsync(string klantnummer, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT klantmanager FROM klant_overzicht WHERE klantnummer = @klantnummer", new { klantnummer }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<HerbeoordelingTelling>> TelHerbeoordelingenAsync(DateOnly vandaag, int teLaatNaDagen, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        // Due: date reached, grace not over (datum > vandaag - grace); overdue: grace over too.
        // Counts as integer: Dapper matches the record's constructor (int parameters) on exact types.
        var tellingen = await conn.QueryAsync<HerbeoordelingTelling>(new CommandDefinition("""
            SELECT klantmanager,
                   count(*) FILTER (WHERE herbeoordeling_datum > @vandaag)::integer AS gepland,
                   count(*) FILTER (WHERE herbeoordeling_datum <= @vandaag AND herbeoordeling_datum > @grens)::integer AS aan_de_beurt,
                   count(*) FILTER (WHERE herbeoordeling_datum <= @grens)::integer AS te_laat
            FROM klant_overzicht
            WHERE in_bestand AND herbeoordeling_datum IS NOT NULL
            GROUP BY klantmanager ORDER BY klantmanager
            """, new { vandaag, grens = vandaag.AddDays(-teLaatNaDagen) }, cancellationToken: ct));
        return tellingen.AsList();
    }

    public async Task<IReadOnlyList<WerklijstItem>> HerbeoordelingenAsync(string klantmanager, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rijen = await conn.QueryAsync<Gemeld>(new CommandDefinition("""
            SELECT klantnummer, naam, herbeoordeling_datum, herbeoordeling_grond, herbeoordeling_gemeld FROM klant_overzicht
            WHERE klantmanager = @klantmanager AND herbeoordeling_gemeld IS NOT NULL
            """, new { klantmanager }, cancellationToken: ct));
        return [.. rijen.Select(r => new WerklijstItem(r.Klantnummer, r.Naam, WerklijstSoort.Herbeoordeling, r.HerbeoordelingDatum,
            Enum.Parse<HerbeoordelingStatus>(r.HerbeoordelingGemeld), r.HerbeoordelingGrond ?? ""))];
    }

    private static (string Waar, DynamicParameters Parameters) Waar(KlantFilter f)
    {
        var voorwaarden = new List<string>();
        var parameters = new DynamicParameters();
        void Voeg(string kolomExpressie, object waarde)
        {
            var naam = "p" + voorwaarden.Count;
            parameters.Add(naam, waarde);
            voorwaarden.Add(kolomExpressie.Replace("@", "@" + naam, StringComparison.Ordinal));
        }
        if (f.Klantmanager is { } km) Voeg("klantmanager = @", km);
        if (f.Caseload is { } caseload) Voeg("klantmanager = ANY(@)", caseload.ToArray());
        if (f.Wijk is { } wijk) Voeg("wijk = @", wijk);
        if (f.Gemeente is { } gemeente) Voeg("gemeente = @", gemeente);
        if (f.Indeling is { } indeling) Voeg("indeling = @", indeling.ToString());
        if (f.InBestand is { } inBestand) Voeg("in_bestand = @", inBestand);
        if (!string.IsNullOrWhiteSpace(f.Zoek)) Voeg("(klantnummer ILIKE @ OR naam ILIKE @)", "%" + EscapeLike(f.Zoek.Trim()) + "%");
        if (!string.IsNullOrWhiteSpace(f.Route)) Voeg("lower(route) = lower(@)", f.Route.Trim());
        switch (f.Herbeoordeling)
        {
            case HerbeoordelingStatus.Gepland:
                voorwaarden.Add("herbeoordeling_datum IS NOT NULL AND (herbeoordeling_gemeld IS NULL OR herbeoordeling_gemeld = 'Gepland')");
                break;
            case { } gemeld:
                Voeg("herbeoordeling_gemeld = @", gemeld.ToString());
                break;
        }
        // Open afspraken of the client's current plan van aanpak (its table is their one home).
        if (f.OpenAfspraken is { } open)
            voorwaarden.Add((open ? "" : "NOT ") + "EXISTS (SELECT 1 FROM afspraak a WHERE a.klantnummer = klant_overzicht.klantnummer AND a.tot_versie IS NULL AND a.status = 'open')");
        return (voorwaarden.Count == 0 ? "" : "WHERE " + string.Join(" AND ", voorwaarden), parameters);
    }

    private static string EscapeLike(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    /// <summary>
    /// A klant_overzicht row as stored, read by column name; <see cref="NaarOverzicht"/> makes the domain's
    /// <see cref="KlantOverzicht"/> (enums from their names, the doelgroep flags as one value).
    /// </summary>
    internal sealed class OpgeslagenKlant
    {
        public required string Klantnummer { get; init; }
        public required string Naam { get; init; }
        public required string Postcode { get; init; }
        public string? Wijk { get; init; }
        public required string Klantmanager { get; init; }
        public required string Huishouden { get; init; }
        public DateOnly Geboortedatum { get; init; }
        public DateOnly StartdatumUitkering { get; init; }
        public DateOnly? LaatsteGesprek { get; init; }
        public bool Statushouder { get; init; }
        public bool SchoolverlaterProVso { get; init; }
        public bool Arbeidsbeperking { get; init; }
        public bool Doelgroepregister { get; init; }
        public bool InBestand { get; init; }
        public string? Indeling { get; init; }
        public int? Trede { get; init; }
        public string? Route { get; init; }
        public DateOnly? OntheffingTot { get; init; }
        public string? UitstroomReden { get; init; }
        public DateTimeOffset BijgewerktOp { get; init; }
        public DateOnly? HerbeoordelingDatum { get; init; }
        public string? HerbeoordelingGrond { get; init; }
        public string? HerbeoordelingGemeld { get; init; }
        public DateTimeOffset? HerbeoordelingControle { get; init; }
        public string? Gemeente { get; init; }
        public DateOnly? UitstroomDatum { get; init; }

        public KlantOverzicht NaarOverzicht() => new()
        {
            Klantnummer = Klantnummer,
            Naam = Naam,
            Postcode = Postcode,
            Wijk = Wijk,
            Klantmanager = Klantmanager,
            Huishouden = Enum.Parse<Huishouden>(Huishouden),
            Geboortedatum = Geboortedatum,
            StartdatumUitkering = StartdatumUitkering,
            LaatsteGesprek = LaatsteGesprek,
            Doelgroepen = new Doelgroepen
            {
                Statushouder = Statushouder,
                SchoolverlaterProVso = SchoolverlaterProVso,
                Arbeidsbeperking = Arbeidsbeperking,
                Doelgroepregister = Doelgroepregister,
            },
            InBestand = InBestand,
            Indeling = Indeling is { } i ? Enum.Parse<Indeling>(i) : null,
            Trede = Trede,
            Route = Route,
            OntheffingTot = OntheffingTot,
            UitstroomReden = UitstroomReden,
            BijgewerktOp = BijgewerktOp,
            HerbeoordelingDatum = HerbeoordelingDatum,
            HerbeoordelingGrond = HerbeoordelingGrond,
            HerbeoordelingGemeld = HerbeoordelingGemeld is { } g ? Enum.Parse<HerbeoordelingStatus>(g) : null,
            HerbeoordelingControle = HerbeoordelingControle,
            Gemeente = Gemeente,
            UitstroomDatum = UitstroomDatum,
        };
    }

    /// <summary>A herbeoordeling on the werklijst: a client whose prompt was reported (the gemeld column is set).</summary>
    private sealed record Gemeld(string Klantnummer, string Naam, DateOnly HerbeoordelingDatum, string? HerbeoordelingGrond, string HerbeoordelingGemeld);
}
