using KenJeKlant.Host.Rapportages;

namespace KenJeKlant.Tests.Rapportages;

/// <summary>Small-cell suppression on random tables: what it must always hold, whatever the numbers.</summary>
public sealed class CelbeveiligingTests
{
    private static int[,] Willekeurig(Random kans, int rijen, int kolommen, bool rijTotaal, bool kolomTotaal)
    {
        var r = rijen + (kolomTotaal ? 1 : 0);
        var k = kolommen + (rijTotaal ? 1 : 0);
        var raster = new int[r, k];
        for (var i = 0; i < rijen; i++)
            for (var j = 0; j < kolommen; j++)
                raster[i, j] = kans.Next(4) switch { 0 => 0, 1 => kans.Next(1, 5), _ => kans.Next(5, 60) };
        if (rijTotaal) for (var i = 0; i < rijen; i++) for (var j = 0; j < kolommen; j++) raster[i, k - 1] += raster[i, j];
        if (kolomTotaal) for (var j = 0; j < k; j++) for (var i = 0; i < rijen; i++) raster[r - 1, j] += raster[i, j];
        return raster;
    }

    [Theory]
    [MemberData(nameof(Zaden))]
    public void Geen_klein_getal_zichtbaar_en_geen_som_met_precies_een_onbekende(int zaad)
    {
        var kans = new Random(zaad);
        var (rijen, kolommen, rijTotaal, kolomTotaal) = (kans.Next(1, 7), kans.Next(1, 5), kans.Next(2) == 0, kans.Next(2) == 0);
        var raster = Willekeurig(kans, rijen, kolommen, rijTotaal, kolomTotaal);
        var sommen = Celbeveiliging.Sommen(raster.GetLength(0), raster.GetLength(1), rijTotaal, kolomTotaal);

        var weg = Celbeveiliging.Onderdruk(raster, sommen);

        for (var i = 0; i < raster.GetLength(0); i++)
            for (var j = 0; j < raster.GetLength(1); j++)
                if (raster[i, j] is > 0 and < Celbeveiliging.Drempel) Assert.True(weg[i, j], $"cel ({i},{j}) = {raster[i, j]} is zichtbaar");
        foreach (var som in sommen)
        {
            var onbekend = som.Delen.Append(som.Totaal).Count(c => weg[c.Rij, c.Kolom]);
            Assert.True(onbekend != 1, $"som met totaal {som.Totaal}: precies één verborgen cel, terug te rekenen uit de andere");
        }
    }

    [Theory]
    [MemberData(nameof(Zaden))]
    public void Gecombineerd_verbergt_alles_wat_in_een_gemeente_verborgen_is(int zaad)
    {
        var kans = new Random(zaad);
        var (rijen, kolommen) = (kans.Next(1, 6), kans.Next(1, 4));
        var delen = Enumerable.Range(0, 3).Select(_ => Willekeurig(kans, rijen, kolommen, rijTotaal: true, kolomTotaal: true)).ToList();
        var sommen = Celbeveiliging.Sommen(rijen + 1, kolommen + 1, true, true);
        var totaal = new int[rijen + 1, kolommen + 1];
        foreach (var d in delen) for (var i = 0; i <= rijen; i++) for (var j = 0; j <= kolommen; j++) totaal[i, j] += d[i, j];
        var wegPerDeel = delen.Select(d => Celbeveiliging.Onderdruk(d, sommen)).ToList();

        var weg = Celbeveiliging.OnderdrukGecombineerd(totaal, wegPerDeel, sommen);

        // Otherwise: the combined cell minus the other gemeenten's (shown) cells gives the hidden one back.
        for (var i = 0; i <= rijen; i++)
            for (var j = 0; j <= kolommen; j++)
                if (wegPerDeel.Any(w => w[i, j])) Assert.True(weg[i, j], $"cel ({i},{j}) is in een gemeente verborgen maar samen zichtbaar");
    }

    [Fact]
    public void Een_verborgen_cel_naast_een_totaal_neemt_de_kleinste_andere_mee()
    {
        // 3 | 10 | 40 with total 53: hiding only the 3 lets 53 - 10 - 40 give it back, so the 10 goes too.
        var raster = new[,] { { 3 }, { 10 }, { 40 }, { 53 } };

        var weg = Celbeveiliging.Onderdruk(raster, Celbeveiliging.Sommen(4, 1, rijTotaal: false, kolomTotaal: true));

        Assert.Equal([true, true, false, false], [weg[0, 0], weg[1, 0], weg[2, 0], weg[3, 0]]);
    }

    [Fact]
    public void Nul_blijft_zichtbaar_en_grote_getallen_ook()
    {
        var raster = new[,] { { 0 }, { 12 }, { 40 }, { 52 } };

        var weg = Celbeveiliging.Onderdruk(raster, Celbeveiliging.Sommen(4, 1, rijTotaal: false, kolomTotaal: true));

        Assert.DoesNotContain(true, weg.Cast<bool>());
    }

    public static TheoryData<int> Zaden() => [.. Enumerable.Range(1, 200)];
}
