using System.Net;
using System.Net.Http.Json;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Gemeenten;
using KenJeKlant.Tests.Storage;
using Npgsql;

namespace KenJeKlant.Tests.Rapportages;

/// <summary>
/// Reports for the IJmond (Velsen, Beverwijk, Heemskerk): each gemeente and all together, equal to the peildata's own
/// counts; a cell hidden in one gemeente stays hidden in the sum; a programmaleider of Velsen sees Velsen only.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class RapportagesPerGemeenteTests
{
    private const string Kop = Csv.Kop + ";gemeente";

    private static string Regel(string klantnummer, string gemeente) => $"{Csv.Regel(klantnummer)};{gemeente}";

    private static async Task<long> TelAsync(KenJeKlantApp app, string waar)
    {
        await using var db = NpgsqlDataSource.Create(app.ConnectionString);
        await using var cmd = db.CreateCommand($"SELECT count(*) FROM klant_peildata WHERE geldig_van <= current_date - 1 AND geldig_tot > current_date - 1 AND in_bestand AND {waar}");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Per_gemeente_en_samen_met_kleine_aantallen_ook_samen_verborgen_en_een_beperkte_programmaleider()
    {
        await using var app = await KenJeKlantApp.StartAsync("rapportages-ijmond", GemeentenTests.IJmond);
        using var beheerder = await app.AlsAsync("beheerder");
        await beheerder.ZetKlantmanagersAsync("KM001");
        var regels = Enumerable.Range(1, 12).Select(i => Regel($"V{i:00}", "0453"))
            .Concat(Enumerable.Range(1, 9).Select(i => Regel($"B{i:00}", "0375")))
            .Concat(Enumerable.Range(1, 6).Select(i => Regel($"H{i:00}", "0396")));
        await beheerder.ImporteerGoedAsync(Kop + "\n" + string.Join("\n", regels) + "\n");
        using var km = await app.KlantmanagerAsync("KM001");
        // Trede 2 for six clients in Velsen and two in Heemskerk: 8 together, but Heemskerk's 2 must not follow from it.
        foreach (var k in new[] { "V01", "V02", "V03", "V04", "V05", "V06", "H01", "H02" })
        {
            (await km.PostAsJsonAsync($"/api/v1/klanten/{k}/indelingen", new { indeling = "overbrugbare-afstand" })).EnsureSuccessStatusCode();
            (await km.PostAsJsonAsync($"/api/v1/klanten/{k}/tredemetingen", new { trede = 2 })).EnsureSuccessStatusCode();
        }
        (await beheerder.PostAsJsonAsync("/api/v1/peildata", new { })).EnsureSuccessStatusCode();
        using var programmaleider = await app.AlsAsync("programmaleider");

        var samen = await (await programmaleider.GetAsync("/api/v1/rapportages/bestand")).LeesAsync();
        var velsen = await (await programmaleider.GetAsync("/api/v1/rapportages/bestand?gemeente=0453")).LeesAsync();
        var heemskerk = await (await programmaleider.GetAsync("/api/v1/rapportages/bestand?gemeente=0396")).LeesAsync();

        Assert.Equal("Velsen, Beverwijk en Heemskerk", samen.GetProperty("gebied").GetString());
        Assert.Equal((await TelAsync(app, "true")).ToString(System.Globalization.CultureInfo.InvariantCulture), RapportJson.Cel(samen, "Naar trede", "Totaal"));
        Assert.Equal((await TelAsync(app, "gemeente = '0453'")).ToString(System.Globalization.CultureInfo.InvariantCulture), RapportJson.Cel(velsen, "Naar trede", "Totaal"));
        Assert.Equal("6", RapportJson.Cel(velsen, "Naar trede", "trede 2"));
        Assert.Equal("< 5", RapportJson.Cel(heemskerk, "Naar trede", "trede 2"));
        Assert.Equal("< 5", RapportJson.Cel(samen, "Naar trede", "trede 2"));
        // In Heemskerk the hidden 2 next to a total of 6 takes the 4 without a trede with it.
        Assert.Equal("< 5", RapportJson.Cel(heemskerk, "Naar trede", "geen trede"));

        // A programmaleider of Velsen: Velsen only, the others refused and logged.
        (await beheerder.PutAsJsonAsync("/api/v1/gebruikers/pl-velsen", new
        {
            naam = "Programmaleider Velsen", rollen = new[] { "programmaleider" }, gemeenten = new[] { "0453" }, wachtwoord = KenJeKlantApp.DemoWachtwoord,
        })).EnsureSuccessStatusCode();
        using var plVelsen = await app.AlsAsync("pl-velsen");
        var eigen = await (await plVelsen.GetAsync("/api/v1/rapportages/bestand")).LeesAsync();
        Assert.Equal("Velsen", eigen.GetProperty("gebied").GetString());
        Assert.Equal("12", RapportJson.Cel(eigen, "Naar trede", "Totaal"));
        Assert.Equal(HttpStatusCode.Forbidden, (await plVelsen.GetAsync("/api/v1/rapportages/bestand?gemeente=0375")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await plVelsen.PutAsJsonAsync($"/api/v1/doelen/instroom/{DateTime.Now.Year}", new { waarde = 10, gemeente = "0375" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await plVelsen.PutAsJsonAsync($"/api/v1/doelen/instroom/{DateTime.Now.Year}", new { waarde = 10 })).StatusCode);
        (await plVelsen.PutAsJsonAsync($"/api/v1/doelen/instroom/{DateTime.Now.Year}", new { waarde = 10, gemeente = "0453" })).EnsureSuccessStatusCode();
        await using var db = NpgsqlDataSource.Create(app.ConnectionString);
        await using var cmd = db.CreateCommand("SELECT count(*) FROM auditlog WHERE verwerking = 'rapportage opvragen' AND actor = 'pl-velsen' AND resultaat = 403");
        Assert.Equal(1L, await cmd.ExecuteScalarAsync());
    }
}
