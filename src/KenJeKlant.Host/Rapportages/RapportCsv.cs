using KenJeKlant.Bestand;

namespace KenJeKlant.Host.Rapportages;

/// <summary>
/// A report as CSV, one line per cell (long format): every line has the same columns, whatever the tables' shapes, so
/// a spreadsheet or BI tool can filter and pivot it. Written by the one CSV writer, which neutralises formulas.
/// </summary>
public static class RapportCsv
{
    public static Task SchrijfAsync(Stream stream, Rapport rapport, CancellationToken ct) =>
        CsvSchrijver.SchrijfAsync(stream,
            ["rapportage", "gebied", "van", "tot", "peildatum", "tabel", "rij", "kolom", "waarde", "weergave"],
            rapport.Tabellen.SelectMany(t => t.Rijen.SelectMany(r => r.Cellen.Select((c, i) => (IReadOnlyList<string>)
            [
                rapport.Titel, rapport.Gebied, Datum(rapport.Van), Datum(rapport.Tot), rapport.Peildatum is { } p ? Datum(p) : "",
                t.Titel, r.Label, t.Kolommen[i], c.Waarde?.ToString(Rapportcultuur.Nl) ?? "", c.Weergave,
            ]))), ct);

    private static string Datum(DateOnly d) => d.ToString("yyyy-MM-dd", Rapportcultuur.Nl);
}
