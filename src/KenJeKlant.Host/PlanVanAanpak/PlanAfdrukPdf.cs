using KenJeKlant.Host.Infrastructuur.Afdruk;
using PdfSharp.Pdf;

namespace KenJeKlant.Host.PlanVanAanpak;

/// <summary>
/// The printable plan as a PDF (PDFsharp, decision 26): A4, the words of <see cref="PlanAfdruk"/>, lines wrapped
/// by measuring and a new page when one is full. <see cref="Lettertypen"/> must be installed first.
/// </summary>
public static class PlanAfdrukPdf
{
    public static byte[] Maak(PlanAfdruk afdruk)
    {
        ArgumentNullException.ThrowIfNull(afdruk);
        using var document = new PdfDocument();
        document.Info.Title = $"{PlanAfdruk.Titel} — {afdruk.KlantNaam}";
        document.Info.Author = "KenJeKlant";
        document.Info.Subject = $"Plan van aanpak, versie {afdruk.Plan.Versie}";
        var pagina = new PdfPagina(document);
        pagina.Tekst(PlanAfdruk.Titel, PdfPagina.Kop1);
        pagina.Wit(6);
        pagina.Tekst(afdruk.Aanhef, PdfPagina.Gewoon);
        pagina.Tekst(PlanAfdruk.Inleiding, PdfPagina.Gewoon);
        pagina.Wit(10);
        pagina.Tekst(PlanAfdruk.KopDoel, PdfPagina.Kop2);
        pagina.Tekst(afdruk.Plan.Doel, PdfPagina.Gewoon);
        pagina.Wit(10);
        pagina.Tekst(PlanAfdruk.KopAfspraken, PdfPagina.Kop2);
        if (afdruk.Plan.Afspraken.Count == 0) pagina.Tekst(PlanAfdruk.GeenAfspraken, PdfPagina.Gewoon);
        var nummer = 0;
        foreach (var afspraak in afdruk.Plan.Afspraken)
        {
            pagina.Wit(6);
            pagina.Tekst($"Afspraak {++nummer}", PdfPagina.Kop3);
            foreach (var (label, tekst) in PlanAfdruk.Regels(afspraak)) pagina.Regel(label, tekst);
        }
        pagina.Wit(12);
        pagina.Tekst(afdruk.Afsluiting, PdfPagina.Gewoon);
        pagina.Wit(12);
        pagina.Tekst(afdruk.Voetregel, PdfPagina.Klein);
        pagina.Sluit();
        using var stroom = new MemoryStream();
        document.Save(stroom, closeStream: false);
        return stroom.ToArray();
    }
}
