using KenJeKlant.Host.Klantmanagers;
using System.Runtime.CompilerServices;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Abstractions.Werklijsten;
using KenJeKlant.Abstractions.Herbeoordelingen;
using KenJeKlant.Grains.Klanten;
using KenJeKlant.Grains.Werklijsten;
using Npgsql;

namespace KenJeKlant.Host.Klanten;

/// <summary>The klant read model in PostgreSQL: the grains write it, lists and the import read it.</summary>
public sealed class PostgresKlantOverzichten(NpgsqlDataSource db) : IKlantOverzichtProjectie, IKlantOverzichten, IWerklijstBron
{
    private const string Upsert = """
        INSERT INTO klant_overzicht (klantnummer, naam, postcode, wijk, klantmanager, huishouden, geboortedatum,
            startdatum_uitkering, laatste_gesprek, statushouder, schoolverlater_pro_vso, arbeidsbeperking,
            doelgroepregister, in_bestand, indeling, trede, route, ontheffing_tot, uitstroom_reden, bijgewerkt_op,
            herbeoordeling_datum, herbeoordeling_grond, herbeoordeling_gemeld)
        VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23)
        ON CONFLICT (klantnummer) DO UPDATE SET naam=$2, postcode=$3, wijk=$4, klantmanager=$5, huishouden=$6,
            geboortedatum=$7, startdatum_uitkering=$8, laatste_gesprek=$9, statushouder=$10,
            schoolverlater_pro_vso=$11, arbeidsbeperking=$12, doelgroepregister=$13, in_bestand=$14,
            indeling=$15, trede=$16, route=$17, ontheffing_tot=$18, uitstroom_reden=$19, bijgewerkt_op=$20,
            herbeoordeling_datum=$21, herbeoordeling_grond=$22, herbeoordeling_gemeld=$23
        WHERE (klant_overzicht.naam, klant_overzicht.postcode, klant_overzicht.wijk, klant_overzicht.klantmanager,
               klant_overzicht.huishouden, klant_overzicht.geboortedatum, klant_overzicht.startdatum_uitkering,
               klant_overzicht.laatste_gesprek, klant_overzicht.statushouder, klant_overzicht.schoolverlater_pro_vso,
               klant_overzicht.arbeidsbeperking, klant_overzicht.doelgroepregister, klant_overzicht.in_bestand,
               klant_overzicht.indeling, klant_overzicht.trede, klant_overzicht.route, klant_overzicht.ontheffing_tot,
               klant_overzicht.uitstroom_reden, klant_overzicht.herbeoordeling_datum, klant_overzicht.herbeoordeling_grond,
               klant_overzicht.herbeoordeling_gemeld)
              IS DISTINCT FROM ($2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$21,$22,$23)
        """;

    private const string Kolommen = """
        klantnummer, naam, postcode, wijk, klantmanager, huishouden, geboortedatum, startdatum_uitkering,
        laatste_gesprek, statushouder, schoolverlater_pro_vso, arbeidsbeperking, doelgroepregister, in_bestand,
        indeling, trede, route, ontheffing_tot, uitstroom_reden, bijgewerkt_op, herbeoordeling_datum,
        herbeoordeling_grond, herbeoordeling_gemeld
        """;

    public async Task SchrijfAsync(KlantOverzicht overzicht, CancellationToken cancellationToken = default)
    {
        var o = overzicht;
        await using var cmd = db.CreateCommand(Upsert);
        object?[] waarden =
        [
            o.Klantnummer, o.Naam, o.Postcode, o.Wijk, o.Klantmanager, o.Huishouden.ToString(), o.Geboortedatum,
            o.StartdatumUitkering, o.LaatsteGesprek, o.Doelgroepen.Statushouder, o.Doelgroepen.SchoolverlaterProVso,
            o.Doelgroepen.Arbeidsbeperking, o.Doelgroepen.Doelgroepregister, o.InBestand, o.Indeling?.ToString(),
            (short?)o.Trede, o.Route, o.OntheffingTot, o.UitstroomReden, o.BijgewerktOp, o.HerbeoordelingDatum, o.HerbeoordelingGrond, o.HerbeoordelingGemeld?.ToString(),
        ];
        foreach (var w in waarden) cmd.Parameters.Add(new NpgsqlParameter { Value = w ?? DBNull.Value });
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<Pagina<KlantOverzicht>> ZoekAsync(KlantFilter filter, int pagina, int paginagrootte, CancellationToken ct)
    {
        var (waar, parameters) = Waar(filter);
        await using var conn = await db.OpenConnectionAsync(ct);
        long totaal;
        await using (var tel = new NpgsqlCommand($"SELECT count(*) FROM klant_overzicht {waar}", conn))
        {
            tel.Parameters.AddRange(parameters.Select(Kopie).ToArray());
            totaal = (long)(await tel.ExecuteScalarAsync(ct))!;
        }
        await using var cmd = new NpgsqlCommand(
            $"SELECT {Kolommen} FROM klant_overzicht {waar} ORDER BY klantnummer LIMIT {paginagrootte} OFFSET {(long)(pagina - 1) * paginagrootte}", conn);
        cmd.Parameters.AddRange(parameters.ToArray());
        var items = new List<KlantOverzicht>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) items.Add(Lees(reader));
        return new Pagina<KlantOverzicht>(items, totaal);
    }

