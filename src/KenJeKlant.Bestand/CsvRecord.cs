namespace KenJeKlant.Bestand;

/// <summary>One RFC 4180 record: its fields and the physical line it starts on.</summary>
/// <param name="Regel">1-based line of the record's first character.</param>
/// <param name="Velden">Field values, quotes removed and doubled quotes undone.</param>
/// <param name="Fout">A structural problem (open quote, record too long), or null.</param>
internal sealed record CsvRecord(int Regel, IReadOnlyList<string> Velden, string? Fout);
