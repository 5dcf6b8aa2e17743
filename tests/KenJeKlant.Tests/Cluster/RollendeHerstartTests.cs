using System.Net.Http.Json;
using System.Text.Json;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Infrastructure;
using KenJeKlant.Tests.Storage;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace KenJeKlant.Tests.Cluster;

/// <summary>
/// Issue #7: every silo restarted in turn while live connections (the dashboards' SignalR channel,
/// here the .NET client) follow a campaign; they reconnect and end with the API's numbers.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class RollendeHerstartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Na_een_rollende_herstart_tonen_alle_live_verbindingen_de_juiste_voortgang()
    {
        var db = await PostgresServer.CreateDatabaseAsync("cluster-rollend");
        // Hosts renew their grain subscriptions every 2 s here (1 minute by default), so a campaign that
        // moved silo hears of every host again within the test's patience.
        var instellingen = new Dictionary<string, string> { ["Realtime__Herabonneren"] = "00:00:02" };
        try
        {
            await using var cluster = await ProcesCluster.StartAsync(2, db, output, instellingen);
            await cluster.MetLogsBijFoutAsync(async () =>
            {
                await cluster.MeldAanAsync("KM001", "KM002");
                var regels = Enumerable.Range(1, 120).Select(i => Csv.Regel($"K{i:D3}", bsn: "", klantmanager: i % 2 == 0 ? "KM001" : "KM002"));
                await cluster[0].Http.ImporteerGoedAsync(Csv.Bestand([.. regels]));
                (await cluster[0].Http.PostAsJsonAsync(new Uri("/api/v1/campagnes", UriKind.Relative), new { naam = "Ik doe mee" })).EnsureSuccessStatusCode();

                var volgers = new List<Volger>();
                foreach (var silo in cluster.Silos) volgers.Add(await Volger.StartAsync(silo.Adres, "ik-doe-mee"));
                try
                {
                    Assert.All(volgers, v => Assert.Equal("concept", v.Laatste?.GetProperty("status").GetString()));

                    // Silo 1 goes down and comes back; the campaign starts through silo 2 while silo 1 is away.
                    await cluster[0].StopAsync();
                    (await cluster[1].Http.PostAsync(new Uri("/api/v1/campagnes/ik-doe-mee/start", UriKind.Relative), null)).EnsureSuccessStatusCode();
                    cluster[0].Start();
                    await cluster[0].WachtTotGezondAsync();
                    // Then silo 2.
                    await cluster[1].StopAsync();
                    cluster[1].Start();
                    await cluster[1].WachtTotGezondAsync();

                    JsonElement api = default;
                    await ClusterHulp.WachtTotAsync(async () =>
                    {
                        api = await (await cluster[0].Http.GetAsync(new Uri("/api/v1/campagnes/ik-doe-mee/voortgang", UriKind.Relative))).LeesAsync();
                        // Each connection went down with its silo, came back, and shows what the API says.
                        return api.GetProperty("funnel").GetProperty("ingepland").GetInt32() == 120
                            && volgers.All(v => v.Herverbonden >= 1
                                && v.Laatste is { } l && l.GetProperty("funnel").GetRawText() == api.GetProperty("funnel").GetRawText());
                    }, TimeSpan.FromSeconds(60), "niet alle live verbindingen kwamen terug met de voortgang van de API");
                    output.WriteLine(string.Join(", ", volgers.Select(v => $"{v.Herverbonden} reconnects, {v.Berichten} messages")));
                }
                finally
                {
                    foreach (var v in volgers) await v.DisposeAsync();
                }
            });
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(db);
        }
    }

    /// <summary>What a dashboard does: follow, and after every reconnect follow again (which sends a fresh snapshot).</summary>
    private sealed class Volger : IAsyncDisposable
    {
        private readonly HubConnection _verbinding;
        private readonly Lock _slot = new();
        private JsonElement? _laatste;
        private int _berichten;
        private int _herverbonden;

        private Volger(HubConnection verbinding) => _verbinding = verbinding;

        public JsonElement? Laatste
        {
            get
            {
                lock (_slot) return _laatste;
            }
        }

        public int Berichten => Volatile.Read(ref _berichten);
        public int Herverbonden => Volatile.Read(ref _herverbonden);

        public static async Task<Volger> StartAsync(Uri silo, string campagne)
        {
            var verbinding = new HubConnectionBuilder()
                .WithUrl(new Uri(silo, "/hubs/campagnes"), o => o.AccessTokenProvider = () => Task.FromResult(ClusterHulp.Token))
                .WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2),
                    TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5),
                    TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)])
                .Build();
            var volger = new Volger(verbinding);
            verbinding.On<JsonElement>("Voortgang", v =>
            {
                lock (volger._slot) volger._laatste = v.Clone();
                Interlocked.Increment(ref volger._berichten);
            });
            verbinding.Reconnected += async _ =>
            {
                await verbinding.InvokeAsync("Volg", campagne);
                Interlocked.Increment(ref volger._herverbonden);
            };
            await verbinding.StartAsync();
            await verbinding.InvokeAsync("Volg", campagne);
            await ClusterHulp.WachtTotAsync(() => Task.FromResult(volger.Laatste is not null), TimeSpan.FromSeconds(10), "geen momentopname ontvangen");
            return volger;
        }

        public async ValueTask DisposeAsync() => await _verbinding.DisposeAsync();
    }
}
