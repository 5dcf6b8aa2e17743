using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KenJeKlant.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KenJeKlant.Tests.Api;

/// <summary>
/// The real host (API + silo) on a real PostgreSQL database of its own. Dispose and create another
/// on the same <see cref="ConnectionString"/> to restart it.
/// </summary>
public sealed class KenJeKlantApp(string connectionString, string serviceId, IReadOnlyDictionary<string, string>? instellingen = null)
    : WebApplicationFactory<Program>
{
    public const string DemoWachtwoord = "test-wachtwoord-2026";

    public string ConnectionString { get; } = connectionString;

    /// <summary>Services to replace (a fake clock); set before the host starts.</summary>
    public Action<IServiceCollection>? Diensten { get; set; }

    /// <summary>A client logged in (bearer token from the real token endpoint) as <paramref name="gebruikersnaam"/>.</summary>
    public async Task<HttpClient> AlsAsync(string gebruikersnaam, string wachtwoord = DemoWachtwoord)
    {
        // No cookie jar: this client is its token, whatever a login through it answers.
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(gebruikersnaam, wachtwoord));
        return client;
    }

    public async Task<string> TokenAsync(string gebruikersnaam, string wachtwoord = DemoWachtwoord)
    {
        using var anoniem = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        return await anoniem.TokenAsync(gebruikersnaam, wachtwoord);
    }

    /// <summary>The klantmanager whose caseload is <paramref name="medewerker"/>: an account made by the beheerder through the API.</summary>
    public async Task<HttpClient> KlantmanagerAsync(string medewerker)
    {
        var naam = "km-" + medewerker.ToLowerInvariant();
        using var beheerder = await AlsAsync("beheerder");
        (await beheerder.PutAsJsonAsync($"/api/v1/gebruikers/{naam}",
            new { naam = $"Klantmanager {medewerker}", rollen = new[] { "klantmanager" }, medewerker, wachtwoord = DemoWachtwoord })).EnsureSuccessStatusCode();
        return await AlsAsync(naam);
    }

    /// <summary>When set, the domain clock of this host (and of its restarts): a test moves the campaign's time itself.</summary>
    public TimeProvider? DomeinKlok { get; init; }

    public static async Task<KenJeKlantApp> StartAsync(string prefix, IReadOnlyDictionary<string, string>? instellingen = null)
    {
        var db = await PostgresServer.CreateDatabaseAsync(prefix);
        return new KenJeKlantApp(db, $"test-{Guid.NewGuid():N}", instellingen);
    }

    /// <summary>A fresh process on the same database: what a restart looks like.</summary>
    public KenJeKlantApp Herstart() => new(ConnectionString, serviceId, instellingen) { DomeinKlok = DomeinKlok };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:KenJeKlant", ConnectionString);
        builder.UseSetting("Cluster:ServiceId", serviceId);
        builder.UseSetting("Cluster:ClusterId", serviceId);
        builder.UseSetting("Cluster:SiloPort", VrijePoorten.Volgende().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Cluster:GatewayPort", VrijePoorten.Volgende().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Demo:SynthetischBestand", "0");
        // One account per role (demo seeding), plain HTTP in the test server, and room for every test's logins.
        builder.UseSetting("Demo:Accounts", "true");
        builder.UseSetting("Demo:Wachtwoord", DemoWachtwoord);
        builder.UseSetting("Beveiliging:AlleenHttps", "false");
        builder.UseSetting("Beveiliging:AanmeldingenPerMinuut", "10000");
        foreach (var (sleutel, waarde) in instellingen ?? new Dictionary<string, string>()) builder.UseSetting(sleutel, waarde);
        if (DomeinKlok is { } klok)
            builder.ConfigureTestServices(s => s.AddSingleton(new KenJeKlant.Grains.Domeinklok(klok)));
        if (Diensten is not null) builder.ConfigureTestServices(Diensten);
    }
}
