using KenJeKlant.Abstractions.Herbeoordelingen;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Klanten;

namespace KenJeKlant.Grains.Herbeoordelingen;

/// <summary>
/// The next reassessment of a client as a pure function of its state and the policy, with the
/// rule that decided it in words, so a klantmanager can see why a date is what it is.
/// </summary>
internal static class HerbeoordelingPlanner
{
    public static HerbeoordelingPlanning? Plan(KlantState s, HerbeoordelingBeleid beleid)
    {
        if (s.Profiel is not { } profiel || !s.InBestand || s.Uitstroom is not null) return null;
        if (s.HerbeoordelingAfspraak is { } afspraak)
            return new(afspraak.Datum, $"afgesproken door de klantmanager: {afspraak.Reden}");
        if (s.Ontheffing is { } ontheffing && (s.Indeling is null || ontheffing.Van >= s.Indeling.Datum))
            return NaOntheffing(profiel, ontheffing, beleid);
        if (s.Indeling is { } indeling)
            return NaIndeling(indeling, s.Route, beleid);
        if (profiel.LaatsteGesprek is { } gesprek)
            return new(gesprek.AddMonths(beleid.NietIngedeeldMaanden), $"nog niet ingedeeld: {beleid.NietIngedeeldMaanden} maanden na het laatste gesprek");
        return new(profiel.StartdatumUitkering.AddDays(7 * beleid.EersteGesprekNaWeken),
            $"nog nooit gesproken: eerste participatiegesprek {beleid.EersteGesprekNaWeken} weken na de start van de uitkering");
    }

    public static HerbeoordelingStatus Status(DateOnly datum, DateOnly vandaag, HerbeoordelingBeleid beleid) =>
        vandaag < datum ? HerbeoordelingStatus.Gepland
        : vandaag < datum.AddDays(beleid.TeLaatNaDagen) ? HerbeoordelingStatus.AanDeBeurt
        : HerbeoordelingStatus.TeLaat;

    /// <summary>The next moment the status can change: the due date, the end of the grace period, or (overdue) tomorrow.</summary>
    public static DateTimeOffset VolgendeControle(HerbeoordelingPlanning planning, DateOnly vandaag, HerbeoordelingBeleid beleid, TimeZoneInfo zone)
    {
        var dag = Status(planning.Datum, vandaag, beleid) switch
        {
            HerbeoordelingStatus.Gepland => planning.Datum,
            HerbeoordelingStatus.AanDeBeurt => planning.Datum.AddDays(beleid.TeLaatNaDagen),
            _ => vandaag.AddDays(1),
        };
        var lokaal = dag.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(lokaal, zone.GetUtcOffset(lokaal));
    }

    private static HerbeoordelingPlanning NaOntheffing(KlantProfiel profiel, Ontheffing ontheffing, HerbeoordelingBeleid beleid)
    {
        var art9a = profiel.Huishouden == Huishouden.AlleenstaandeOuder
            && ontheffing.Grond.Contains(beleid.AlleenstaandeOuderOntheffingGrond, StringComparison.OrdinalIgnoreCase);
        var tussentijds = ontheffing.Van.AddMonths(beleid.AlleenstaandeOuderMetOntheffingMaanden);
        return art9a && tussentijds < ontheffing.Tot
            ? new(tussentijds, $"alleenstaande ouder met ontheffing ({ontheffing.Grond}): elke {beleid.AlleenstaandeOuderMetOntheffingMaanden} maanden")
            : new(ontheffing.Tot, $"einde ontheffing ({ontheffing.Grond})");
    }

    private static HerbeoordelingPlanning NaIndeling(IndelingRegistratie indeling, RouteToewijzing? route, HerbeoordelingBeleid beleid)
    {
        if (route is not null && beleid.MaandenPerRoute.TryGetValue(route.Route, out var routeMaanden))
            return new(indeling.Datum.AddMonths(routeMaanden), $"route {route.Route}: elke {routeMaanden} maanden");
        var maanden = beleid.MaandenPerIndeling.TryGetValue(indeling.Indeling, out var m) ? m : 6;
        return new(indeling.Datum.AddMonths(maanden), $"indeling {IndelingTekst.Van(indeling.Indeling)}: elke {maanden} maanden");
    }
}
