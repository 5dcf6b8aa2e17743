namespace KenJeKlant.Host.Rapportages;

/// <summary>
/// Counts per gemeente in rows × columns, made into one <see cref="Tabel"/> for the gemeenten asked: each gemeente's
/// grid gets its small cells hidden first, then the combined grid hides those and its own (<see cref="Celbeveiliging"/>).
/// A row total (last column) and a column total (last row) can be added; a percentage column takes its cell and its
/// row total and is shown only when both are.
/// </summary>
public sealed class Kruistabel(string titel, string rijkop, IReadOnlyList<string>? rijVolgorde = null, IReadOnlyList<string>? kolomVolgorde = null)
{
    private readonly Dictionary<(string Gemeente, string Rij, string Kolom), int> _aantallen = [];

    public bool RijTotaal { get; init; }
    public bool KolomTotaal { get; init; }
    public string TotaalLabel { get; init; } = "Totaal";
    /// <summary>When set, a last column with this column's share of the row total, in percent.</summary>
    public string? PercentageVan { get; init; }
    /// <summary>A last column with each row's share of the total row (first column), in percent.</summary>
    public bool Aandeel { get; init; }
    public string Grafiek { get; init; } = "staaf";
    public string? Toelichting { get; init; }

    public Kruistabel Tel(string gemeente, string rij, string kolom, int aantal)
    {
        _aantallen[(gemeente, rij, kolom)] = _aantallen.GetValueOrDefault((gemeente, rij, kolom)) + aantal;
        return this;
    }

    public Tabel Maak(IReadOnlyList<string> gemeenten)
    {
        var gekozen = _aantallen.Where(a => gemeenten.Contains(a.Key.Gemeente)).ToList();
        var rijen = Volgorde(rijVolgorde, gekozen.Select(a => a.Key.Rij));
        var kolommen = Volgorde(kolomVolgorde, gekozen.Select(a => a.Key.Kolom));
        var r = rijen.Count + (KolomTotaal ? 1 : 0);
        var k = kolommen.Count + (RijTotaal ? 1 : 0);
        var sommen = Celbeveiliging.Sommen(r, k, RijTotaal, KolomTotaal);

        var delen = gemeenten.Select(g => Raster(g, rijen, kolommen, r, k)).ToList();
        int[,] totaal;
        bool[,] weg;
        if (delen.Count == 1)
        {
            totaal = delen[0];
            weg = Celbeveiliging.Onderdruk(totaal, sommen);
        }
        else
        {
            totaal = new int[r, k];
            foreach (var deel in delen)
                for (var i = 0; i < r; i++)
                    for (var j = 0; j < k; j++)
                        totaal[i, j] += deel[i, j];
            weg = Celbeveiliging.OnderdrukGecombineerd(totaal, [.. delen.Select(d => Celbeveiliging.Onderdruk(d, sommen))], sommen);
        }

        var koppen = kolommen.ToList();
        if (RijTotaal) koppen.Add(TotaalLabel);
        var pctKolom = PercentageVan is null ? -1 : kolommen.IndexOf(PercentageVan);
        if (pctKolom >= 0 || (Aandeel && KolomTotaal && k > 0)) koppen.Add("%");
        var labels = rijen.ToList();
        if (KolomTotaal) labels.Add(TotaalLabel);
        var uit = new List<Rij>();
        for (var i = 0; i < r; i++)
        {
            var cellen = new List<Cel>();
            for (var j = 0; j < k; j++) cellen.Add(weg[i, j] ? Cel.Verborgen : Cel.Aantal(totaal[i, j]));
            if (pctKolom >= 0)
            {
                var noemer = totaal[i, k - 1];
                cellen.Add(weg[i, pctKolom] || weg[i, k - 1] || noemer == 0 ? Cel.Leeg : Cel.Percentage(100m * totaal[i, pctKolom] / noemer));
            }
            else if (Aandeel && KolomTotaal && k > 0)
            {
                var noemer = totaal[r - 1, 0];
                cellen.Add(weg[i, 0] || weg[r - 1, 0] || noemer == 0 ? Cel.Leeg : Cel.Percentage(100m * totaal[i, 0] / noemer));
            }
            uit.Add(new Rij(labels[i], cellen));
        }
        return new Tabel(titel, rijkop, koppen, uit) { Grafiek = Grafiek, Toelichting = Toelichting };
    }

    private int[,] Raster(string gemeente, List<string> rijen, List<string> kolommen, int r, int k)
    {
        var raster = new int[r, k];
        for (var i = 0; i < rijen.Count; i++)
            for (var j = 0; j < kolommen.Count; j++)
                raster[i, j] = _aantallen.GetValueOrDefault((gemeente, rijen[i], kolommen[j]));
        if (RijTotaal)
            for (var i = 0; i < rijen.Count; i++)
                for (var j = 0; j < kolommen.Count; j++) raster[i, k - 1] += raster[i, j];
        if (KolomTotaal)
            for (var j = 0; j < k; j++)
                for (var i = 0; i < rijen.Count; i++) raster[r - 1, j] += raster[i, j];
        return raster;
    }

    // The given order first (also for values nobody has, so tables keep their shape), then the rest alphabetically.
    private static List<string> Volgorde(IReadOnlyList<string>? vast, IEnumerable<string> gevonden)
    {
        var lijst = vast?.ToList() ?? [];
        lijst.AddRange(gevonden.Distinct().Where(w => !lijst.Contains(w)).Order(StringComparer.Ordinal));
        return lijst;
    }
}
