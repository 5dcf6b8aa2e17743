using System.Buffers;
using System.Text;

namespace KenJeKlant.Bestand;

/// <summary>
/// Decides how the bytes of an export are to be decoded. Benefits systems export either UTF-8
/// (with or without BOM) or Windows-1252. Without a BOM the only safe test is whether the whole
/// file is valid UTF-8: a 1252 file is almost never valid UTF-8 once it holds an é or ë, but the
/// first such name may be on the last line. So the file is scanned once in chunks (flat memory)
/// and the stream is put back where it was.
/// </summary>
internal static class CoderingDetectie
{
    private const int BlokGrootte = 64 * 1024;

    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static Encoding Windows1252 { get; } = LaadWindows1252();

    public static async Task<Encoding> BepaalAsync(Stream stream, Encoding? opgegeven, CancellationToken ct)
    {
        // A given encoding spares the scan, so a non-seekable stream is fine then.
        if (opgegeven is not null)
        {
            return opgegeven;
        }

        if (!stream.CanSeek)
        {
            throw new ArgumentException(
                "Zonder opgegeven codering moet de stream seekable zijn (bewaar de upload eerst in een tijdelijk bestand).",
                nameof(stream));
        }

        var begin = stream.Position;
        try
        {
            return await IsGeldigeUtf8Async(stream, ct).ConfigureAwait(false) ? Utf8 : Windows1252;
        }
        finally
        {
            stream.Position = begin;
        }
    }

    /// <summary>
    /// Streams the bytes through a strict UTF-8 decoder. A BOM (EF BB BF) is itself valid UTF-8, so
    /// a file with one lands here too; the StreamReader strips it later.
    /// </summary>
    private static async Task<bool> IsGeldigeUtf8Async(Stream stream, CancellationToken ct)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(BlokGrootte + 4);
        var tekens = ArrayPool<char>.Shared.Rent(BlokGrootte + 4);
        try
        {
            var overgebleven = 0;
            while (true)
            {
                var gelezen = await stream.ReadAsync(bytes.AsMemory(overgebleven, BlokGrootte), ct).ConfigureAwait(false);
                var beschikbaar = overgebleven + gelezen;
                var laatste = gelezen == 0;
                var status = System.Text.Unicode.Utf8.ToUtf16(
                    bytes.AsSpan(0, beschikbaar), tekens, out var verwerkt, out _,
                    replaceInvalidSequences: false, isFinalBlock: laatste);
                if (status == OperationStatus.InvalidData)
                {
                    return false;
                }
                if (laatste)
                {
                    return status == OperationStatus.Done;
                }

                // A multi-byte character split over two blocks: carry its first bytes to the next round.
                overgebleven = beschikbaar - verwerkt;
                bytes.AsSpan(verwerkt, overgebleven).CopyTo(bytes);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(tekens);
        }
    }

    // .NET ships only UTF/ASCII/Latin-1 by default; code page 1252 needs the provider registered once.
    private static Encoding LaadWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
