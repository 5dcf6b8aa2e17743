using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KenJeKlant.Bestand;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Infrastructure;
using KenJeKlant.Tests.Storage;
using Npgsql;
using Xunit.Abstractions;

namespace KenJeKlant.Tests.Cluster;

/// <summary>
/// Issue #7 acceptance for campaigns: three host processes, a campaign over 10,000 clients, and the
/// silo running the campaign killed with SIGKILL in the middle of the fan-out.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class CampagneProcesTests(ITestOutputHelper output)
{
    private const int Aantal = 10_000;

    [Fact]
    public async Task Een_silo_die_midden_in_het_uitnodigen_sterft_kost_niemand_een_uitnodiging_en_niemand_krijgt_er_twee()
    {
        var db = await PostgresServer.CreateDatabaseAsync("cluster-campagne");
        // Small batches make the fan-out last long enough to die in the middle of it.
        var instellingen = new Dictionary<string, string> { ["Beleid__Campagne__Batchgrootte"] = "100", ["Beleid__Campagne__Tik"] = "00:00:00.200" };
        try
        {
            await using var cluster = await ProcesCluster.StartAsync(3, db, output, instellingen);
            await cluster.MetLogsBijFoutAsync(async () =>
            {
                var (eerste, slachtoffer) = (cluster[0], cluster[2]);
                await cluster.MeldAanAsync([.. SyntheticBestandOpties.StandaardKlantmanagers]);
                var csv = await eerste.Http.GetStringAsync(new Uri($"/api/v1/bestand/synthetisch?aantal={Aantal}&seed=11", UriKind.Relative));
                await eerste.Http.ImporteerGoedAsync(csv);

                // Set up and started through the victim: the campaign grain lives there.
                (await slachtoffer.Http.PostAsJsonAsync(new Uri("/api/v1/campagnes", UriKind.Relative), new { naam = "Ik doe mee" })).EnsureSuccessStatusCode();
                (await slachtoffer.Http.PostAsync(new Uri("/api/v1/campagnes/ik-doe-mee/start", UriKind.Relative), null)).EnsureSuccessStatusCode();
                await ClusterHulp.WachtTotAsync(async () => await TelAsync(db, "SELECT count(*) FROM gesprek") >= Aantal / 5,
                    TimeSpan.FromSeconds(60), "het uitnodigen kwam niet op gang");
                await slachtoffer.KillAsync();
                var bijDeDood = await TelAsync(db, "SELECT count(*) FROM gesprek");
                output.WriteLine($"SIGKILL {slachtoffer.Naam} with {bijDeDood} of {Aantal} gesprekken written");
                Assert.True(bijDeDood < Aantal, "the fan-out was already done when the silo died");

                JsonElement voortgang = default;
                await ClusterHulp.WachtTotAsync(async () =>
                {
                    using var antwoord = await eerste.Http.GetAsync(new Uri("/api/v1/campagnes/ik-doe-mee/voortgang", UriKind.Relative));
                    if (antwoord.StatusCode != HttpStatusCode.OK) return false; // the campaign is being placed again
                    voortgang = await antwoord.LeesAsync();
                    return voortgang.GetProperty("funnel").GetProperty("ingepland").GetInt32() == Aantal;
                }, TimeSpan.FromSeconds(240), "de campagne maakte het uitnodigen na de crash niet af");

                // The outbox: one gesprek and one invitation per client, nobody twice.
                Assert.Equal(Aantal, await TelAsync(db, "SELECT count(DISTINCT klantnummer) FROM gesprek"));
                Assert.Equal(Aantal, await TelAsync(db, "SELECT count(*) FROM gesprek WHERE poging = 1"));
                Assert.Equal(Aantal, await TelAsync(db, "SELECT count(*) FROM bericht WHERE soort = 'uitnodiging'"));
                Assert.Equal(0, await TelAsync(db, "SELECT count(*) FROM (SELECT klantmanager, start FROM gesprek GROUP BY 1, 2 HAVING count(*) > 1) dubbel"));
                // Each client's dossier shows exactly that one gesprek, read from the gesprek table; no klant
                // grain keeps a copy of it in its stored state.
                foreach (var nummer in await KlantnummersAsync(db, 5))
                {
                    using var dossier = await eerste.Http.GetAsync(new Uri($"/api/v1/klanten/{nummer}", UriKind.Relative));
                    Assert.Equal(HttpStatusCode.OK, dossier.StatusCode);
                    Assert.Equal(1, (await dossier.LeesAsync()).GetProperty("gesprekken").GetArrayLength());
                }
                Assert.Equal(0, await KlantStatesMetGesprekkenAsync(db));
                // Voortgang equals the ground truth.
                var funnel = voortgang.GetProperty("funnel");
                Assert.Equal(Aantal, funnel.GetProperty("geselecteerd").GetInt32());
                Assert.Equal(0, funnel.GetProperty("nietIngepland").GetInt32());
                Assert.Equal(await TelAsync(db, "SELECT count(*) FROM gesprek WHERE uitnodiging_verzonden_op IS NOT NULL"), funnel.GetProperty("uitgenodigd").GetInt32());
                Assert.Equal(Aantal, voortgang.GetProperty("perKlantmanager").EnumerateArray().Sum(k => k.GetProperty("ingepland").GetInt32()));
                // Every client with a reassessment date still has its next moment for the scanners.
                var (_, _, metHerbeoordeling) = await ClusterHulp.OverzichtAsync(db);
                var momenten = await ClusterHulp.HerbeoordelingMomentenAsync(db);
                Assert.Empty(metHerbeoordeling.Where(k => !momenten.ContainsKey(k)).Take(20));
                // A werklijst (rebuilt on whichever silo) shows its klantmanager's gesprekken.
                var km = SyntheticBestandOpties.StandaardKlantmanagers[0];
                var werklijst = await eerste.Http.WerklijstAsync(km);
                Assert.Equal(await TelAsync(db, $"SELECT count(*) FROM gesprek WHERE klantmanager = '{km}'"), werklijst.GetProperty("gesprekken").GetArrayLength());
            });
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(db);
        }
    }

    private static async Task<long> TelAsync(string connectionString, string sql)
    {
        await using var data = NpgsqlDataSource.Create(connectionString);
        await using var cmd = data.CreateCommand(sql);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task<IReadOnlyList<string>> KlantnummersAsync(string connectionString, int aantal)
    {
        await using var data = NpgsqlDataSource.Create(connectionString);
        await using var cmd = data.CreateCommand($"SELECT klantnummer FROM gesprek ORDER BY id LIMIT {aantal}");
        var nummers = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) nummers.Add(r.GetString(0));
        return nummers;
    }

    /// <summary>Klant grains whose stored state (System.Text.Json with fixed names) holds gesprekken.</summary>
    private static async Task<long> KlantStatesMetGesprekkenAsync(string connectionString)
    {
        await using var data = NpgsqlDataSource.Create(connectionString);
        await using var cmd = data.CreateCommand("SELECT count(*) FROM klant_staat WHERE staat ? 'profiel' AND staat ? 'gesprekken'");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
