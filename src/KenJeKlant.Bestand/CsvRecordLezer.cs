using CsvHelper;

namespace KenJeKlant.Bestand;

/// <summary>
/// The records of the text, one at a time, parsed by CsvHelper (RFC 4180: quoted fields may hold the
/// separator, doubled quotes and line breaks; lines end with CRLF, LF or a lone CR). What this adds:
/// the physical line each record starts on, so an error points at the line a spreadsheet shows; an
/// unclosed quote or an overlong record as an error on that record instead of an exception; and going on
/// after an overlong record. Deviations from RFC 4180 are read leniently, as CsvHelper recovers them (a
/// quote inside an unquoted field is kept, text after a closing quote is appended), because exports from
/// older systems do that; the field validation then judges the value.
/// </summary>
internal sealed class CsvRecordLezer : IDisposable
{
    /// <summary>
    /// Longest record read (CsvHelper counts it in UTF-8 bytes, for this text nearly the same as characters).
    /// An unclosed quote would pull the rest of the file into one field; the cap keeps memory flat and turns
    /// that into one error.
    /// </summary>
    internal const int MaxRecordLengte = 64 * 1024;

    private static readonly string TeLang = $"Rij is langer dan {MaxRecordLengte} tekens";

    private readonly HervatbareTekst _tekst;
    private CsvReader _csv;
    private int _regelsVoorLezer;
    private long _openAanhalingOpRegel;
    private bool _eersteGelezen;
    private bool _klaar;

    public CsvRecordLezer(TextReader lezer)
    {
        _tekst = new HervatbareTekst(lezer);
        _csv = NieuweLezer(scheidingsteken: null);
    }

    /// <summary>
    /// ';' or ',', as CsvHelper detected it from the first lines; known after the first record. Null when
    /// that record is not split by either (a tab, or one column only): we accept only those two.
    /// </summary>
    public char? Scheidingsteken { get; private set; }

    /// <summary>The next non-blank record, or null at the end of the text.</summary>
    public async Task<CsvRecord?> LeesAsync(CancellationToken ct)
    {
        if (_klaar)
        {
            return null;
        }

        try
        {
            if (!await _csv.ReadAsync(ct).ConfigureAwait(false))
            {
                _klaar = true;
                return null;
            }
        }
        catch (CsvFormatException fout)
        {
            // With the quoting problems recovered and any field count allowed, the one thing CsvHelper
            // still throws for is a record over MaxRecordSize.
            return await SlaTeLangRecordOverAsync(fout, ct).ConfigureAwait(false);
        }

        var regel = _regelsVoorLezer + (int)_csv.LineNumber;
        _tekst.BewaarVanaf(regel);
        var velden = _csv.Current.ToArray();
        if (!_eersteGelezen)
        {
            _eersteGelezen = true;
            Scheidingsteken = _csv.Separator is ';' or ',' && velden.Length > 1 ? _csv.Separator : null;
        }

        // A record already in CsvHelper's buffer is returned whatever its length; the cap holds for all.
        var probleem = _csv.LineNumber == _openAanhalingOpRegel ? "Aanhalingsteken wordt niet afgesloten"
            : _csv.RawRecord.Length > MaxRecordLengte ? TeLang
            : null;
        return new CsvRecord(regel, velden, probleem);
    }

    public void Dispose() => _csv.Dispose();

    /// <summary>
    /// Reports the record CsvHelper gave up on, and reads on from the line after its first line: where
    /// the next record starts when the record was one long line, and where the rows an unclosed quote
    /// would have swallowed start when it was not.
    /// </summary>
    private async Task<CsvRecord> SlaTeLangRecordOverAsync(CsvFormatException fout, CancellationToken ct)
    {
        var regel = _regelsVoorLezer + (int)fout.LineNumber;
        if (!_eersteGelezen)
        {
            // The kopregel itself: the file is refused, so there is nothing to read on to.
            _klaar = true;
            return new CsvRecord(regel, [], TeLang);
        }

        var scheidingsteken = _csv.Separator;
        await _tekst.HervatOpRegelAsync(regel + 1, ct).ConfigureAwait(false);
        _csv.Dispose();
        _csv = NieuweLezer(scheidingsteken);
        _regelsVoorLezer = regel;
        _openAanhalingOpRegel = 0;
        return new CsvRecord(regel, [], TeLang);
    }

    private CsvReader NieuweLezer(char? scheidingsteken) => CsvReader.Create(_tekst, new CsvReaderOptions
    {
        Separator = scheidingsteken,
        // Excel's "sep=;" first line would be skipped, leaving the kopregel on line 2: refused either way.
        DetectSeparatorHint = false,
        // The kopregel is matched by our own rules (KolomIndeling), so every record comes through here.
        HasHeader = false,
        TrackLineNumbers = true,
        MaxRecordSize = MaxRecordLengte,
        OnMalformedRecord = OnjuistRecord,
    }, leaveOpen: true);

    private void OnjuistRecord(CsvMalformedRecord record)
    {
        // Called before the record is returned; the other quoting problems are recovered leniently.
        if (record.Reason == CsvMalformedReason.UnterminatedQuote)
        {
            _openAanhalingOpRegel = record.LineNumber;
        }
    }
}
