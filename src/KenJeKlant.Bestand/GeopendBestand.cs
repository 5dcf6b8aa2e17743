using System.Runtime.CompilerServices;
using System.Text;

namespace KenJeKlant.Bestand;

/// <summary>
/// A bestand whose kopregel has been read. Either <see cref="Probleem"/> says why the file cannot be
/// imported, or <see cref="RijenAsync"/> streams its rows once, in file order.
/// Disposing releases the reader but leaves the caller's stream open: the caller owns it.
/// </summary>
public sealed class GeopendBestand : IDisposable
{
    private readonly StreamReader? _lezer;
    private readonly CsvRecordLezer? _records;
    private readonly RijValidator? _validator;
    private CsvRecord? _eersteRecord;
    private bool _gelezen;

    private GeopendBestand(BestandProbleem probleem) => Probleem = probleem;

    private GeopendBestand(StreamReader lezer, CsvRecordLezer records, char scheidingsteken, KolomIndeling kolommen, RijValidator validator, CsvRecord eersteRecord)
    {
        _lezer = lezer;
        _records = records;
        _validator = validator;
        _eersteRecord = eersteRecord;
        Scheidingsteken = scheidingsteken;
        GenegeerdeKolommen = kolommen.Genegeerd;
    }

    /// <summary>Why the file as a whole is unusable; null when its rows can be read.</summary>
    public BestandProbleem? Probleem { get; }

    /// <summary>The encoding the text was decoded with (after BOM detection), for the import log.</summary>
    public Encoding? Codering => _lezer?.CurrentEncoding;

    public char Scheidingsteken { get; }

    /// <summary>Columns in the kopregel that are not ours and were skipped.</summary>
    public IReadOnlyList<string> GenegeerdeKolommen { get; } = [];

    internal static GeopendBestand MetProbleem(BestandProbleem probleem) => new(probleem);

    internal static GeopendBestand MetProbleem(BestandProbleemSoort soort, string melding) =>
        new(new BestandProbleem(soort, melding));

    internal static GeopendBestand Leesbaar(StreamReader lezer, CsvRecordLezer records, char scheidingsteken, KolomIndeling kolommen, RijValidator validator, CsvRecord eersteRecord) =>
        new(lezer, records, scheidingsteken, kolommen, validator, eersteRecord);

    /// <summary>
    /// Every data row with its profile or errors. Only one pass is possible, because the rows are
    /// never held in memory.
    /// </summary>
    public async IAsyncEnumerable<BestandRij> RijenAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        if (Probleem is not null || _records is null || _validator is null)
        {
            throw new InvalidOperationException("Dit bestand kan niet gelezen worden: " + Probleem?.Melding);
        }
        if (_gelezen)
        {
            throw new InvalidOperationException("De rijen van een bestand kunnen maar één keer gelezen worden.");
        }
        _gelezen = true;

        // The first data record was read ahead to tell a kopregel-only file from a real one.
        var record = _eersteRecord;
        _eersteRecord = null;
        while (record is not null)
        {
            yield return _validator.Valideer(record);
            record = await _records.LeesAsync(ct).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _records?.Dispose();
        _lezer?.Dispose();
    }
}
