using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace KenJeKlant.Host.Rapportages;

/// <summary>
/// A report as an Excel workbook for the raad: title and area on top, then each table with a bold header, numbers as
/// numbers (so they can be added up), hidden cells as the text "&lt; 5". Written with the Open XML SDK (decisions 35).
/// Text cells are inline strings, never formulas: nothing in the file can run.
/// </summary>
public static class RapportXlsx
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Maak(Rapport rapport)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var boek = doc.AddWorkbookPart();
            boek.Workbook = new Workbook();
            var stijlen = boek.AddNewPart<WorkbookStylesPart>();
            stijlen.Stylesheet = Stijlen();
            var blad = boek.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint rij = 0;
            void Regel(uint stijl, params object?[] waarden)
            {
                rij++;
                var r = new Row { RowIndex = rij };
                var kolom = 0;
                foreach (var w in waarden) r.Append(Cel(++kolom, rij, w, stijl));
                data.Append(r);
            }
            Regel(1, rapport.Titel);
            Regel(0, $"{rapport.Gebied} · {Periode(rapport)}");
            Regel(0, rapport.Toelichting);
            foreach (var tabel in rapport.Tabellen)
            {
                rij++;
                Regel(1, tabel.Titel);
                Regel(2, [tabel.Rijkop, .. tabel.Kolommen]);
                foreach (var r in tabel.Rijen)
                    Regel(0, [r.Label, .. r.Cellen.Select(c => c.Waarde is { } w && !c.Weergave.EndsWith('%') ? (object)w : c.Weergave)]);
            }
            blad.Worksheet = new Worksheet(new Columns(new Column { Min = 1, Max = 1, Width = 44, CustomWidth = true }, new Column { Min = 2, Max = 30, Width = 16, CustomWidth = true }), data);
            var bladen = boek.Workbook.AppendChild(new Sheets());
            bladen.Append(new Sheet { Id = boek.GetIdOfPart(blad), SheetId = 1, Name = "Rapportage" });
            boek.Workbook.Save();
        }
        return stream.ToArray();
    }

    public static string Periode(Rapport r) => r.Peildatum is { } p && r.Soort is "bestand" or "ladder"
        ? string.Create(Rapportcultuur.Nl, $"peildatum {p:d MMMM yyyy}")
        : string.Create(Rapportcultuur.Nl, $"{r.Van:d MMMM yyyy} tot en met {r.Tot:d MMMM yyyy}")
          + (r.Peildatum is { } q ? string.Create(Rapportcultuur.Nl, $", peildatum {q:d MMMM yyyy}") : "");

    private static Cell Cel(int kolom, uint rij, object? waarde, uint stijl)
    {
        var verwijzing = $"{Kolomletters(kolom)}{rij}";
        return waarde switch
        {
            decimal d => new Cell { CellReference = verwijzing, DataType = CellValues.Number, CellValue = new CellValue(d), StyleIndex = stijl },
            _ => new Cell { CellReference = verwijzing, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(waarde?.ToString() ?? "")), StyleIndex = stijl },
        };
    }

    private static string Kolomletters(int kolom)
    {
        var letters = "";
        for (; kolom > 0; kolom = (kolom - 1) / 26) letters = (char)('A' + (kolom - 1) % 26) + letters;
        return letters;
    }

    // 0 normal, 1 bold and larger (titles), 2 bold (table headers).
    private static Stylesheet Stijlen() => new(
        new Fonts(new Font(), new Font(new Bold(), new FontSize { Val = 13 }), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }, new CellFormat { FontId = 2, ApplyFont = true }));
}
