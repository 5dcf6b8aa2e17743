using KenJeKlant.Bestand;
using static KenJeKlant.Tests.Bestand.BestandTestHulp;

namespace KenJeKlant.Tests.Bestand;

/// <summary>Files that cannot be imported at all.</summary>
public class BestandLezerProbleemTests
{
    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    [InlineData("\uFEFF")]
    public async Task LeegBestand(string tekst)
    {
        var probleem = await ProbleemVanAsync(tekst);
        Assert.Equal(new BestandProbleem(BestandProbleemSoort.LeegBestand, "Het bestand is leeg."), probleem);
    }

    [Fact]
    public async Task OnbekendScheidingsteken()
    {
        var tekst = "klantnummer\tnaam\tgeboortedatum\nK1\tPiet\t01-01-1970\n";

        var probleem = await ProbleemVanAsync(tekst);

        Assert.Equal(BestandProbleemSoort.OnbekendScheidingsteken, probleem.Soort);
        Assert.Contains("';' of ','", probleem.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GeenKopregelAlsDeEersteRegelDataIs()
    {
        var tekst = "K1;Piet;12-03-1980;2011AB;alleenstaand;01-06-2019;KM001\n";

        var probleem = await ProbleemVanAsync(tekst);

        Assert.Equal(BestandProbleemSoort.GeenKopregel, probleem.Soort);
    }

    [Fact]
    public async Task OntbrekendeVerplichteKolommenInEenMelding()
    {
        var tekst = Csv(';', GeldigeRij().Zonder("naam").Zonder("klantmanager"));

        var probleem = await ProbleemVanAsync(tekst);

        Assert.Equal(new BestandProbleem(BestandProbleemSoort.OntbrekendeKolommen,
            "Verplichte kolommen ontbreken: naam, klantmanager."), probleem);
    }

    [Fact]
    public async Task VerkeerdGespeldeKolomTeltAlsOntbrekend()
    {
        var tekst = Csv(';', GeldigeRij().Zonder("startdatum_uitkering").Met("startdatum uitkering", "01-06-2019"));

        var probleem = await ProbleemVanAsync(tekst);

        Assert.Equal(BestandProbleemSoort.OntbrekendeKolommen, probleem.Soort);
        Assert.Contains("startdatum_uitkering", probleem.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OptioneleKolommenMogenOntbreken()
    {
        var rij = GeldigeRij();
        foreach (var kolom in BestandKolommen.Alle.Except(BestandKolommen.Verplicht))
        {
            rij = rij.Zonder(kolom);
        }

        var gelezen = Assert.Single(await LeesRijenAsync(Csv(';', rij)));

        Assert.True(gelezen.IsGeldig);
        Assert.Null(gelezen.Klant?.Bsn);
    }

    [Fact]
    public async Task DubbeleKolom()
    {
        var tekst = "klantnummer;naam;Naam;geboortedatum;postcode;huishouden;startdatum_uitkering;klantmanager\n" +
            "K1;A;B;12-03-1980;2011AB;alleenstaand;01-06-2019;KM001\n";

        var probleem = await ProbleemVanAsync(tekst);

        Assert.Equal(new BestandProbleem(BestandProbleemSoort.DubbeleKolommen,
            "Deze kolommen staan meer dan eens in de kopregel: naam."), probleem);
    }

    [Fact]
    public async Task AlleenEenKopregel()
    {
        var tekst = string.Join(';', BestandKolommen.Alle) + "\r\n\r\n";

        var probleem = await ProbleemVanAsync(tekst);

        Assert.Equal(BestandProbleemSoort.GeenRijen, probleem.Soort);
    }

    [Fact]
    public async Task EenBestandMetProbleemHeeftGeenRijen()
    {
        using var bestand = await OpenAsync("");
        await Assert.ThrowsAsync<InvalidOperationException>(() => AllesAsync(bestand));
    }

    private static async Task<BestandProbleem> ProbleemVanAsync(string tekst)
    {
        using var bestand = await OpenAsync(tekst);
        return Assert.IsType<BestandProbleem>(bestand.Probleem);
    }
}
