using System.Net;
using System.Net.Http.Json;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Infrastructure;
using KenJeKlant.Tests.Storage;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace KenJeKlant.Tests.Rapportages;

/// <summary>
/// Gesprekken held in fake domain time reach the reports through the peildatum of the day their outcome was recorded:
/// gesprekken per soort, herbeoordelingen held (on time or not, against the date planned the day before) and the
/// gesprekken that led to a route.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class RapportagesGesprekkenTests
{
    // Monday 30 November 2026, 10:00 UTC (the fake clock's zone); the gesprekken on Thursday 3 December.
    private static readonly DateTimeOffset Begin = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Donderdag = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Gehouden_gesprekken_tellen_op_de_dag_van_hun_uitkomst()
    {
        var klok = new FakeTimeProvider(Begin);
        var db = await PostgresServer.CreateDatabaseAsync("rapportages-gesprekken");
        await using var app = new KenJeKlantApp(db, $"test-{Guid.NewGuid():N}") { DomeinKlok = klok };
        using var beheerder = await app.AlsAsync("beheerder");
        await beheerder.ZetKlantmanagersAsync("KM001");
        var klanten = Enumerable.Range(1, 6).Select(i => $"K{i}").ToList();
        await beheerder.ImporteerGoedAsync(Csv.Bestand([.. klanten.Select(k => Csv.Regel(k))]));
        using var km = await app.KlantmanagerAsync("KM001");
        (await beheerder.PostAsJsonAsync("/api/v1/peildata", new { peildatum = new DateOnly(2026, 11, 29) })).EnsureSuccessStatusCode();

        var ids = new List<(string Klant, string Id)>();
        foreach (var (klant, i) in klanten.Select((k, i) => (k, i)))
        {
            using var plan = await km.PostAsJsonAsync($"/api/v1/klanten/{klant}/gesprekken",
                new { moment = Donderdag.AddHours(i), duurMinuten = 45, vorm = "kantoor", soort = "herbeoordeling", locatie = "Stadskantoor" });
            Assert.True(plan.StatusCode == HttpStatusCode.Created, await plan.Content.ReadAsStringAsync());
            ids.Add((klant, (await plan.LeesAsync()).GetProperty("id").GetString()!));
        }
        klok.SetUtcNow(Donderdag.AddHours(8));
        foreach (var (klant, id) in ids)
        {
            using var uitkomst = await km.PostAsJsonAsync($"/api/v1/klanten/{klant}/gesprekken/{id}/uitkomst",
                new { verschenen = true, indeling = "overbrugbare-afstand", route = "leerwerktraject" });
            Assert.True(uitkomst.IsSuccessStatusCode, await uitkomst.Content.ReadAsStringAsync());
        }
        (await beheerder.PostAsJsonAsync("/api/v1/peildata", new { peildatum = new DateOnly(2026, 12, 3) })).EnsureSuccessStatusCode();
        using var programmaleider = await app.AlsAsync("programmaleider");
        const string Periode = "van=2026-11-01&tot=2026-12-03";

        var gesprekken = await (await programmaleider.GetAsync($"/api/v1/rapportages/gesprekken?{Periode}")).LeesAsync();
        Assert.Equal("6", RapportJson.Cel(gesprekken, "Gehouden gesprekken", "2026-12", "herbeoordeling"));
        Assert.Equal("6", RapportJson.Cel(gesprekken, "Gesproken in de 12 maanden", "ja", "Aantal"));

        var uitkomsten = await (await programmaleider.GetAsync($"/api/v1/rapportages/uitkomsten?{Periode}")).LeesAsync();
        Assert.Equal("6", RapportJson.Cel(uitkomsten, "Uitkomsten per route", "gesprekken gevoerd", "leerwerktraject"));

        var herbeoordeling = await (await programmaleider.GetAsync($"/api/v1/rapportages/herbeoordeling?{Periode}")).LeesAsync();
        Assert.Equal("6", RapportJson.Cel(herbeoordeling, "Gehouden herbeoordelingen", "Totaal", "Aantal"));
        // Each client's planned date as the peildatum before the gesprek had it, against the day it was held.
        await using var data = NpgsqlDataSource.Create(app.ConnectionString);
        await using var cmd = data.CreateCommand("""
            SELECT count(*) FILTER (WHERE date '2026-12-03' >= herbeoordeling_datum + 14) FROM klant_peildata
            WHERE geldig_van <= date '2026-11-29' AND geldig_tot > date '2026-11-29'
            """);
        var teLaat = (long)(await cmd.ExecuteScalarAsync())!;
        Assert.Equal(teLaat == 0 ? "0" : teLaat < 5 ? "< 5" : teLaat.ToString(System.Globalization.CultureInfo.InvariantCulture),
            RapportJson.Cel(herbeoordeling, "Gehouden herbeoordelingen", "te laat", "Aantal"));
    }
}
