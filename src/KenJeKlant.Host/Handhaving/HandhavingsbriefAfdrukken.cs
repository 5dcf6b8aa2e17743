using System.Text;
using System.Text.Encodings.Web;
using KenJeKlant.Host.Infrastructuur.Afdruk;
using KenJeKlant.Host.PlanVanAanpak;
using Microsoft.Extensions.Options;
using PdfSharp.Pdf;

namespace KenJeKlant.Host.Handhaving;

/// <summary>A handhaving letter as printable HTML and as PDF (PDFsharp), both from <see cref="HandhavingsbriefTekst"/>.</summary>
public sealed class HandhavingsbriefAfdrukken(IOptions<AfdrukInstellingen> instellingen)
{
    public static string Html(HandhavingsbriefAfdruk afdruk)
    {
        ArgumentNullException.ThrowIfNull(afdruk);
        var t = HandhavingsbriefTekst.Maak(afdruk);
        var h = HtmlEncoder.Default;
        var delen = new StringBuilder();
        foreach (var deel in t.Delen)
        {
            if (deel.Kop is { } kop) delen.Append("<h2>").Append(h.Encode(kop)).Append("</h2>\n");
            foreach (var alinea in deel.Alineas) delen.Append("<p>").Append(h.Encode(alinea)).Append("</p>\n");
        }
        return $$"""
            <!DOCTYPE html>
            <html lang="nl">
            <head><meta charset="utf-8"><title>{{h.Encode(t.Titel)}}</title>
            <style>body{font-family:Arial,sans-serif;font-size:12pt;line-height:1.5;max-width:42em;margin:2em auto;color:#000}
            .adres{margin-bottom:3em}.kenmerk{font-size:10pt;color:#333}h1{font-size:14pt}h2{font-size:12pt;margin-bottom:0}
            .groet{white-space:pre-line}@media print{ body{margin:0} }</style></head>
            <body>
            {{Uitnodigingen.BriefHtml.Afzender(afdruk.Gemeente)}}
            <div class="adres">{{h.Encode(afdruk.Naam)}}<br>{{h.Encode(afdruk.Postcode)}}</div>
            <p class="kenmerk">{{h.Encode(t.Kenmerk)}}</p>
            <h1>{{h.Encode(t.Titel)}}</h1>
            <p>{{h.Encode(t.Aanhef)}}</p>
            {{delen}}
            <p class="groet">{{h.Encode(t.Afsluiting)}}</p>
            </body></html>
            """;
    }

    public byte[] Pdf(HandhavingsbriefAfdruk afdruk)
    {
        ArgumentNullException.ThrowIfNull(afdruk);
        Lettertypen.Installeer(instellingen.Value);
        var t = HandhavingsbriefTekst.Maak(afdruk);
        using var document = new PdfDocument();
        document.Info.Title = t.Titel;
        document.Info.Author = "KenJeKlant";
        document.Info.Subject = t.Kenmerk;
        var pagina = new PdfPagina(document);
        if (afdruk.Gemeente is { } gemeente)
        {
            pagina.Tekst($"Gemeente {gemeente.Naam}", PdfPagina.Gewoon);
            if (gemeente.Retouradres is { } retour) pagina.Tekst($"Retouradres: {retour}", PdfPagina.Klein);
            pagina.Wit(12);
        }
        pagina.Tekst($"{afdruk.Naam}\n{afdruk.Postcode}", PdfPagina.Gewoon);
        pagina.Wit(24);
        pagina.Tekst(t.Kenmerk, PdfPagina.Klein);
        pagina.Wit(12);
        pagina.Tekst(t.Titel, PdfPagina.Kop2);
        pagina.Wit(6);
        pagina.Tekst(t.Aanhef, PdfPagina.Gewoon);
        foreach (var deel in t.Delen)
        {
            pagina.Wit(8);
            if (deel.Kop is { } kop) pagina.Tekst(kop, PdfPagina.Kop3);
            foreach (var alinea in deel.Alineas)
            {
                pagina.Tekst(alinea, PdfPagina.Gewoon);
                pagina.Wit(4);
            }
        }
        pagina.Wit(12);
        pagina.Tekst(t.Afsluiting, PdfPagina.Gewoon);
        pagina.Sluit();
        using var stroom = new MemoryStream();
        document.Save(stroom, closeStream: false);
        return stroom.ToArray();
    }
}
