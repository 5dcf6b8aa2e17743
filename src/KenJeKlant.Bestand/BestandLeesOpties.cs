using System.Text;

namespace KenJeKlant.Bestand;

/// <summary>How to read one bestand file.</summary>
public sealed record BestandLeesOpties
{
    /// <summary>
    /// The day of the import. "In the future" and ages are judged against it rather than the clock,
    /// so a re-run of an old import gives the same result.
    /// </summary>
    public required DateOnly Importdatum { get; init; }

    /// <summary>
    /// Encoding the caller knows (e.g. the charset of the upload's Content-Type). It replaces the
    /// sniffing of the content; only a byte order mark still wins, because it cannot be wrong.
    /// With it set the stream need not be seekable.
    /// </summary>
    public Encoding? Codering { get; init; }

    /// <summary>
    /// The CBS codes of the gemeenten the dienst serves. With more than one, the <c>gemeente</c> column is required
    /// (a file without it is refused, a line without a code too); with any, a code not among them refuses the line.
    /// </summary>
    public IReadOnlyCollection<string> Gemeenten { get; init; } = [];
}
