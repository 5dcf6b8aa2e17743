using System.Globalization;
using System.Text.Encodings.Web;
using KenJeKlant.Abstractions.Rechtmatigheid;

namespace KenJeKlant.Host.Rechtmatigheid;

/// <summary>
/// The oproep to be heard about the right to benefit (art. 17 inlichtingenplicht, art. 54 Participatiewet) in plain
/// Dutch (B1). It says what it is about and is not a re-integratie invitation (art. 9/18): its own words, its own kind.
/// </summary>
public static class RechtmatigheidsoproepHtml
{
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    /// <param name="gemeente">The gemeente the oproep is sent for: its name and return address head the letter.</param>
    public static string Maak(Rechtmatigheidszaak zaak, string naam, string postcode, TimeZoneInfo zone, Abstractions.Gemeenten.Gemeente? gemeente = null)
    {
        ArgumentNullException.ThrowIfNull(zaak);
        var horen = zaak.Horen ?? throw new ArgumentException("Dit signaal heeft geen oproep.", nameof(zaak));
        var moment = TimeZoneInfo.ConvertTime(horen.Moment, zone);
        var h = HtmlEncoder.Default;
        const string titel = "Oproep: gesprek over uw recht op bijstand";
        return $$"""
            <!DOCTYPE html>
            <html lang="nl">
            <head><meta charset="utf-8"><title>{{titel}}</title>
            <style>body{font-family:Arial,sans-serif;font-size:12pt;line-height:1.5;max-width:42em;margin:2em auto;color:#000}
            .adres{margin-bottom:3em}.kenmerk{font-size:10pt;color:#333}h1{font-size:14pt}@media print{ body{margin:0} }</style></head>
            <body>
            {{Uitnodigingen.BriefHtml.Afzender(gemeente)}}
            <div class="adres">{{h.Encode(naam)}}<br>{{h.Encode(postcode)}}</div>
            <p class="kenmerk">Datum: {{h.Encode(horen.Stap.Tijdstip.ToString("d MMMM yyyy", Nl))}} · Klantnummer: {{h.Encode(zaak.Klantnummer)}} · Kenmerk: {{h.Encode(horen.OproepBriefId.ToString())}}</p>
            <h1>{{titel}}</h1>
            <p>Beste {{h.Encode(naam)}},</p>
            <p>Wij willen met u praten over uw bijstandsuitkering. Wij hebben vragen over: <strong>{{h.Encode(zaak.Aanleiding)}}</strong>.
            Wij willen weten of u nog recht heeft op uw uitkering, en of dat recht klopt zoals het nu is.</p>
            <p><strong>Datum:</strong> {{h.Encode(moment.ToString("dddd d MMMM yyyy", Nl))}}<br>
            <strong>Tijd:</strong> {{h.Encode(moment.ToString("HH:mm", Nl))}} uur<br>
            <strong>Waar:</strong> {{h.Encode(horen.Locatie)}}</p>
            <p>In dit gesprek vertellen wij u wat wij weten. U krijgt de kans om uw kant te vertellen. Neem uw identiteitsbewijs mee,
            en papieren die over deze vragen gaan (bijvoorbeeld bankafschriften of loonstroken).</p>
            <p><strong>Waarom moet u komen?</strong> U krijgt een bijstandsuitkering. Daarom moet u ons alles vertellen wat belangrijk
            kan zijn voor uw uitkering (artikel 17 van de Participatiewet). De gemeente mag daarom onderzoek doen en u oproepen
            (artikel 54 van de Participatiewet). Dit gesprek gaat niet over werk of meedoen.</p>
            <p><strong>Kunt u niet komen?</strong> Bel ons dan vóór het gesprek. Dan maken we een nieuwe afspraak.</p>
            <p>Na het gesprek hoort u van ons wat er verder gebeurt. Dit is nog geen besluit.</p>
            <p>Met vriendelijke groet,<br>{{h.Encode(horen.Stap.Door)}}<br>Team Handhaving Werk en Inkomen</p>
            </body></html>
            """;
    }
}
