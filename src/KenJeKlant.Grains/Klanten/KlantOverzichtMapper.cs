using KenJeKlant.Abstractions.Klanten;

namespace KenJeKlant.Grains.Klanten;

/// <summary>Flattens grain state into the read-model row (latest trede, current route…).</summary>
public static class KlantOverzichtMapper
{
    public static KlantOverzicht Van(KlantState s, DateTimeOffset nu)
    {
        var p = s.Profiel!;
        return new KlantOverzicht
        {
            Klantnummer = p.Klantnummer,
            Naam = p.Naam,
            Postcode = p.Postcode,
            Wijk = p.Wijk,
            Klantmanager = p.Klantmanager,
            Huishouden = p.Huishouden,
            Geboortedatum = p.Geboortedatum,
            StartdatumUitkering = p.StartdatumUitkering,
            LaatsteGesprek = p.LaatsteGesprek,
            Doelgroepen = p.Doelgroepen,
            InBestand = s.InBestand,
            Indeling = s.Indeling?.Indeling,
            Trede = s.Tredes.LastOrDefault()?.Trede,
            Route = s.Route?.Route,
            OntheffingTot = s.Ontheffing?.Tot,
            UitstroomReden = s.Uitstroom?.Reden,
            BijgewerktOp = nu,
            HerbeoordelingDatum = s.Herbeoordeling?.Datum,
            HerbeoordelingGrond = s.Herbeoordeling?.Grond,
            HerbeoordelingGemeld = s.HerbeoordelingGemeld?.Status,
            HerbeoordelingControle = s.HerbeoordelingControle,
            Gemeente = p.Gemeente,
            UitstroomDatum = s.Uitstroom?.Datum,
        };
    }
}
