using System.Text;

namespace KenJeKlant.Bestand;

/// <summary>
/// Writes a realistic synthetic bestand export for demos, load tests and the import's own tests:
/// in the format of <see cref="CsvSchrijver"/> (';'-separated, UTF-8 with BOM, CRLF line ends, as
/// Windows-based benefits systems write them), with Dutch dates and our column names. Rows are drawn
/// and written one by one, so 400,000 clients take no more memory than ten. The same <see cref="SyntheticBestandOpties"/> always give the same bytes.
/// No nationality, language, gender or ethnicity is generated: the export has no such fields.
/// </summary>
public sealed class SyntheticBestandGenerator
{
    private readonly SyntheticBestandOpties _opties;

    public SyntheticBestandGenerator(SyntheticBestandOpties opties)
    {
        ArgumentNullException.ThrowIfNull(opties);
        ArgumentOutOfRangeException.ThrowIfNegative(opties.Aantal);
        if (opties.Klantmanagers.Count == 0)
        {
            throw new ArgumentException("Er is minstens één klantmanager nodig.", nameof(opties));
        }
        if (opties.Wijken.Count == 0)
        {
            throw new ArgumentException("Er is minstens één wijk nodig.", nameof(opties));
        }
        _opties = opties;
    }

    /// <summary>UTF-8 with BOM, so that spreadsheet programs show the é in "René" correctly.</summary>
    public static Encoding Codering => CsvSchrijver.Codering;

    /// <summary>Writes the text; the writer's encoding (and BOM) is the caller's.</summary>
    public void Schrijf(TextWriter schrijver)
    {
        using var csv = new CsvSchrijver(schrijver);
        Schrijf(csv);
    }

    /// <summary>Writes the file as bytes (UTF-8 with BOM). The stream stays open.</summary>
    public void Schrijf(Stream stream)
    {
        using var csv = new CsvSchrijver(stream);
        Schrijf(csv);
    }

    /// <summary>As <see cref="Schrijf(Stream)"/>, for an HTTP response body, where synchronous writes are refused.</summary>
    public Task SchrijfAsync(Stream stream, CancellationToken ct = default) =>
        CsvSchrijver.SchrijfAsync(stream, BestandKolommen.Alle, Klanten(), ct);

    private void Schrijf(CsvSchrijver csv)
    {
        csv.SchrijfRij(BestandKolommen.Alle);
        foreach (var klant in Klanten())
        {
            csv.SchrijfRij(klant);
        }
        csv.Flush();
    }

    /// <summary>One row of fields per client, drawn lazily.</summary>
    private IEnumerable<string[]> Klanten()
    {
        // A fresh maker per pass: every call starts from the seed again.
        var maker = new SynthetischeKlantMaker(_opties);
        for (var i = 0; i < _opties.Aantal; i++)
        {
            yield return maker.Volgende();
        }
    }
}
