using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Grains.Campagnes.Planning;

namespace KenJeKlant.Grains.Campagnes;

/// <summary>Turns a campaign's set-up and its clients into a planning request, and planned slots into gesprekken.</summary>
public static class CampagnePlanning
{
    public static PlanningsResultaat Plan(
        CampagneDefinitie definitie, IReadOnlyList<Kandidaat> klanten, IEnumerable<GeboektSlot> geboekt,
        DateOnly vandaag, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(definitie);
        var klantmanagers = klanten.Select(k => k.Klantmanager).Distinct(StringComparer.Ordinal).ToList();
        return GesprekPlanner.Plan(new PlanningsVerzoek
        {
            Klanten = [.. klanten.Select(k => new TePlannenKlant(k.Klantnummer, k.Klantmanager, k.LaatsteGesprek, k.StartdatumUitkering))],
            Capaciteit = [.. klantmanagers.Select(km => Capaciteit(definitie.Capaciteit, km))],
            PeriodeVan = definitie.PeriodeVan,
            PeriodeTot = definitie.PeriodeTot,
            Vroegst = vandaag.AddDays(definitie.UitnodigingDagenVooraf),
            Feestdagen = definitie.Capaciteit.Feestdagen,
            Volgorde = definitie.Volgorde == CampagneVolgorde.OpKlantnummer ? Volgorde.OpKlantnummer : Volgorde.LangstNietGesprokenEerst,
            Geboekt = geboekt
                .GroupBy(g => g.Klantmanager, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<Bezet>)[.. g.Select(s => new Bezet(Lokaal(s.Start, zone), Lokaal(s.Eind, zone)))], StringComparer.Ordinal),
        });
    }

    /// <summary>The day planning starts from: today on the domain clock, in its local time zone.</summary>
    public static DateOnly Vandaag(TimeProvider klok)
    {
        ArgumentNullException.ThrowIfNull(klok);
        return DateOnly.FromDateTime(klok.GetLocalNow().DateTime);
    }

    public static string Uitleg(CampagneVolgorde volgorde) =>
        GesprekPlanner.Uitleg(volgorde == CampagneVolgorde.OpKlantnummer ? Volgorde.OpKlantnummer : Volgorde.LangstNietGesprokenEerst);

    /// <summary>A new gesprek for a planned slot; its invitation goes out the set number of days before.</summary>
    public static GesprekRij NieuwGesprek(
        string campagneId, Kandidaat klant, int poging, IngeplandGesprek slot, CampagneDefinitie definitie, TimeZoneInfo zone)
    {
        var start = Tijdstip(slot.Start, zone);
        return new GesprekRij
        {
            Id = GesprekIds.Gesprek(campagneId, klant.Klantnummer, poging),
            CampagneId = campagneId,
            Klantnummer = klant.Klantnummer,
            Naam = klant.Naam,
            Klantmanager = slot.Klantmanager,
            Wijk = klant.Wijk,
            Poging = poging,
            Start = start,
            Eind = Tijdstip(slot.Eind, zone),
            Status = GesprekStatus.Gepland,
            UitnodigingOp = start.AddDays(-definitie.UitnodigingDagenVooraf),
            Versie = 1,
        };
    }

    private static PlanningsCapaciteit Capaciteit(CapaciteitInstelling c, string klantmanager)
    {
        var eigen = c.PerKlantmanager.FirstOrDefault(k => string.Equals(k.Klantmanager, klantmanager, StringComparison.Ordinal));
        return new PlanningsCapaciteit
        {
            Medewerker = klantmanager,
            GesprekkenPerDag = eigen?.GesprekkenPerDag ?? c.GesprekkenPerDag,
            SlotDuur = TimeSpan.FromMinutes(c.SlotMinuten),
            Begintijd = c.Begintijd,
            Eindtijd = c.Eindtijd,
            Werkdagen = (eigen?.Werkdagen ?? c.Werkdagen).ToHashSet(),
            Afwezigheden = [.. (eigen?.Afwezig ?? []).Select(a => new Afwezigheid(a.Van, a.Tot))],
        };
    }

    private static DateTime Lokaal(DateTimeOffset tijdstip, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(tijdstip, zone).DateTime, DateTimeKind.Unspecified);

    private static DateTimeOffset Tijdstip(DateTime lokaal, TimeZoneInfo zone) => new(lokaal, zone.GetUtcOffset(lokaal));
}
