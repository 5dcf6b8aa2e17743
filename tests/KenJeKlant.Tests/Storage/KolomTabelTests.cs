using KenJeKlant.Host.Audit;
using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Host.Campagnes;
using KenJeKlant.Host.Infrastructuur.Postgres;
using KenJeKlant.Host.Klanten;

namespace KenJeKlant.Tests.Storage;

/// <summary>The column table generates SQL by name, and each store reads every column it writes.</summary>
public sealed class KolomTabelTests
{
    private sealed record Rij(Guid Id, string Naam, int? Getal);

    private static readonly KolomTabel<Rij> Tabel = new KolomTabel<Rij>("voorbeeld")
        .Kolom("id", "uuid", r => r.Id)
        .Kolom("naam", "text", r => r.Naam)
        .Kolom("getal", "integer", r => r.Getal);

    private static string Plat(string sql) => string.Join(' ', sql.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void De_array_upsert_noemt_elke_kolom_een_keer_met_zijn_eigen_parameter_en_type()
    {
        Assert.Equal(
            "INSERT INTO voorbeeld (id, naam, getal) SELECT * FROM unnest(@id::uuid[], @naam::text[], @getal::integer[]) ON CONFLICT (id) DO NOTHING",
            Plat(Tabel.InsertUitArrays("ON CONFLICT (id) DO NOTHING")));
        Assert.Equal(
            "INSERT INTO voorbeeld (id, naam, getal) VALUES (@id::uuid, @naam::text, @getal::integer) ON CONFLICT (id) DO UPDATE SET naam = excluded.naam, getal = excluded.getal",
            Plat(Tabel.InsertUitWaarden($"ON CONFLICT (id) DO UPDATE SET {Tabel.ZetUitExcluded(Tabel.Behalve("id"))}")));
        Assert.Equal("(voorbeeld.naam) IS DISTINCT FROM (excluded.naam)", Tabel.VerschiltVanExcluded(["naam"]));
        Assert.Equal("v.id, v.naam, v.getal", Tabel.Lijst("v"));
    }

    [Fact]
    public void Een_onbekende_of_dubbele_kolom_is_een_fout_geen_stille_andere_lijst()
    {
        Assert.Throws<ArgumentException>(() => Tabel.Behalve("nam"));
        Assert.Throws<ArgumentException>(() => Tabel.ZetUitExcluded(["getl"]));
        Assert.Throws<ArgumentException>(() => new KolomTabel<Rij>("t").Kolom("id", "uuid", r => r.Id).Kolom("id", "uuid", r => r.Id));
        Assert.Throws<ArgumentException>(() => new KolomTabel<Rij>("t").Kolom("id; DROP TABLE t", "uuid", r => r.Id));
    }

    [Fact]
    public void Een_tabel_met_een_array_kolom_kan_niet_via_unnest()
    {
        var tabel = new KolomTabel<Rij>("t").Kolom("namen", "text[]", r => new[] { r.Naam });
        Assert.Throws<InvalidOperationException>(() => tabel.InsertUitArrays(""));
    }

    public static TheoryData<string> Tabellen => [.. Paren.Keys];

    // Each column table with the class its store reads those rows into: a column without a property is
    // skipped by Dapper and a property without a column keeps its default, both without an error.
    private static readonly Dictionary<string, Func<(IReadOnlyList<string> ZonderEigenschap, IReadOnlyList<string> ZonderKolom)>> Paren = new()
    {
        ["gesprek"] = PostgresCampagneOpslag.Gesprek.Vergelijk<PostgresCampagneOpslag.OpgeslagenGesprek>,
        ["klant_overzicht"] = PostgresKlantOverzichten.Overzicht.Vergelijk<PostgresKlantOverzichten.OpgeslagenKlant>,
        ["gebruiker"] = PostgresGebruikers.Gebruikers.Vergelijk<PostgresGebruikers.OpgeslagenGebruiker>,
        ["auditlog"] = PostgresAuditLog.Auditlog.Vergelijk<PostgresAuditLog.OpgeslagenInvoer>,
        ["bestand_import"] = KenJeKlant.Host.Bestand.PostgresBestandImport.Import.Vergelijk<KenJeKlant.Grains.Bestand.ImportJob>,
        ["plan_van_aanpak"] = KenJeKlant.Host.PlanVanAanpak.PostgresPlanVanAanpak.Versie.Vergelijk<KenJeKlant.Host.PlanVanAanpak.PostgresPlanVanAanpak.OpgeslagenVersie>,
        ["afspraak"] = KenJeKlant.Host.PlanVanAanpak.PostgresPlanVanAanpak.Afspraak.Vergelijk<KenJeKlant.Host.PlanVanAanpak.PostgresPlanVanAanpak.OpgeslagenAfspraak>,
    };

    [Theory]
    [MemberData(nameof(Tabellen))]
    public void Elke_geschreven_kolom_wordt_ook_gelezen(string tabel)
    {
        var (zonderEigenschap, zonderKolom) = Paren[tabel]();
        Assert.Empty(zonderEigenschap);
        Assert.Empty(zonderKolom);
    }
}
