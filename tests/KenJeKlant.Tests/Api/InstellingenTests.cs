using Microsoft.Extensions.Options;

namespace KenJeKlant.Tests.Api;

public sealed class InstellingenTests
{
    [Theory]
    [InlineData("Import:MaxMegabytes", "0", "MaxMegabytes")]
    [InlineData("Beleid:Campagne:Batchgrootte", "-5", "Batchgrootte")]
    [InlineData("Beleid:Handhaving:ZienswijzeTermijnDagen", "0", "ZienswijzeTermijnDagen")]
    public async Task Een_onjuiste_instelling_houdt_de_start_tegen_en_noemt_de_instelling(string sleutel, string waarde, string naam)
    {
        await using var app = await KenJeKlantApp.StartAsync("instellingen", new Dictionary<string, string> { [sleutel] = waarde });

        var fout = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var validatie = Assert.IsType<OptionsValidationException>(fout is AggregateException a ? a.Flatten().InnerExceptions.Single() : fout);
        Assert.Contains(validatie.Failures, f => f.Contains(naam, StringComparison.Ordinal));
    }
}
