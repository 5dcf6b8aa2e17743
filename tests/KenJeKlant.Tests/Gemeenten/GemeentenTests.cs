using System.Net;
using System.Security.Claims;
using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Host.Gemeenten;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KenJeKlant.Tests.Gemeenten;

/// <summary>The gemeenten a dienst serves: configured, checked at start, listed, and written on every client.</summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class GemeentenTests
{
    /// <summary>The IJmond: one dienst for three gemeenten.</summary>
    internal static readonly Dictionary<string, string> IJmond = new()
    {
        ["Gemeenten:0:Code"] = "0453", ["Gemeenten:0:Naam"] = "Velsen",
        ["Gemeenten:1:Code"] = "0375", ["Gemeenten:1:Naam"] = "Beverwijk",
        ["Gemeenten:2:Code"] = "0396", ["Gemeenten:2:Naam"] = "Heemskerk",
    };

    [Fact]
    public async Task Een_dienst_voor_drie_gemeenten_noemt_ze_alle_drie_voor_elke_medewerker()
    {
        await using var app = await KenJeKlantApp.StartAsync("gemeenten-lijst", IJmond);
        using var km = await app.AlsAsync("klantmanager");

        var lijst = await (await km.GetAsync("/api/v1/gemeenten")).LeesAsync();

        Assert.Equal(["0453 Velsen", "0375 Beverwijk", "0396 Heemskerk"],
            lijst.EnumerateArray().Select(g => $"{g.GetProperty("code").GetString()} {g.GetProperty("naam").GetString()}"));
    }

    [Theory]
    [InlineData("Gemeenten:1:Code", "453", "Gemeenten:1:Code")]
    [InlineData("Gemeenten:1:Code", "0453", "staat er al")]
    [InlineData("Gemeenten:1:Naam", " ", "Gemeenten:1:Naam")]
    public async Task Een_onjuiste_gemeente_houdt_de_start_tegen_en_noemt_de_instelling(string sleutel, string waarde, string melding)
    {
        var instellingen = new Dictionary<string, string>(IJmond) { [sleutel] = waarde };
        await using var app = await KenJeKlantApp.StartAsync("gemeenten-fout", instellingen);

        var fout = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var validatie = Assert.IsType<OptionsValidationException>(fout is AggregateException a ? a.Flatten().InnerExceptions.Single() : fout);
        Assert.Contains(validatie.Failures, f => f.Contains(melding, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Met_een_gemeente_krijgt_elke_klant_die_gemeente_en_wie_vertrekt_een_uitstroomdatum()
    {
        await using var app = await KenJeKlantApp.StartAsync("gemeenten-een");
        using var beheerder = await app.AlsAsync("beheerder");
        await beheerder.ZetKlantmanagersAsync("KM001");
        await beheerder.ImporteerGoedAsync(Csv.Bestand(Csv.Regel("K1"), Csv.Regel("K2")));

        await using var db = NpgsqlDataSource.Create(app.ConnectionString);
        await using var cmd = db.CreateCommand("SELECT klantnummer || ' ' || coalesce(gemeente, '-') FROM klant_overzicht ORDER BY klantnummer");
        var rijen = new List<string>();
        await using (var lezer = await cmd.ExecuteReaderAsync())
            while (await lezer.ReadAsync()) rijen.Add(lezer.GetString(0));
        Assert.Equal(["K1 0392", "K2 0392"], rijen);
        var lijst = await (await beheerder.GetAsync("/api/v1/gemeenten")).LeesAsync();
        Assert.Equal("Haarlem", Assert.Single(lijst.EnumerateArray()).GetProperty("naam").GetString());
    }

    [Fact]
    public void Een_programmaleider_met_gemeenteclaims_is_beperkt_tot_die_gemeenten_een_beheerder_niet()
    {
        static ClaimsPrincipal Wie(string rol, params string[] gemeenten)
        {
            var p = KenJeKlantClaims.Principal("iemand", "Iemand", [rol], null, KenJeKlantClaims.Token);
            ((ClaimsIdentity)p.Identity!).AddClaims(gemeenten.Select(g => new Claim(KenJeKlantClaims.Gemeente, g)));
            return p;
        }

        Assert.Equal(["0375", "0453"], Gemeentetoegang.Toegestaan(Wie(Rollen.Programmaleider, "0453", "0375"))!.Order());
        Assert.True(Gemeentetoegang.Mag(Wie(Rollen.Programmaleider, "0453"), "0453"));
        Assert.False(Gemeentetoegang.Mag(Wie(Rollen.Programmaleider, "0453"), "0375"));
        Assert.Null(Gemeentetoegang.Toegestaan(Wie(Rollen.Programmaleider)));
        Assert.Null(Gemeentetoegang.Toegestaan(Wie(Rollen.Beheerder, "0453")));
    }
}
