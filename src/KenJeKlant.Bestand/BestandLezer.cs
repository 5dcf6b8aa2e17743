namespace KenJeKlant.Bestand;

/// <summary>
/// Entry point for reading the gemeente's bestand export.
/// <para>
/// Encoding: a BOM decides (UTF-8, or UTF-16); otherwise <see cref="BestandLeesOpties.Codering"/> when
/// the caller gives one; otherwise the whole stream is scanned once and read as UTF-8 when it is valid
/// UTF-8, else as Windows-1252. That scan is why the stream must be seekable when no encoding is given:
/// spool an upload to a temporary file first. Memory stays flat either way: the scan and the reading
/// both work in fixed-size blocks.
/// </para>
/// </summary>
public static class BestandLezer
{
    private const int LeesBuffer = 64 * 1024;

    /// <summary>
    /// Reads the kopregel and the first row. The result carries a file-level
    /// <see cref="GeopendBestand.Probleem"/> or streams its rows. The stream is read from its current
    /// position and is not disposed.
    /// </summary>
    /// <exception cref="ArgumentException">No encoding given and the stream is not seekable.</exception>
    public static async Task<GeopendBestand> OpenAsync(Stream stream, BestandLeesOpties opties, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(opties);

        var codering = await CoderingDetectie.BepaalAsync(stream, opties.Codering, ct).ConfigureAwait(false);
        // detectEncodingFromByteOrderMarks: a BOM overrides even a caller-given encoding, because a
        // Content-Type charset is often just a client default while a BOM is written by the exporter.
        var lezer = new StreamReader(stream, codering, detectEncodingFromByteOrderMarks: true, LeesBuffer, leaveOpen: true);
        var records = new CsvRecordLezer(lezer);
        try
        {
            var bestand = await LeesKopAsync(lezer, records, opties, ct).ConfigureAwait(false);
            if (bestand.Probleem is not null)
            {
                records.Dispose();
                lezer.Dispose();
            }
            return bestand;
        }
        catch
        {
            records.Dispose();
            lezer.Dispose();
            throw;
        }
    }

    private static async Task<GeopendBestand> LeesKopAsync(StreamReader lezer, CsvRecordLezer records, BestandLeesOpties opties, CancellationToken ct)
    {
        var kop = await records.LeesAsync(ct).ConfigureAwait(false);
        if (kop is null)
        {
            return GeopendBestand.MetProbleem(BestandProbleemSoort.LeegBestand, "Het bestand is leeg.");
        }
        if (kop.Fout is not null)
        {
            return GeenKopregel();
        }
        if (records.Scheidingsteken is not { } scheidingsteken)
        {
            return await IsLeegAsync(records, kop, ct).ConfigureAwait(false)
                ? GeopendBestand.MetProbleem(BestandProbleemSoort.LeegBestand, "Het bestand is leeg.")
                : GeopendBestand.MetProbleem(BestandProbleemSoort.OnbekendScheidingsteken,
                    "Het scheidingsteken is niet herkend: de kopregel (regel 1) moet kolommen scheiden met ';' of ','.");
        }
        if (kop.Regel != 1)
        {
            return GeenKopregel();
        }

        var (kolommen, probleem) = KolomIndeling.Uit(kop.Velden, opties.Gemeenten.Count > 1 ? [BestandKolommen.Gemeente] : []);
        if (kolommen is null)
        {
            return GeopendBestand.MetProbleem(probleem!);
        }

        var eerste = await records.LeesAsync(ct).ConfigureAwait(false);
        if (eerste is null)
        {
            // A kopregel without clients is almost surely a failed export; importing it as "nobody has a
            // benefit any more" would be far worse than refusing it.
            return GeopendBestand.MetProbleem(BestandProbleemSoort.GeenRijen,
                "Het bestand bevat alleen een kopregel en geen klanten.");
        }

        return GeopendBestand.Leesbaar(lezer, records, scheidingsteken, kolommen, new RijValidator(kolommen, opties.Importdatum, opties.Gemeenten), eerste);
    }

    private static GeopendBestand GeenKopregel() =>
        GeopendBestand.MetProbleem(BestandProbleemSoort.GeenKopregel, "Regel 1 is geen bruikbare kopregel met kolomnamen.");

    /// <summary>
    /// True when every record is only whitespace: then there was no separator to find because there is
    /// no text, and "empty" is the clearer message. The records are used up: the file is refused either way.
    /// </summary>
    private static async Task<bool> IsLeegAsync(CsvRecordLezer records, CsvRecord eerste, CancellationToken ct)
    {
        for (var record = eerste; record is not null; record = await records.LeesAsync(ct).ConfigureAwait(false))
        {
            if (record.Fout is not null || record.Velden.Any(v => v.Any(c => !char.IsWhiteSpace(c) && c != '\uFEFF')))
            {
                return false;
            }
        }
        return true;
    }
}
