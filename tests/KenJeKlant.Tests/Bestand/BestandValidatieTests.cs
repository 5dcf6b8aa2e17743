using KenJeKlant.Bestand;
using static KenJeKlant.Tests.Bestand.BestandTestHulp;

namespace KenJeKlant.Tests.Bestand;

/// <summary>Cross-row checks: duplicate klantnummers and unknown klantmanagers.</summary>
public class BestandValidatieTests
{
    private static readonly IReadOnlySet<string> Medewerkers = new HashSet<string>(StringComparer.Ordinal) { "KM001", "KM002" };

    [Fact]
    public async Task DubbelKlantnummerMeldtDeLatereRegelMetDeEerste()
    {
        var tekst = Csv(';', GeldigeRij("K1"), GeldigeRij("K2"), GeldigeRij("K1"), GeldigeRij("k1"));

        var rijen = await ControleerAsync(tekst);

        Assert.True(rijen[0].IsGeldig);
        Assert.True(rijen[1].IsGeldig);
        Assert.Equal(new RijFout(4, "klantnummer", "Klantnummer komt al voor op regel 2"), Assert.Single(rijen[2].Fouten));
        Assert.Equal(new RijFout(5, "klantnummer", "Klantnummer komt al voor op regel 2"), Assert.Single(rijen[3].Fouten));
        Assert.Null(rijen[2].Klant);
    }

    [Fact]
    public async Task OnbekendeKlantmanager()
    {
        var tekst = Csv(';', GeldigeRij("K1").Met("klantmanager", "KM002"), GeldigeRij("K2").Met("klantmanager", "KM999"));

        var rijen = await ControleerAsync(tekst);

        Assert.True(rijen[0].IsGeldig);
        Assert.Equal(new RijFout(3, "klantmanager", "Klantmanager 'KM999' is geen bekende medewerker"), Assert.Single(rijen[1].Fouten));
    }

    [Fact]
    public async Task KruisfoutenKomenBijDeVeldfoutenVanDeRij()
    {
        var tekst = Csv(';', GeldigeRij("K1"), GeldigeRij("K1").Met("postcode", "nvt").Met("klantmanager", "KM404"));

        var rijen = await ControleerAsync(tekst);

        Assert.Equal(["postcode", "klantnummer", "klantmanager"], rijen[1].Fouten.Select(f => f.Veld));
    }

    [Fact]
    public async Task OokEenOngeldigeRijClaimtZijnKlantnummer()
    {
        var tekst = Csv(';', GeldigeRij("K1").Met("naam", ""), GeldigeRij("K1"));

        var rijen = await ControleerAsync(tekst);

        Assert.Equal("naam", Assert.Single(rijen[0].Fouten).Veld);
        Assert.Equal("Klantnummer komt al voor op regel 2", Assert.Single(rijen[1].Fouten).Reden);
    }

    [Fact]
    public void PredikaatVoorBekendeMedewerkers()
    {
        var validatie = new BestandValidatie(id => id.StartsWith("KM", StringComparison.Ordinal));

        var bekend = validatie.Controleer(new BestandRij(2, "K1", "KM123", null, []));
        var onbekend = validatie.Controleer(new BestandRij(3, "K2", "X1", null, []));

        Assert.Empty(bekend.Fouten);
        Assert.Equal("klantmanager", Assert.Single(onbekend.Fouten).Veld);
    }

    private static async Task<List<BestandRij>> ControleerAsync(string tekst)
    {
        var validatie = new BestandValidatie(Medewerkers);
        return [.. (await LeesRijenAsync(tekst)).Select(validatie.Controleer)];
    }
}