    public async IAsyncEnumerable<string> KlantnummersInBestandAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT klantnummer FROM klant_overzicht WHERE in_bestand");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) yield return reader.GetString(0);
    }

    public async Task<long> AantalAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT count(*) FROM klant_overzicht");
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    public async Task<string?> KlantmanagerVanAsync(string klantnummer, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT klantmanager FROM klant_overzicht WHERE klantnummer = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = klantnummer });
        return (string?)await cmd.ExecuteScalarAsync(ct);
    }

    public async Task<IReadOnlyList<HerbeoordelingTelling>> TelHerbeoordelingenAsync(DateOnly vandaag, int teLaatNaDagen, CancellationToken ct)
    {
        // Due: date reached, grace not over (datum > vandaag - grace); overdue: grace over too.
        await using var cmd = db.CreateCommand("""
            SELECT klantmanager,
                   count(*) FILTER (WHERE herbeoordeling_datum > $1),
                   count(*) FILTER (WHERE herbeoordeling_datum <= $1 AND herbeoordeling_datum > $2),
                   count(*) FILTER (WHERE herbeoordeling_datum <= $2)
            FROM klant_overzicht
            WHERE in_bestand AND herbeoordeling_datum IS NOT NULL
            GROUP BY klantmanager ORDER BY klantmanager
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = vandaag });
        cmd.Parameters.Add(new NpgsqlParameter { Value = vandaag.AddDays(-teLaatNaDagen) });
        var tellingen = new List<HerbeoordelingTelling>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            tellingen.Add(new(reader.GetString(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3)));
        return tellingen;
    }

    public async Task<IReadOnlyList<WerklijstItem>> HerbeoordelingenAsync(string klantmanager, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT klantnummer, naam, herbeoordeling_datum, herbeoordeling_grond, herbeoordeling_gemeld FROM klant_overzicht
            WHERE klantmanager = $1 AND herbeoordeling_gemeld IS NOT NULL
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = klantmanager });
        var items = new List<WerklijstItem>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            items.Add(new WerklijstItem(reader.GetString(0), reader.GetString(1), WerklijstSoort.Herbeoordeling, reader.GetFieldValue<DateOnly>(2),
                Enum.Parse<HerbeoordelingStatus>(reader.GetString(4)), reader.IsDBNull(3) ? "" : reader.GetString(3)));
        }
        return items;
    }

    private static (string Waar, List<NpgsqlParameter> Parameters) Waar(KlantFilter f)
    {
        var voorwaarden = new List<string>();
        var parameters = new List<NpgsqlParameter>();
        void Voeg(string kolomExpressie, object waarde)
        {
            parameters.Add(new NpgsqlParameter { Value = waarde });
            voorwaarden.Add(kolomExpressie.Replace("@", "$" + parameters.Count));
        }
        if (f.Klantmanager is { } km) Voeg("klantmanager = @", km);
        if (f.Caseload is { } caseload) Voeg("klantmanager = ANY(@)", caseload.ToArray());
        if (f.Wijk is { } wijk) Voeg("wijk = @", wijk);
        if (f.Indeling is { } indeling) Voeg("indeling = @", indeling.ToString());
        if (f.InBestand is { } inBestand) Voeg("in_bestand = @", inBestand);
        if (!string.IsNullOrWhiteSpace(f.Zoek)) Voeg("(klantnummer ILIKE @ OR naam ILIKE @)", "%" + EscapeLike(f.Zoek.Trim()) + "%");
        return (voorwaarden.Count == 0 ? "" : "WHERE " + string.Join(" AND ", voorwaarden), parameters);
    }

    private static NpgsqlParameter Kopie(NpgsqlParameter p) => new() { Value = p.Value };

    private static string EscapeLike(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static KlantOverzicht Lees(NpgsqlDataReader r) => new()
    {
        Klantnummer = r.GetString(0),
        Naam = r.GetString(1),
        Postcode = r.GetString(2),
        Wijk = r.IsDBNull(3) ? null : r.GetString(3),
        Klantmanager = r.GetString(4),
        Huishouden = Enum.Parse<Huishouden>(r.GetString(5)),
        Geboortedatum = r.GetFieldValue<DateOnly>(6),
        StartdatumUitkering = r.GetFieldValue<DateOnly>(7),
        LaatsteGesprek = r.IsDBNull(8) ? null : r.GetFieldValue<DateOnly>(8),
        Doelgroepen = new Doelgroepen
        {
            Statushouder = r.GetBoolean(9),
            SchoolverlaterProVso = r.GetBoolean(10),
            Arbeidsbeperking = r.GetBoolean(11),
            Doelgroepregister = r.GetBoolean(12),
        },
        InBestand = r.GetBoolean(13),
        Indeling = r.IsDBNull(14) ? null : Enum.Parse<Indeling>(r.GetString(14)),
        Trede = r.IsDBNull(15) ? null : r.GetInt16(15),
        Route = r.IsDBNull(16) ? null : r.GetString(16),
        OntheffingTot = r.IsDBNull(17) ? null : r.GetFieldValue<DateOnly>(17),
        UitstroomReden = r.IsDBNull(18) ? null : r.GetString(18),
        BijgewerktOp = r.GetFieldValue<DateTimeOffset>(19),
        HerbeoordelingDatum = r.IsDBNull(20) ? null : r.GetFieldValue<DateOnly>(20),
        HerbeoordelingGrond = r.IsDBNull(21) ? null : r.GetString(21),
        HerbeoordelingGemeld = r.IsDBNull(22) ? null : Enum.Parse<HerbeoordelingStatus>(r.GetString(22)),
    };
}
