using System.Text;

namespace KenJeKlant.Bestand;

/// <summary>
/// Writes a realistic synthetic bestand export for demos, load tests and the import's own tests:
/// ';'-separated, UTF-8 with BOM, Dutch dates, our column names, CRLF line ends (as Windows-based
/// benefits systems write them). Rows are drawn and written one by one, so 400,000 clients take no
/// more memory than ten. The same <see cref="SyntheticBestandOpties"/> always give the same bytes.
/// No nationality, language, gender or ethnicity is generated: the export has no such fields.
/// </summary>
public sealed class SyntheticBestandGenerator
{
    private const char Scheidingsteken = ';';
    private const int SchrijfBuffer = 64 * 1024;

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
    public static Encoding Codering { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Writes the text; the writer's encoding (and BOM) is the caller's.</summary>
    public void Schrijf(TextWriter schrijver)
    {
        ArgumentNullException.ThrowIfNull(schrijver);
        foreach (var regel in Regels())
        {
            schrijver.Write(regel);
            schrijver.Write("\r\n");
        }
        schrijver.Flush();
    }

    /// <summary>Writes the file as bytes (UTF-8 with BOM). The stream stays open.</summary>
    public void Schrijf(Stream stream)
    {
        using var schrijver = NieuweSchrijver(stream);
        Schrijf(schrijver);
    }

    /// <summary>As <see cref="Schrijf(Stream)"/>, for an HTTP response body, where synchronous writes are refused.</summary>
    public async Task SchrijfAsync(Stream stream, CancellationToken ct = default)
    {
        var schrijver = NieuweSchrijver(stream);
        await using (schrijver.ConfigureAwait(false))
        {
            foreach (var regel in Regels())
            {
                await schrijver.WriteAsync((regel + "\r\n").AsMemory(), ct).ConfigureAwait(false);
            }
            await schrijver.FlushAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>The kopregel and then one line per client, drawn lazily.</summary>
    private IEnumerable<string> Regels()
    {
        yield return string.Join(Scheidingsteken, BestandKolommen.Alle);

        // A fresh maker per pass: every call starts from the seed again.
        var maker = new SynthetischeKlantMaker(_opties);
        for (var i = 0; i < _opties.Aantal; i++)
        {
            yield return string.Join(Scheidingsteken, maker.Volgende().Select(v => CsvVeld.Schrijf(v, Scheidingsteken)));
        }
    }

    private static StreamWriter NieuweSchrijver(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new StreamWriter(stream, Codering, SchrijfBuffer, leaveOpen: true);
    }
}
