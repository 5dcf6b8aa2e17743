using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Encodings.Web;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Campagnes;
using KenJeKlant.Tests.Realtime;
using KenJeKlant.Tests.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KenJeKlant.Tests.Telemetrie;

/// <summary>What operators get: the application's meters on /metrics, and the Orleans Dashboard only for beheerders.</summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class TelemetrieTests
{
    [Fact]
    public async Task Na_een_kleine_campagne_staan_de_eigen_tellers_met_waarden_op_metrics()
    {
        var klok = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(klok);
        using (var beheerder = await app.AlsAsync("beheerder"))
        {
            await beheerder.ZetKlantmanagersAsync("KM001", "KM002");
            // Never spoken to since 2019: each client's first herbeoordeling is overdue at import and prompted.
            var csv = Csv.Bestand(Csv.Regel("K1"), Csv.Regel("K2"), Csv.Regel("K3", klantmanager: "KM002"), Csv.Regel("K4"));
            await beheerder.ImporteerGoedAsync(csv);
        }
        using var client = await app.AlsAsync("programmaleider");

        await using var live = await LiveVerbinding.StartAsync(app, "programmaleider", "/hubs/campagnes", "Voortgang");
        (await client.PostAsJsonAsync("/api/v1/campagnes", LiveCampagne.Definitie("Metrics"))).EnsureSuccessStatusCode();
        await live.Verbinding.InvokeAsync("Volg", "metrics");
        (await client.PostAsync("/api/v1/campagnes/metrics/start", null)).EnsureSuccessStatusCode();
        await CampagneOmgeving.WachtTotAsync(async () => await Funnel(client, "ingepland") == 4, "de campagne plande niet iedereen in");
        // To the moment the last invitation is due (each is at least 10 days before its slot): the campaign's clock releases them all.
        await using (var db = Npgsql.NpgsqlDataSource.Create(app.ConnectionString))
        await using (var cmd = db.CreateCommand("SELECT max(uitnodiging_op) FROM gesprek"))
            klok.SetUtcNow(new DateTimeOffset((DateTime)(await cmd.ExecuteScalarAsync())!, TimeSpan.Zero) + TimeSpan.FromMinutes(1));
        await CampagneOmgeving.WachtTotAsync(async () => await Funnel(client, "uitgenodigd") == 4, "de uitnodigingen gingen niet uit", seconden: 30);

        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(4, Waarde(metrics, "kenjeklant_fanout_gesprekken_total"));
        Assert.True(Waarde(metrics, "kenjeklant_fanout_batch_duur_seconds_count") >= 1, metrics);
        Assert.Equal(4, Waarde(metrics, "kenjeklant_uitnodigingen_verzonden_total", "soort=\"uitnodiging\""));
        Assert.Equal(4, Waarde(metrics, "kenjeklant_herbeoordelingen_gemeld_total", "status=\"te-laat\""));
        Assert.Equal(1, Waarde(metrics, "kenjeklant_hub_verbindingen", "hub=\"CampagneHub\""));
        // Orleans' and ASP.NET Core's own meters come along.
        Assert.Contains("\norleans_", metrics, StringComparison.Ordinal);
        Assert.Contains("\nhttp_server_request_duration_seconds", metrics, StringComparison.Ordinal);

        await live.DisposeAsync();
        await CampagneOmgeving.WachtTotAsync(async () =>
            Waarde(await client.GetStringAsync(new Uri("/metrics", UriKind.Relative)), "kenjeklant_hub_verbindingen", "hub=\"CampagneHub\"") == 0,
            "de gesloten verbinding telt nog mee");
    }

    [Fact]
    public async Task Het_Orleans_dashboard_is_er_alleen_voor_beheerders()
    {
        await using var app = await StartAsync(null);
        using var anoniem = app.CreateClient(new() { HandleCookies = false });
        using var programmaleider = await app.AlsAsync("programmaleider");
        using var beheerder = await app.AlsAsync("beheerder");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anoniem.GetAsync(new Uri("/beheer/orleans/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await programmaleider.GetAsync(new Uri("/beheer/orleans/", UriKind.Relative))).StatusCode);
        var pagina = await beheerder.GetAsync(new Uri("/beheer/orleans/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, pagina.StatusCode);
        Assert.Contains("<html", await pagina.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        // Its data endpoints too, not only the page.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anoniem.GetAsync(new Uri("/beheer/orleans/DashboardCounters", UriKind.Relative))).StatusCode);
    }

    private static async Task<int> Funnel(HttpClient client, string fase) =>
        (await (await client.GetAsync(new Uri("/api/v1/campagnes/metrics/voortgang", UriKind.Relative))).LeesAsync()).GetProperty("funnel").GetProperty(fase).GetInt32();


    private static async Task<KenJeKlantApp> StartAsync(TimeProvider? klok) =>
        new(await Infrastructure.PostgresServer.CreateDatabaseAsync("telemetrie"), $"test-{Guid.NewGuid():N}") { DomeinKlok = klok };

    /// <summary>
    /// The value of the sample of this series (name, and where given one label such as <c>soort="uitnodiging"</c>)
    /// in the Prometheus text format, or -1 when there is none.
    /// </summary>
    private static double Waarde(string metrics, string naam, string? label = null)
    {
        foreach (var regel in metrics.Split('\n'))
        {
            if (!regel.StartsWith(naam, StringComparison.Ordinal) || regel.Length == naam.Length) continue;
            var rest = regel[naam.Length..];
            if (rest[0] == '{')
            {
                var labels = rest[..(rest.IndexOf('}', StringComparison.Ordinal) + 1)];
                if (label is not null && !labels.Contains(label, StringComparison.Ordinal)) continue;
                rest = rest[labels.Length..];
            }
            else if (rest[0] != ' ' || label is not null) continue;
            return double.Parse(rest.Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        return -1;
    }
}
