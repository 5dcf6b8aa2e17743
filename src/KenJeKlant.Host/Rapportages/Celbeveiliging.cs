namespace KenJeKlant.Host.Rapportages;

/// <summary>A shown total and the cells that add up to it.</summary>
public sealed record Som((int Rij, int Kolom) Totaal, IReadOnlyList<(int Rij, int Kolom)> Delen);

/// <summary>
/// Small cells, so that no person can be recognised in a report: a count from 1 to 4 is shown as "&lt; 5" (primary
/// suppression), and wherever a shown total would give such a cell back by subtraction, a second cell goes too
/// (secondary suppression: the smallest other cell of that sum, the total itself when nothing else is left). A
/// combined report (several gemeenten) also hides every cell that is hidden in one of its gemeenten: otherwise the
/// combined figure minus the other gemeenten's would give it back. 0 is shown: it is nobody.
/// </summary>
public static class Celbeveiliging
{
    public const int Drempel = 5;

    public static bool[,] Onderdruk(int[,] aantallen, IReadOnlyList<Som> sommen, bool[,]? alOnderdrukt = null)
    {
        var rijen = aantallen.GetLength(0);
        var kolommen = aantallen.GetLength(1);
        var weg = new bool[rijen, kolommen];
        for (var r = 0; r < rijen; r++)
            for (var k = 0; k < kolommen; k++)
                weg[r, k] = aantallen[r, k] is > 0 and < Drempel || (alOnderdrukt?[r, k] ?? false);

        // Each pass can only hide more cells, so this ends; in practice after two or three passes.
        for (var gewijzigd = true; gewijzigd;)
        {
            gewijzigd = false;
            foreach (var som in sommen)
            {
                var cellen = som.Delen.Append(som.Totaal).ToList();
                if (cellen.Count(c => weg[c.Rij, c.Kolom]) != 1) continue;
                var tweede = cellen
                    .Where(c => !weg[c.Rij, c.Kolom] && aantallen[c.Rij, c.Kolom] > 0)
                    .OrderBy(c => aantallen[c.Rij, c.Kolom])
                    .ThenBy(c => c == som.Totaal ? 1 : 0)
                    .Select(c => ((int, int)?)c)
                    .FirstOrDefault();
                if (tweede is not { } t) continue;
                weg[t.Item1, t.Item2] = true;
                gewijzigd = true;
            }
        }
        return weg;
    }

    /// <summary>The sums of a grid whose last column holds each row's total and/or whose last row holds each column's.</summary>
    public static IReadOnlyList<Som> Sommen(int rijen, int kolommen, bool rijTotaal, bool kolomTotaal)
    {
        var sommen = new List<Som>();
        var deelRijen = kolomTotaal ? rijen - 1 : rijen;
        var deelKolommen = rijTotaal ? kolommen - 1 : kolommen;
        if (rijTotaal)
            for (var r = 0; r < rijen; r++)
                sommen.Add(new Som((r, kolommen - 1), [.. Enumerable.Range(0, deelKolommen).Select(k => (r, k))]));
        if (kolomTotaal)
            for (var k = 0; k < kolommen; k++)
                sommen.Add(new Som((rijen - 1, k), [.. Enumerable.Range(0, deelRijen).Select(r => (r, k))]));
        return sommen;
    }

    /// <summary>The combined grid's hidden cells: its own small cells, every cell hidden in a part, and what follows.</summary>
    public static bool[,] OnderdrukGecombineerd(int[,] totaal, IReadOnlyList<bool[,]> onderdruktPerDeel, IReadOnlyList<Som> sommen)
    {
        var rijen = totaal.GetLength(0);
        var kolommen = totaal.GetLength(1);
        var al = new bool[rijen, kolommen];
        foreach (var deel in onderdruktPerDeel)
            for (var r = 0; r < rijen; r++)
                for (var k = 0; k < kolommen; k++)
                    al[r, k] |= deel[r, k];
        return Onderdruk(totaal, sommen, al);
    }
}
