using KenJeKlant.Host.PlanVanAanpak;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace KenJeKlant.Host.Infrastructuur.Afdruk;

/// <summary>
/// Where the next line goes on an A4 PDF (PDFsharp): a cursor down the page, a new page when the bottom is reached,
/// lines wrapped by measuring. For every printout (plan van aanpak, handhaving letters); <see cref="Lettertypen"/> must be installed first.
/// </summary>
public sealed class PdfPagina(PdfDocument document)
{
    public static readonly XFont Kop1 = new(Lettertypen.Familie, 18, XFontStyleEx.Bold);
    public static readonly XFont Kop2 = new(Lettertypen.Familie, 14, XFontStyleEx.Bold);
    public static readonly XFont Kop3 = new(Lettertypen.Familie, 12, XFontStyleEx.Bold);
    public static readonly XFont Gewoon = new(Lettertypen.Familie, 12, XFontStyleEx.Regular);
    public static readonly XFont Klein = new(Lettertypen.Familie, 9, XFontStyleEx.Regular);
    private static readonly XFont Label = new(Lettertypen.Familie, 12, XFontStyleEx.Bold);
    private const double Marge = 60, LabelBreedte = 120;

    private XGraphics? _gfx;
    private PdfPage? _pagina;
    private double _y;

    private double Breedte
    {
        get
        {
            Zorg(0);
            return _pagina!.Width.Point - 2 * Marge;
        }
    }

    public void Tekst(string tekst, XFont font) => Schrijf(tekst, font, Marge, Breedte);

    /// <summary>A label on the left and its text beside it, wrapped in its own column.</summary>
    public void Regel(string label, string tekst)
    {
        Zorg(Label.GetHeight());
        var y = _y;
        _gfx!.DrawString(label + ":", Label, XBrushes.Black, new XPoint(Marge, y), XStringFormats.TopLeft);
        _y = y;
        Schrijf(tekst, Gewoon, Marge + LabelBreedte, Breedte - LabelBreedte);
    }

    public void Wit(double punten) => _y += punten;

    public void Sluit() => _gfx?.Dispose();

    private void Schrijf(string tekst, XFont font, double x, double breedte)
    {
        var hoogte = font.GetHeight() * 1.2;
        foreach (var regel in Breek(tekst, font, breedte))
        {
            Zorg(hoogte);
            _gfx!.DrawString(regel, font, XBrushes.Black, new XPoint(x, _y), XStringFormats.TopLeft);
            _y += hoogte;
        }
    }

    /// <summary>Words onto lines no wider than <paramref name="breedte"/> (a word longer than a line gets a line of its own).</summary>
    private IEnumerable<string> Breek(string tekst, XFont font, double breedte)
    {
        Zorg(0);
        foreach (var alinea in tekst.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var regel = "";
            foreach (var woord in alinea.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var langer = regel.Length == 0 ? woord : regel + " " + woord;
                if (regel.Length > 0 && _gfx!.MeasureString(langer, font).Width > breedte)
                {
                    yield return regel;
                    regel = woord;
                }
                else regel = langer;
            }
            yield return regel;
        }
    }

    /// <summary>Room for <paramref name="hoogte"/> more on this page, or a new page.</summary>
    private void Zorg(double hoogte)
    {
        if (_pagina is not null && _y + hoogte <= _pagina.Height.Point - Marge) return;
        _gfx?.Dispose();
        _pagina = document.AddPage();
        _pagina.Size = PdfSharp.PageSize.A4;
        _gfx = XGraphics.FromPdfPage(_pagina);
        _y = Marge;
    }
}
