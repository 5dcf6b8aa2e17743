using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace KenJeKlant.Host.Rapportages;

/// <summary>
/// A report as a printable page, a chapter for the jaarverslag: a heading, what it shows in plain Dutch, and for each
/// table a chart (inline SVG: no script, so the strict Content-Security-Policy holds) with the table beside it, which
/// carries the same numbers for those who cannot see the chart. Styles come from /css/rapportage.css.
/// </summary>
public static class RapportAfdruk
{
    public static string Html(Rapport rapport)
    {
        var h = HtmlEncoder.Default;
        var b = new StringBuilder();
        b.Append(Rapportcultuur.Nl, $$"""
            <!DOCTYPE html>
            <html lang="nl">
            <head><meta charset="utf-8"><title>{{h.Encode(rapport.Titel)}} — {{h.Encode(rapport.Gebied)}}</title>
            <link rel="stylesheet" href="/css/rapportage.css"></head>
            <body><main>
            <h1>{{h.Encode(rapport.Titel)}}</h1>
            <p class="gebied">{{h.Encode(rapport.Gebied)}} · {{h.Encode(RapportXlsx.Periode(rapport))}}</p>
            <p>{{h.Encode(rapport.Toelichting)}}</p>
            """);
        var n = 0;
        foreach (var tabel in rapport.Tabellen)
        {
            n++;
            b.Append("<section class=\"tabel\">\n<h2 id=\"t").Append(n).Append("\">").Append(h.Encode(tabel.Titel)).Append("</h2>\n");
            if (tabel.Toelichting is { } t) b.Append("<p>").Append(h.Encode(t)).Append("</p>\n");
            b.Append("<div class=\"naast\">");
            b.Append(Grafiek(tabel, n));
            b.Append("<table aria-labelledby=\"t").Append(n).Append("\"><thead><tr><th scope=\"col\">").Append(h.Encode(tabel.Rijkop)).Append("</th>");
            foreach (var k in tabel.Kolommen) b.Append("<th scope=\"col\">").Append(h.Encode(k)).Append("</th>");
            b.Append("</tr></thead><tbody>\n");
            foreach (var r in tabel.Rijen)
            {
                b.Append("<tr><th scope=\"row\">").Append(h.Encode(r.Label)).Append("</th>");
                foreach (var c in r.Cellen) b.Append("<td>").Append(h.Encode(c.Weergave)).Append("</td>");
                b.Append("</tr>\n");
            }
            b.Append("</tbody></table></div>\n</section>\n");
        }
        b.Append(Rapportcultuur.Nl, $"<p class=\"voet\">Aantallen van 1 tot en met 4 staan er als \"&lt; {Celbeveiliging.Drempel}\", en waar een totaal zo'n aantal zou verraden is ook een tweede cel verborgen: niemand is in deze cijfers te herkennen. Bron: KenJeKlant, peildata van het bestand.</p>\n");
        b.Append("</main></body></html>\n");
        return b.ToString();
    }

    // Bars for the first column (without the total row), or a line through the last column over the rows (a trend).
    private static string Grafiek(Tabel tabel, int n)
    {
        if (tabel.Grafiek == "geen" || tabel.Kolommen.Count == 0) return "";
        var rijen = tabel.Rijen.Where(r => r.Label != "Totaal").ToList();
        if (rijen.Count == 0) return "";
        var kolom = tabel.Grafiek == "lijn" ? tabel.Kolommen.Count - 1 : 0;
        var waarden = rijen.Select(r => r.Cellen[kolom].Waarde).ToList();
        var max = Math.Max(1m, waarden.Max(w => w ?? 0m));
        var h = HtmlEncoder.Default;
        var b = new StringBuilder();
        const int breedte = 360, rijHoogte = 22, links = 150;
        if (tabel.Grafiek == "lijn")
        {
            var hoogte = 160;
            b.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-labelledby=\"t{n}\" viewBox=\"0 0 {breedte} {hoogte + 20}\" width=\"{breedte}\" height=\"{hoogte + 20}\">");
            var stap = rijen.Count > 1 ? (breedte - 20m) / (rijen.Count - 1) : 0;
            var punten = waarden.Select((w, i) => w is { } v ? string.Create(CultureInfo.InvariantCulture, $"{10 + stap * i:0.#},{hoogte - v / max * (hoogte - 10):0.#}") : null).Where(p => p is not null);
            b.Append("<polyline fill=\"none\" stroke=\"#1a4d8f\" stroke-width=\"2\" points=\"").Append(string.Join(' ', punten)).Append("\"/>");
            b.Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"{hoogte + 16}\" font-size=\"11\">{h.Encode(rijen[0].Label)}</text>");
            b.Append(CultureInfo.InvariantCulture, $"<text x=\"{breedte - 10}\" y=\"{hoogte + 16}\" font-size=\"11\" text-anchor=\"end\">{h.Encode(rijen[^1].Label)}</text>");
            return b.Append("</svg>").ToString();
        }
        b.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-labelledby=\"t{n}\" viewBox=\"0 0 {breedte + links} {rijen.Count * rijHoogte}\" width=\"{breedte + links}\" height=\"{rijen.Count * rijHoogte}\">");
        for (var i = 0; i < rijen.Count; i++)
        {
            var w = waarden[i] ?? 0m;
            var lengte = w / max * (breedte - 60);
            b.Append(CultureInfo.InvariantCulture, $"<text x=\"{links - 6}\" y=\"{i * rijHoogte + 15}\" font-size=\"11\" text-anchor=\"end\">{h.Encode(rijen[i].Label)}</text>");
            b.Append(CultureInfo.InvariantCulture, $"<rect x=\"{links}\" y=\"{i * rijHoogte + 3}\" width=\"{lengte:0.#}\" height=\"{rijHoogte - 6}\" fill=\"#1a4d8f\"/>");
            b.Append(CultureInfo.InvariantCulture, $"<text x=\"{links + lengte + 4:0.#}\" y=\"{i * rijHoogte + 15}\" font-size=\"11\">{h.Encode(rijen[i].Cellen[kolom].Weergave)}</text>");
        }
        return b.Append("</svg>").ToString();
    }
}
