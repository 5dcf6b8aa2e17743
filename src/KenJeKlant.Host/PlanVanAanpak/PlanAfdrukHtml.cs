using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace KenJeKlant.Host.PlanVanAanpak;

/// <summary>
/// The printable plan as HTML. Its style is a file of the dashboards (<c>/css/afdruk.css</c>): the host's
/// Content-Security-Policy refuses inline style, and every text is encoded (a name can never become markup).
/// </summary>
public static class PlanAfdrukHtml
{
    public static string Maak(PlanAfdruk afdruk)
    {
        ArgumentNullException.ThrowIfNull(afdruk);
        var h = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="nl">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{h.Encode(PlanAfdruk.Titel)}} — {{h.Encode(afdruk.KlantNaam)}}</title>
            <link rel="stylesheet" href="/css/afdruk.css"></head>
            <body>
            <main>
            <h1>{{h.Encode(PlanAfdruk.Titel)}}</h1>
            <p>{{h.Encode(afdruk.Aanhef)}}</p>
            <p>{{h.Encode(PlanAfdruk.Inleiding)}}</p>
            <h2>{{h.Encode(PlanAfdruk.KopDoel)}}</h2>
            <p class="doel">{{h.Encode(afdruk.Plan.Doel)}}</p>
            <h2>{{h.Encode(PlanAfdruk.KopAfspraken)}}</h2>
            """);
        if (afdruk.Plan.Afspraken.Count == 0) html.Append(CultureInfo.InvariantCulture, $"<p>{h.Encode(PlanAfdruk.GeenAfspraken)}</p>\n");
        var nummer = 0;
        foreach (var afspraak in afdruk.Plan.Afspraken)
        {
            nummer++;
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"afspraak\" aria-label=\"Afspraak {nummer}\">\n<h3>Afspraak {nummer}</h3>\n<dl>\n");
            foreach (var (label, tekst) in PlanAfdruk.Regels(afspraak))
                html.Append(CultureInfo.InvariantCulture, $"<dt>{h.Encode(label)}</dt><dd>{h.Encode(tekst)}</dd>\n");
            html.Append("</dl>\n</section>\n");
        }
        html.Append(CultureInfo.InvariantCulture, $$"""
            <p>{{h.Encode(afdruk.Afsluiting)}}</p>
            <p class="voet">{{h.Encode(afdruk.Voetregel)}}</p>
            </main>
            </body></html>
            """);
        return html.ToString();
    }
}
