using System.Text;
using KenJeKlant.Abstractions;
using KenJeKlant.Bestand;
using static KenJeKlant.Tests.Bestand.BestandTestHulp;

namespace KenJeKlant.Tests.Bestand;

/// <summary>The bestand's gemeente, einddatum_uitkering and reden_beeindiging columns, through the real reader.</summary>
public sealed class BestandGemeenteTests
{
    private static readonly string[] IJmond = ["0453", "0375", "0396"];

    private static async Task<List<BestandRij>> LeesAsync(string tekst, IReadOnlyCollection<string> gemeenten)
    {
        using var bestand = await BestandLezer.OpenAsync(new MemoryStream(new UTF8Encoding(false).GetBytes(tekst)),
            new BestandLeesOpties { Importdatum = Importdatum, Gemeenten = gemeenten });
        Assert.Null(bestand.Probleem);
        return await AllesAsync(bestand);
    }

    [Fact]
    public async Task Met_meer_gemeenten_is_de_kolom_verplicht()
    {
        using var bestand = await BestandLezer.OpenAsync(new MemoryStream(Encoding.UTF8.GetBytes(Csv(';', GeldigeRij()))),
            new BestandLeesOpties { Importdatum = Importdatum, Gemeenten = IJmond });

        Assert.Equal(BestandProbleemSoort.OntbrekendeKolommen, bestand.Probleem?.Soort);
        Assert.Contains("gemeente", bestand.Probleem!.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Elke_regel_noemt_een_gemeente_van_de_dienst_en_een_weggevallen_voorloopnul_telt_mee()
    {
        var rijen = await LeesAsync(Csv(';',
            GeldigeRij("K1").Met("gemeente", "0453"),
            GeldigeRij("K2").Met("gemeente", "375"),
            GeldigeRij("K3").Met("gemeente", ""),
            GeldigeRij("K4").Met("gemeente", "0392"),
            GeldigeRij("K5").Met("gemeente", "Velsen")), IJmond);

        Assert.Equal(["0453", "0375"], rijen.Take(2).Select(r => r.Klant!.Gemeente));
        Assert.Equal([(4, "gemeente"), (5, "gemeente"), (6, "gemeente")],
            rijen.Skip(2).Select(r => (Assert.Single(r.Fouten).Regel, r.Fouten[0].Veld)));
        Assert.Contains("0392 hoort niet bij deze dienst", rijen[3].Fouten[0].Reden, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Met_een_gemeente_mag_de_kolom_leeg_zijn_maar_geen_andere_code()
    {
        var rijen = await LeesAsync(Csv(';', GeldigeRij("K1").Met("gemeente", ""), GeldigeRij("K2").Met("gemeente", "0453")), ["0392"]);

        Assert.Null(rijen[0].Klant!.Gemeente);
        Assert.Equal("gemeente", Assert.Single(rijen[1].Fouten).Veld);
    }

    [Fact]
    public async Task Einddatum_en_reden_van_beeindiging_komen_in_het_profiel()
    {
        var rijen = await LeesAsync(Csv(';',
            GeldigeRij("K1").Met("einddatum_uitkering", "01-01-2026").Met("reden_beeindiging", "werk (regulier)"),
            GeldigeRij("K2").Met("einddatum_uitkering", "02-01-2026").Met("reden_beeindiging", ""),
            GeldigeRij("K3").Met("einddatum_uitkering", "").Met("reden_beeindiging", "verhuizing"),
            GeldigeRij("K4").Met("einddatum_uitkering", "01-01-2018").Met("reden_beeindiging", ""),
            GeldigeRij("K5").Met("einddatum_uitkering", "01-01-2027").Met("reden_beeindiging", "")), []);

        Assert.Equal((new DateOnly(2026, 1, 1), "werk (regulier)"), (rijen[0].Klant!.EinddatumUitkering, rijen[0].Klant!.RedenBeeindiging));
        Assert.Equal((new DateOnly(2026, 1, 2), (string?)null), (rijen[1].Klant!.EinddatumUitkering, rijen[1].Klant!.RedenBeeindiging));
        Assert.Contains("zonder einddatum", Assert.Single(rijen[2].Fouten).Reden, StringComparison.Ordinal);
        Assert.Contains("vóór de startdatum", Assert.Single(rijen[3].Fouten).Reden, StringComparison.Ordinal);
        Assert.Contains("in de toekomst", Assert.Single(rijen[4].Fouten).Reden, StringComparison.Ordinal);
    }

    [Fact]
    public async Task De_generator_spreidt_klanten_over_de_gemeenten_en_elke_regel_doorstaat_de_lezer()
    {
        var opties = new SyntheticBestandOpties { Aantal = 300, Seed = 3, Peildatum = Importdatum, Gemeenten = IJmond };
        using var stream = new MemoryStream();
        new SyntheticBestandGenerator(opties).Schrijf(stream);
        stream.Position = 0;
        using var bestand = await BestandLezer.OpenAsync(stream, new BestandLeesOpties { Importdatum = Importdatum, Gemeenten = IJmond });

        var rijen = await AllesAsync(bestand);

        Assert.All(rijen, r => Assert.Empty(r.Fouten));
        var perGemeente = rijen.GroupBy(r => r.Klant!.Gemeente!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(IJmond.Order(), perGemeente.Keys.Order());
        Assert.All(perGemeente.Values, n => Assert.InRange(n, 60, 140)); // about a third each
    }
}
