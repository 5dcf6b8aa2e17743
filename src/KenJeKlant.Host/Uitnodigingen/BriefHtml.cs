using KenJeKlant.Host.Campagnes;
using System.Globalization;
using System.Text.Encodings.Web;
using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Gemeenten;
using KenJeKlant.Grains.Campagnes;

namespace KenJeKlant.Host.Uitnodigingen;

/// <summary>
/// A letter in plain Dutch (B1): short sentences, what, when, where, what to do if you cannot come.
/// A re-integratie invitation says so; it is not a rechtmatigheidsonderzoek and does not read like one.
/// </summary>
public static class BriefHtml
{
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    /// <param name="gemeente">The gemeente the letter is sent for: its name and return address head the letter and sign it.</param>
    public static string Maak(BriefRegel brief, TimeZoneInfo zone, Gemeente? gemeente = null)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var start = TimeZoneInfo.ConvertTime(brief.GesprekStart, zone);
        var eind = TimeZoneInfo.ConvertTime(brief.GesprekEind, zone);
        var datum = start.ToString("dddd d MMMM yyyy", Nl);
        var tijd = $"{start.ToString("HH:mm", Nl)} tot {eind.ToString("HH:mm", Nl)} uur";
        var h = HtmlEncoder.Default;
        var waar = brief.Vorm switch
        {
            GesprekVorm.Huisbezoek => "bij u thuis",
            GesprekVorm.Telefonisch => "aan de telefoon: wij bellen u",
            GesprekVorm.Video => "in een videogesprek: u krijgt de link van uw klantmanager",
            _ => string.IsNullOrWhiteSpace(brief.Locatie) ? "op het kantoor van de gemeente" : brief.Locatie,
        };
        var (onderwerp, inhoud) = brief.Soort switch
        {
            BerichtSoort.Herinnering => ("Herinnering: uw gesprek met de gemeente", $"""
                <p>Wij willen u herinneren aan uw gesprek met de gemeente.</p>
                <p><strong>Datum:</strong> {h.Encode(datum)}<br><strong>Tijd:</strong> {h.Encode(tijd)}<br>
                <strong>Met:</strong> {h.Encode(brief.KlantmanagerNaam)}, uw klantmanager</p>
                <p>Kunt u niet komen? Bel ons dan zo snel mogelijk. Dan maken we een nieuwe afspraak.</p>
                """),
            BerichtSoort.Verzetting => ("Uw gesprek met de gemeente is verplaatst", $"""
                <p>Uw gesprek met de gemeente is naar een ander moment verplaatst. Dit is het nieuwe moment:</p>
                <p><strong>Datum:</strong> {h.Encode(datum)}<br><strong>Tijd:</strong> {h.Encode(tijd)}<br>
                <strong>Waar:</strong> {h.Encode(waar)}<br><strong>Met:</strong> {h.Encode(brief.KlantmanagerNaam)}, uw klantmanager</p>
                <p>Het oude moment vervalt. U hoeft daarvoor niets te doen.</p>
                <p>Kunt u ook op dit moment niet? Bel ons dan zo snel mogelijk.</p>
                """),
            BerichtSoort.Annulering => ("Uw gesprek met de gemeente gaat niet door", $"""
                <p>U had een uitnodiging voor een gesprek op {h.Encode(datum)} om {h.Encode(start.ToString("HH:mm", Nl))} uur.</p>
                <p><strong>Dit gesprek gaat niet door.</strong> U hoeft niet te komen. U hoeft niets te doen.</p>
                <p>Heeft u vragen? Bel dan uw klantmanager, {h.Encode(brief.KlantmanagerNaam)}.</p>
                """),
            _ => ("Uitnodiging: gesprek over werk en meedoen", $"""
                <p>Wij nodigen u uit voor een gesprek met uw klantmanager. We praten over wat u kunt en wilt.
                Over werk, over meedoen in de wijk, en over wat u daarbij nodig heeft. Ook andere dingen die
                belangrijk voor u zijn, kunt u bespreken: bijvoorbeeld gezondheid, schulden of uw gezin.</p>
                <p><strong>Datum:</strong> {h.Encode(datum)}<br><strong>Tijd:</strong> {h.Encode(tijd)}<br>
                <strong>Waar:</strong> {h.Encode(waar)}<br><strong>Met:</strong> {h.Encode(brief.KlantmanagerNaam)}, uw klantmanager</p>
                <p>Neem uw identiteitsbewijs mee.</p>
                <p><strong>Kunt u niet komen?</strong> Bel ons dan vóór het gesprek. Dan maken we samen een nieuwe afspraak.
                Bent u ziek of is er iets dringends? Laat het ons dan ook weten.</p>
                <p>U krijgt een bijstandsuitkering. Daarom bent u verplicht om mee te werken aan dit gesprek
                (artikel 9 van de Participatiewet). Het gesprek gaat over uw kansen op werk en meedoen.</p>
                """),
        };
        return $$"""
            <!DOCTYPE html>
            <html lang="nl">
            <head><meta charset="utf-8"><title>{{h.Encode(onderwerp)}}</title>
            <style>body{font-family:Arial,sans-serif;font-size:12pt;line-height:1.5;max-width:42em;margin:2em auto;color:#000}
            .adres{margin-bottom:3em}.kenmerk{font-size:10pt;color:#333}@media print{ body{margin:0} }</style></head>
            <body>
            {{Afzender(gemeente)}}
            <div class="adres">{{h.Encode(brief.Naam)}}<br>{{h.Encode(brief.Postcode)}}</div>
            <p class="kenmerk">Klantnummer: {{h.Encode(brief.Klantnummer)}} · Kenmerk: {{h.Encode(brief.Id.ToString())}} · {{h.Encode(brief.CampagneNaam)}}</p>
            <h1 style="font-size:14pt">{{h.Encode(onderwerp)}}</h1>
            <p>Beste {{h.Encode(brief.Naam)}},</p>
            {{inhoud}}
            <p>Met vriendelijke groet,<br>{{h.Encode(brief.KlantmanagerNaam)}}<br>Klantmanager Werk en Inkomen{{(gemeente is null ? "" : ", gemeente " + h.Encode(gemeente.Naam))}}</p>
            </body></html>
            """;
    }

    /// <summary>The sender above the address: the gemeente's name and, when configured, its return address.</summary>
    public static string Afzender(Gemeente? gemeente)
    {
        if (gemeente is null) return "";
        var h = HtmlEncoder.Default;
        var retour = gemeente.Retouradres is { } adres ? $"<br><span class=\"kenmerk\">Retouradres: {h.Encode(adres)}</span>" : "";
        return $"<p class=\"afzender\"><strong>Gemeente {h.Encode(gemeente.Naam)}</strong>{retour}</p>";
    }
}
