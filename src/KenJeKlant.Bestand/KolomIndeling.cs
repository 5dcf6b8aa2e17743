namespace KenJeKlant.Bestand;

/// <summary>
/// Where each known column sits in this file. Names match case-insensitively and ignore surrounding
/// spaces, because exports are often touched in a spreadsheet; unknown columns are simply not mapped.
/// </summary>
internal sealed class KolomIndeling
{
    private readonly Dictionary<string, int> _index;

    private KolomIndeling(Dictionary<string, int> index, int aantalKolommen, IReadOnlyList<string> genegeerd)
    {
        _index = index;
        AantalKolommen = aantalKolommen;
        Genegeerd = genegeerd;
    }

    public int AantalKolommen { get; }

    /// <summary>Header names that are not ours, as they appear in the file.</summary>
    public IReadOnlyList<string> Genegeerd { get; }

    /// <summary>Maps a kopregel, or explains why it cannot be used.</summary>
    /// <param name="ookVerplicht">Columns this dienst requires besides <see cref="BestandKolommen.Verplicht"/> (the gemeente, with several).</param>
    public static (KolomIndeling? Indeling, BestandProbleem? Probleem) Uit(IReadOnlyList<string> kopregel, IReadOnlyList<string>? ookVerplicht = null)
    {
        var namen = kopregel.Select(Schoon).ToList();
        var bekend = namen.Where(IsBekend).ToList();
        if (bekend.Count == 0)
        {
            return (null, new BestandProbleem(BestandProbleemSoort.GeenKopregel,
                "De eerste regel bevat geen bekende kolomnamen; verwacht een kopregel met o.a. "
                + string.Join(", ", BestandKolommen.Verplicht) + "."));
        }

        var dubbel = bekend.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (dubbel.Count > 0)
        {
            return (null, new BestandProbleem(BestandProbleemSoort.DubbeleKolommen,
                "Deze kolommen staan meer dan eens in de kopregel: " + string.Join(", ", dubbel) + "."));
        }

        var ontbrekend = BestandKolommen.Verplicht.Concat(ookVerplicht ?? []).Except(bekend).ToList();
        if (ontbrekend.Count > 0)
        {
            return (null, new BestandProbleem(BestandProbleemSoort.OntbrekendeKolommen,
                "Verplichte kolommen ontbreken: " + string.Join(", ", ontbrekend) + "."));
        }

        var index = namen
            .Select((naam, i) => (naam, i))
            .Where(k => IsBekend(k.naam))
            .ToDictionary(k => k.naam, k => k.i, StringComparer.Ordinal);
        var genegeerd = kopregel.Where((_, i) => !IsBekend(namen[i]) && namen[i].Length > 0).ToList();
        return (new KolomIndeling(index, ZonderLegeStaart(namen), genegeerd), null);
    }

    /// <summary>
    /// The number of columns a row must have. A spreadsheet may end the kopregel with a separator
    /// (an empty last name); those empty names at the end do not count.
    /// </summary>
    private static int ZonderLegeStaart(List<string> namen)
    {
        var aantal = namen.Count;
        while (aantal > 0 && namen[aantal - 1].Length == 0)
        {
            aantal--;
        }
        return aantal;
    }

    /// <summary>The value of a column in a record; empty when the column is absent from this file.</summary>
    public string Waarde(IReadOnlyList<string> velden, string kolom) =>
        _index.TryGetValue(kolom, out var i) && i < velden.Count ? velden[i] : string.Empty;

    // A stray BOM sticks to the first name when a caller-given encoding did not strip it.
    private static string Schoon(string naam) => naam.Trim().Trim('\uFEFF').Trim().ToLowerInvariant();

    private static bool IsBekend(string naam) => BestandKolommen.Alle.Contains(naam);
}
