using KenJeKlant.Abstractions.Campagnes;

namespace KenJeKlant.Grains.Campagnes;

/// <summary>What makes a campaign set-up, a status change and a gesprek outcome acceptable; each problem in plain Dutch, with the field it is about.</summary>
public static class CampagneRegels
{
    public static IReadOnlyList<Veldfout> Controleer(CampagneDefinitie d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var fouten = new List<Veldfout>();
        if (string.IsNullOrWhiteSpace(d.Naam)) fouten.Add(new("naam", "Geef de campagne een naam."));
        if (d.PeriodeTot < d.PeriodeVan) fouten.Add(new("periodeTot", "De periode eindigt voordat ze begint."));
        var c = d.Capaciteit;
        if (c.GesprekkenPerDag is < 1 or > 16) fouten.Add(new("capaciteit.gesprekkenPerDag", "Gesprekken per dag ligt tussen 1 en 16."));
        if (c.SlotMinuten is < 10 or > 240) fouten.Add(new("capaciteit.slotMinuten", "Een gesprek duurt tussen 10 en 240 minuten."));
        if (c.Eindtijd <= c.Begintijd) fouten.Add(new("capaciteit.eindtijd", "De eindtijd van de werkdag ligt na de begintijd."));
        else if ((c.Eindtijd - c.Begintijd).TotalMinutes < c.SlotMinuten) fouten.Add(new("capaciteit.slotMinuten", "Op een werkdag past geen enkel gesprek."));
        if (c.Werkdagen.Count == 0) fouten.Add(new("capaciteit.werkdagen", "Kies ten minste één werkdag."));
        foreach (var km in c.PerKlantmanager)
        {
            if (string.IsNullOrWhiteSpace(km.Klantmanager)) fouten.Add(new("capaciteit.perKlantmanager", "Een uitzondering op de capaciteit noemt geen klantmanager."));
            if (km.GesprekkenPerDag is < 1 or > 16) fouten.Add(new("capaciteit.perKlantmanager", $"Gesprekken per dag voor {km.Klantmanager} ligt tussen 1 en 16 (wie er niet is, krijgt een afwezigheid)."));
            if (km.Afwezig.Any(a => a.Tot < a.Van)) fouten.Add(new("capaciteit.perKlantmanager", $"Een afwezigheid van {km.Klantmanager} eindigt voordat ze begint."));
        }
        if (d.UitnodigingDagenVooraf is < 1 or > 60) fouten.Add(new("uitnodigingDagenVooraf", "De uitnodiging gaat 1 tot 60 dagen voor het gesprek uit."));
        if (d.HerinneringDagenVooraf < 0 || d.HerinneringDagenVooraf >= d.UitnodigingDagenVooraf)
            fouten.Add(new("herinneringDagenVooraf", "De herinnering gaat uit na de uitnodiging en niet na het gesprek (0 = geen herinnering)."));
        if (d.NietVerschenen.SignaalNaAantal < 1) fouten.Add(new("nietVerschenen.signaalNaAantal", "Een handhavingssignaal volgt op ten minste één keer niet verschijnen zonder reden."));
        if (d.NietVerschenen.MaximaalUitnodigingen < 1) fouten.Add(new("nietVerschenen.maximaalUitnodigingen", "Een klant krijgt ten minste één uitnodiging."));
        return fouten;
    }

    /// <summary>The outcome's own consistency; the klant grain checks it against the trajectory.</summary>
    public static IReadOnlyList<Veldfout> Controleer(GesprekUitkomst u)
    {
        ArgumentNullException.ThrowIfNull(u);
        var fouten = new List<Veldfout>();
        if (string.IsNullOrWhiteSpace(u.Door)) fouten.Add(new("door", "Vermeld wie de uitkomst vastlegt."));
        if (u.Verschenen)
        {
            if (u.Afwezigheid is not null) fouten.Add(new("afwezigheid", "Een reden van afwezigheid hoort niet bij een gehouden gesprek."));
            if (u.Indeling is null) fouten.Add(new("indeling", "Een participatiegesprek eindigt met een indeling: kies zonder afstand, overbrugbare of onoverbrugbare afstand."));
            if (u.OntheffingTot is not null && string.IsNullOrWhiteSpace(u.OntheffingGrond)) fouten.Add(new("ontheffingGrond", "Vermeld de grond van de ontheffing."));
            if (u.OntheffingTot is null && !string.IsNullOrWhiteSpace(u.OntheffingGrond)) fouten.Add(new("ontheffingTot", "Een ontheffing is altijd tijdelijk: vermeld de einddatum."));
            if (u.UitstroomReden is not null && u.OntheffingTot is not null) fouten.Add(new("ontheffingTot", "Een beëindigde uitkering krijgt geen ontheffing."));
        }
        else
        {
            if (u.Afwezigheid is null) fouten.Add(new("afwezigheid", "Vermeld waarom de klant niet verscheen: afgemeld, dringende reden, geen reden of uitnodiging niet bezorgd."));
            if (u.Indeling is not null || u.Trede is not null || u.Route is not null || u.OntheffingTot is not null || u.UitstroomReden is not null)
                fouten.Add(new("verschenen", "Een indeling, trede, route, ontheffing of uitstroom volgt alleen uit een gehouden gesprek."));
        }
        return fouten;
    }

    /// <summary>Why a campaign that is <paramref name="huidig"/> cannot do <paramref name="actie"/>; null when it can.</summary>
    public static string? WeigerOvergang(string actie, CampagneStatus huidig, IReadOnlyCollection<CampagneStatus> toegestaan)
    {
        ArgumentNullException.ThrowIfNull(toegestaan);
        return toegestaan.Contains(huidig)
            ? null
            : $"Een campagne die {StatusTekst(huidig)} is, kun je niet {actie}; dat kan alleen als ze {string.Join(" of ", toegestaan.Select(StatusTekst))} is.";
    }

    public static string StatusTekst(CampagneStatus status) => status switch
    {
        CampagneStatus.Concept => "concept",
        CampagneStatus.Actief => "actief",
        CampagneStatus.Gepauzeerd => "gepauzeerd",
        CampagneStatus.Afgerond => "afgerond",
        CampagneStatus.Geannuleerd => "geannuleerd",
        _ => status.ToString(),
    };
}
