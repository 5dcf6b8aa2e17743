using System.Globalization;
using System.Text.Json;
using KenJeKlant.Host.Infrastructuur.Afdruk;
using PdfSharp.Pdf;

namespace KenJeKlant.Host.Inzage;

/// <summary>
/// The inzage as a PDF for the client: what each part is in plain Dutch, then its contents as label and value, the
/// processings last as one line each. Written from the JSON of the same document, so both hold exactly the same.
/// The fonts (PlanVanAanpak's <c>Lettertypen</c>) must be installed first.
/// </summary>
public static class InzagePdf
{
    private static readonly (string Veld, string Kop, string Uitleg)[] Delen =
    [
        ("dossier", "Uw gegevens en uw traject", "Wat wij van u weten uit het uitkeringssysteem, en wat wij met u hebben vastgelegd: indeling, trede op de participatieladder, route en herbeoordeling."),
        ("gesprekken", "Gesprekken", "De gesprekken die wij met u hebben gepland of gehouden, en wat daarin is vastgelegd."),
        ("plannenVanAanpak", "Plan van aanpak", "De doelen die wij samen met u hebben afgesproken."),
        ("afspraken", "Afspraken", "De afspraken uit het plan van aanpak: wie wat doet en wanneer."),
        ("handhavingssignalen", "Signalen over afspraken die niet zijn nagekomen", "Als u niet op een gesprek kwam, kijkt een medewerker wat er aan de hand is. Hier staan de stappen die zijn gezet."),
        ("rechtmatigheidssignalen", "Onderzoek naar het recht op uitkering", "Als er twijfel was over uw recht op uitkering, staat hier wat is onderzocht."),
        ("brieven", "Brieven", "De brieven die wij u hebben gestuurd of gaan sturen."),
    ];

    public static byte[] Maak(Inzagedocument document, JsonSerializerOptions json)
    {
        ArgumentNullException.ThrowIfNull(document);
        var boom = JsonSerializer.SerializeToElement(document, json);
        using var pdf = new PdfDocument();
        pdf.Info.Title = $"Inzage in uw gegevens — klantnummer {document.Klantnummer}";
        pdf.Info.Author = "KenJeKlant";
        var pagina = new PdfPagina(pdf);
        pagina.Tekst("Inzage in uw gegevens", PdfPagina.Kop1);
        pagina.Tekst($"Klantnummer {document.Klantnummer}. Opgesteld op {document.OpgesteldOp.ToString("d MMMM yyyy", Nl)}.", PdfPagina.Gewoon);
        pagina.Tekst("U vroeg welke gegevens wij over u hebben en wie die heeft gebruikt (artikel 15 van de AVG). Hieronder staat alles wat in KenJeKlant over u is vastgelegd, en daarna elke keer dat iemand uw gegevens heeft bekeken of gewijzigd.", PdfPagina.Gewoon);
        foreach (var (veld, kop, uitleg) in Delen)
        {
            pagina.Wit(10);
            pagina.Tekst(kop, PdfPagina.Kop2);
            pagina.Tekst(uitleg, PdfPagina.Klein);
            var deel = boom.GetProperty(veld);
            if (deel.ValueKind == JsonValueKind.Array && deel.GetArrayLength() == 0) pagina.Tekst("Niets vastgelegd.", PdfPagina.Gewoon);
            else Schrijf(pagina, deel, "");
        }
        pagina.Wit(10);
        pagina.Tekst("Wie uw gegevens heeft gebruikt", PdfPagina.Kop2);
        pagina.Tekst("Elke keer dat een medewerker uw gegevens bekeek of wijzigde: wanneer, waarvoor en in welke rol.", PdfPagina.Klein);
        if (document.Verwerkingen.Count == 0) pagina.Tekst("Niets vastgelegd.", PdfPagina.Gewoon);
        foreach (var v in document.Verwerkingen)
            pagina.Tekst($"{v.Tijdstip.ToLocalTime().ToString("dd-MM-yyyy HH:mm", Nl)} — {v.Handeling} ({v.Actie}) — {v.Activiteit ?? "overig"} [{v.ActiviteitId ?? "-"}] — rol {v.Rol}"
                + (v.Medewerker is { } m ? $" — {m}" : "") + (v.Resultaat >= 400 ? " — geweigerd" : ""), PdfPagina.Klein);
        pagina.Sluit();
        using var stroom = new MemoryStream();
        pdf.Save(stroom);
        return stroom.ToArray();
    }

    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    // Objects as "label: value" lines, lists item by item; labels from the JSON names in words ("verzendOp" → "verzend op").
    private static void Schrijf(PdfPagina pagina, JsonElement e, string label)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                if (label.Length > 0) pagina.Tekst(label, PdfPagina.Kop3);
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Value.ValueKind is JsonValueKind.Null) continue;
                    if (p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array) Schrijf(pagina, p.Value, Woorden(p.Name));
                    else pagina.Regel(Woorden(p.Name), p.Value.ToString());
                }
                break;
            case JsonValueKind.Array:
                var n = 0;
                foreach (var item in e.EnumerateArray()) Schrijf(pagina, item, $"{(label.Length > 0 ? label : "Onderdeel")} {++n}");
                break;
            case JsonValueKind.Null:
                break;
            default:
                pagina.Regel(label.Length > 0 ? label : "waarde", e.ToString());
                break;
        }
    }

    private static string Woorden(string naam) =>
        string.Concat(naam.Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : c.ToString()));
}
