using System.Net.Http.Json;
using System.Text.Json;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Storage;

namespace KenJeKlant.Tests.Campagnes;

/// <summary>The demo: the real host plays a whole campaign over a synthetic bestand in accelerated time.</summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class SimulatieTests
{
    [Fact]
    public async Task De_simulatie_speelt_een_campagne_tot_het_eind_met_cijfers_die_kloppen()
    {
        await using var app = await KenJeKlantApp.StartAsync("simulatie", new Dictionary<string, string>
        {
            ["Demo:SynthetischBestand"] = "60",
            ["Demo:Klantmanagers"] = "3",
            ["Klok:DagInSeconden"] = "0.3",
            ["Beleid:Campagne:Tik"] = "00:00:00.100",
        });
        var client = await app.AlsAsync("programmaleider");

        JsonElement voortgang = default;
        await CampagneOmgeving.WachtTotAsync(async () =>
        {
            var antwoord = await client.GetAsync("/api/v1/campagnes/ik-doe-mee-demo/voortgang");
            if (!antwoord.IsSuccessStatusCode) return false;
            voortgang = await antwoord.Content.ReadFromJsonAsync<JsonElement>();
            return voortgang.GetProperty("status").GetString() == "afgerond";
        }, "de gesimuleerde campagne werd niet afgerond", seconden: 120);

        var funnel = voortgang.GetProperty("funnel");
        int F(string naam) => funnel.GetProperty(naam).GetInt32();
        Assert.Equal(60, F("geselecteerd"));
        Assert.Equal(60, F("ingepland"));
        Assert.Equal(60, F("uitgenodigd"));
        Assert.True(F("gesproken") >= 30, $"te weinig gesprekken: {F("gesproken")}");
        Assert.Equal(0, F("zonderUitkomst"));
        var indelingen = voortgang.GetProperty("indelingen").EnumerateArray().Sum(t => t.GetProperty("aantal").GetInt32());
        Assert.Equal(F("gesproken"), indelingen);
        using var handhaving = await app.AlsAsync("handhaving");
        var signalen = await handhaving.GetFromJsonAsync<JsonElement>("/api/v1/handhavingssignalen");
        Assert.Equal(F("signalen"), signalen.GetArrayLength());
    }
}
