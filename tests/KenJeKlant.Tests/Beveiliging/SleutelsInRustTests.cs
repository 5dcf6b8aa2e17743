using System.Net;
using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Cluster;
using KenJeKlant.Tests.Infrastructure;
using KenJeKlant.Tests.Storage;
using Npgsql;

namespace KenJeKlant.Tests.Beveiliging;

/// <summary>
/// The data-protection keys (they sign every session and bearer token) rest in PostgreSQL encrypted with a configured
/// certificate; a production host without one does not start and says what to set.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class SleutelsInRustTests
{
    private const string PfxWachtwoord = "pfx-wachtwoord-2026";

    [Fact]
    public async Task Een_host_met_een_certificaat_bewaart_de_sleutels_versleuteld_en_alleen_met_dat_certificaat_zijn_ze_te_lezen()
    {
        using var certificaat = TestCertificaat.Maak("KenJeKlant sleuteltest");
        var pfx = TestCertificaat.AlsPfx(certificaat, PfxWachtwoord);
        try
        {
            var app = await KenJeKlantApp.StartAsync("sleutels", new Dictionary<string, string>
            {
                ["Beveiliging:Sleutels:CertificaatPad"] = pfx,
                ["Beveiliging:Sleutels:CertificaatWachtwoord"] = PfxWachtwoord,
            });
            string token;
            await using (app)
            {
                token = await app.TokenAsync("beheerder"); // signing it makes (and stores) the first key
            }

            var sleutels = await SleutelsAsync(app.ConnectionString);
            Assert.NotEmpty(sleutels);
            Assert.All(sleutels, xml =>
            {
                Assert.Contains("<EncryptedData", xml, StringComparison.Ordinal);
                Assert.Contains("EncryptedXmlDecryptor", xml, StringComparison.Ordinal);
                // The plain form carries the key material as <masterKey …><value>base64</value></masterKey>.
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
            });

            // Another host of the installation with the same certificate (now as PEM text) reads the key: the token holds.
            await using (var metZelfde = new KenJeKlantApp(app.ConnectionString, $"test-{Guid.NewGuid():N}",
                new Dictionary<string, string> { ["Beveiliging:Sleutels:CertificaatPem"] = TestCertificaat.AlsPem(certificaat) }))
            {
                Assert.Equal(HttpStatusCode.OK, await SessieMetTokenAsync(metZelfde, token));
            }

            // With another certificate the stored key cannot be read, so the same token is worth nothing there.
            using var ander = TestCertificaat.Maak("KenJeKlant ander certificaat");
            await using (var metAnder = new KenJeKlantApp(app.ConnectionString, $"test-{Guid.NewGuid():N}",
                new Dictionary<string, string> { ["Beveiliging:Sleutels:CertificaatPem"] = TestCertificaat.AlsPem(ander) }))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, await SessieMetTokenAsync(metAnder, token));
            }
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Fact]
    public async Task Een_host_in_productie_zonder_certificaat_start_niet_en_zegt_wat_in_te_stellen()
    {
        var database = await PostgresServer.CreateDatabaseAsync("sleutels-productie");
        var logMap = Directory.CreateTempSubdirectory("kjk-sleutels-").FullName;
        // SiloProces runs ASPNETCORE_ENVIRONMENT=Production with the test certificate; this one has it taken away.
        await using var silo = new SiloProces("zonder-certificaat", database, logMap,
            new Dictionary<string, string> { ["Beveiliging__Sleutels__CertificaatPem"] = "" });
        silo.Start();

        var exitCode = await silo.WachtOpEindeAsync(TimeSpan.FromMinutes(1));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(SleutelCertificaat.Ontbreekt, silo.Log, StringComparison.Ordinal);
        foreach (var instelling in new[] { "Beveiliging__Sleutels__CertificaatPad", "Beveiliging__Sleutels__CertificaatWachtwoord", "Beveiliging__Sleutels__CertificaatPem" })
            Assert.Contains(instelling, silo.Log, StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> SessieMetTokenAsync(KenJeKlantApp app, string token)
    {
        using var client = app.CreateClient(new() { HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var antwoord = await client.GetAsync(new Uri("/api/v1/sessie", UriKind.Relative));
        return antwoord.StatusCode;
    }

    private static async Task<List<string>> SleutelsAsync(string connectionString)
    {
        await using var verbinding = new NpgsqlConnection(connectionString);
        await verbinding.OpenAsync();
        await using var opdracht = new NpgsqlCommand("SELECT xml FROM dataprotectie_sleutel", verbinding);
        await using var lezer = await opdracht.ExecuteReaderAsync();
        var sleutels = new List<string>();
        while (await lezer.ReadAsync()) sleutels.Add(lezer.GetString(0));
        return sleutels;
    }
}
