using System.Text;
using CsvHelper;

namespace KenJeKlant.Bestand;

/// <summary>
/// Writes every CSV file we hand out, in one format: ';'-separated (a Dutch spreadsheet expects it,
/// since ',' is the decimal separator), CRLF line ends and quoting per RFC 4180, UTF-8 — with a byte order
/// mark when writing to a stream, so that Excel shows the é in "René". Every row must have as many fields
/// as the first (the kopregel).
/// <para>
/// A cell that starts with '=', '+', '-', '@', a tab or a carriage return is written with a leading
/// <c>'</c>, and quoted (the OWASP rule against CSV injection). Names, wijken and the like come from the
/// gemeente's benefits system or from a medewerker, and the file is opened in a spreadsheet by someone else:
/// a cell such as <c>=HYPERLINK("https://…?"&amp;A2)</c> or <c>=cmd|…</c> would run as a formula on their
/// machine, with their rights, sending data away or starting a program. The <c>'</c> makes the spreadsheet
/// show the text instead. The rule goes by the first character only, so "-5" and "+31 6…" get it too:
/// guessing which cells are harmless numbers is where such filters fail. The cost is that a program reading
/// the file back sees the <c>'</c> as part of the value.
/// </para>
/// </summary>
public sealed class CsvSchrijver : IDisposable, IAsyncDisposable
{
    public const char Scheidingsteken = ';';

    /// <summary>The characters a spreadsheet may take as the start of a formula (OWASP's list).</summary>
    internal const string FormuleTekens = "=+-@\t\r";

    private readonly CsvWriter _csv;

    /// <summary>Writes UTF-8 with a byte order mark to the stream, which stays open.</summary>
    public CsvSchrijver(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _csv = CsvWriter.Create(stream, Opties with { WriteByteOrderMark = true }, leaveOpen: true);
    }

    /// <summary>Writes to the writer, in its encoding; it stays open.</summary>
    public CsvSchrijver(TextWriter schrijver)
    {
        ArgumentNullException.ThrowIfNull(schrijver);
        _csv = CsvWriter.Create(schrijver, Opties, leaveOpen: true);
    }

    /// <summary>UTF-8 with a byte order mark, as <see cref="CsvSchrijver(Stream)"/> writes it.</summary>
    public static Encoding Codering { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    private static CsvWriterOptions Opties { get; } = new()
    {
        Separator = Scheidingsteken,
        Injection = CsvInjection.Escape,
        InjectionCharacters = FormuleTekens,
        InjectionEscape = '\'',
    };

    /// <summary>
    /// Writes a whole file: the kopregel, then every row, then flushes. For an HTTP response body (which
    /// refuses synchronous writes) and for large exports: rows are written as they come.
    /// </summary>
    public static async Task SchrijfAsync(
        Stream stream, IReadOnlyList<string> kopregel, IAsyncEnumerable<IReadOnlyList<string>> rijen, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rijen);
        var schrijver = new CsvSchrijver(stream);
        await using (schrijver.ConfigureAwait(false))
        {
            await schrijver.SchrijfRijAsync(kopregel, ct).ConfigureAwait(false);
            await foreach (var rij in rijen.WithCancellation(ct).ConfigureAwait(false))
            {
                await schrijver.SchrijfRijAsync(rij, ct).ConfigureAwait(false);
            }
            await schrijver.FlushAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>As the other overload, for rows that are at hand.</summary>
    public static async Task SchrijfAsync(
        Stream stream, IReadOnlyList<string> kopregel, IEnumerable<IReadOnlyList<string>> rijen, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rijen);
        var schrijver = new CsvSchrijver(stream);
        await using (schrijver.ConfigureAwait(false))
        {
            await schrijver.SchrijfRijAsync(kopregel, ct).ConfigureAwait(false);
            foreach (var rij in rijen)
            {
                await schrijver.SchrijfRijAsync(rij, ct).ConfigureAwait(false);
            }
            await schrijver.FlushAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Writes one row (the first one written is the kopregel).</summary>
    /// <exception cref="InvalidOperationException">The row has no fields, or not as many as the first row.</exception>
    public void SchrijfRij(IReadOnlyList<string> velden)
    {
        SchrijfVelden(velden);
        _csv.EndRecord();
    }

    /// <summary>As <see cref="SchrijfRij"/>; writes to the destination without blocking when the buffer fills.</summary>
    /// <exception cref="InvalidOperationException">The row has no fields, or not as many as the first row.</exception>
    public async Task SchrijfRijAsync(IReadOnlyList<string> velden, CancellationToken ct = default)
    {
        SchrijfVelden(velden);
        await _csv.EndRecordAsync(ct).ConfigureAwait(false);
    }

    public void Flush() => _csv.Flush();

    public Task FlushAsync(CancellationToken ct = default) => _csv.FlushAsync(ct).AsTask();

    public void Dispose() => _csv.Dispose();

    public ValueTask DisposeAsync() => _csv.DisposeAsync();

    /// <summary>True when a spreadsheet could take the value for a formula; the reader warns about those.</summary>
    internal static bool BegintAlsFormule(string waarde) => waarde.Length > 0 && FormuleTekens.Contains(waarde[0], StringComparison.Ordinal);

    private void SchrijfVelden(IReadOnlyList<string> velden)
    {
        ArgumentNullException.ThrowIfNull(velden);
        foreach (var veld in velden)
        {
            _csv.WriteField(veld);
        }
    }
}
