using System.Net;
using System.Text;
using KenJeKlant.Tests.Storage;

namespace KenJeKlant.Tests.Api;

/// <summary>
/// An unreadable request body as the host answers it in production (the other API tests run it in
/// Development, where minimal APIs behave differently by default).
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class OnleesbaarVerzoekTests : IAsyncLifetime
{
    private KenJeKlantApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await KenJeKlantApp.StartAsync("onleesbaar", new Dictionary<string, string>
        {
            ["environment"] = "Production",
            // Production refuses to start with its data-protection keys unencrypted.
            ["Beveiliging:Sleutels:CertificaatPem"] = KenJeKlant.Tests.Infrastructure.TestCertificaat.Pem,
        });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Een_onleesbaar_verzoek_krijgt_in_productie_een_problem_json_dat_het_veld_noemt()
    {
        using var beheerder = await _app.AlsAsync("beheerder");
        using var inhoud = new StringContent("""{"naam":"Onleesbaar","capaciteit":{"slotMinuten":"lang"}}""", Encoding.UTF8, "application/json");
        var antwoord = await beheerder.PostAsync("/api/v1/campagnes", inhoud);

        Assert.Equal(HttpStatusCode.BadRequest, antwoord.StatusCode);
        Assert.Equal("application/problem+json", antwoord.Content.Headers.ContentType?.MediaType);
        var probleem = await antwoord.LeesAsync();
        Assert.Equal("Het verzoek is niet te lezen", probleem.GetProperty("title").GetString());
        Assert.Contains("Controleer veld $.capaciteit.slotMinuten", probleem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await beheerder.GetAsync("/api/v1/campagnes/onleesbaar")).StatusCode);
    }
}
