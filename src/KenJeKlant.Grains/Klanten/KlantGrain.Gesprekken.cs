using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Campagnes;

namespace KenJeKlant.Grains.Klanten;

// What a gesprek's outcome does to the client's trajectory. The gesprek itself lives in the gesprek
// table (its one truth, owned by its campaign); this grain hears only the outcome, validates it against
// the trajectory and applies it as one change, and remembers which gesprek it took in (idempotency).
public sealed partial class KlantGrain
{
    public async Task<GesprekUitkomst> RegistreerGesprekUitkomstAsync(GesprekStand stand, GesprekUitkomst uitkomst)
    {
        _alleenBulkwerk = false;
        // Taken in before (a retry, or a campaign that failed before storing it): the outcome in force
        // stands, and the caller hears which one that is.
        if (S.GesprekUitkomsten.Find(u => u.GesprekId == stand.Id) is { } eerder) return eerder.Uitkomst;
        Trajectregels.VereistActieveKlant(S, Klantnummer);
        var datum = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(stand.Start, klok.LocalTimeZone).DateTime);
        Trajectregels.VereistDoorEnDatum(uitkomst.Door, datum, Vandaag);

        if (uitkomst.Verschenen) PasGesprekToe(uitkomst, datum, stand);
        else Noteer("niet verschenen", $"Niet verschenen op het participatiegesprek van {datum:dd-MM-yyyy} ({stand.CampagneNaam}): {VoortgangTeller.Naam(uitkomst.Afwezigheid!.Value)}.", uitkomst.Door);
        S.GesprekUitkomsten.Add(new VerwerkteGesprekUitkomst(stand.Id, uitkomst));
        await VerwerkAsync();
        return uitkomst;
    }

    /// <summary>Validates everything the gesprek decided before changing anything, then applies it as one change.</summary>
    private void PasGesprekToe(GesprekUitkomst uitkomst, DateOnly datum, GesprekStand stand)
    {
        var traject = Trajectbeleid;
        var door = uitkomst.Door;
        var indeling = new IndelingRegistratie(uitkomst.Indeling!.Value, datum, door, uitkomst.Afspraken);
        var trede = uitkomst.Trede is { } t ? new TredeMeting(t, datum, door) : null;
        if (trede is not null) Trajectregels.ControleerTrede(S, trede);
        string? route = null;
        if (uitkomst.Route is { } gekozen)
            route = TrajectBeleid.Zoek(traject.Routes, gekozen)
                ?? throw new OvergangGeweigerdException($"Route '{gekozen}' staat niet in de routelijst van de gemeente.");
        var ontheffing = uitkomst.OntheffingTot is { } tot ? new Ontheffing(datum, tot, uitkomst.OntheffingGrond ?? "", door) : null;
        if (ontheffing is not null) Trajectregels.ControleerOntheffing(ontheffing, traject);
        var uitstroom = uitkomst.UitstroomReden is { } reden ? new Uitstroom(datum, reden, door) : null;
        var uitstroomReden = uitstroom is null ? null : Trajectregels.ControleerUitstroom(S, uitstroom, traject);

        S.Indeling = indeling;
        S.HerbeoordelingAfspraak = null;
        if (trede is not null)
        {
            S.Tredes.Add(trede);
            S.Tredes.Sort((a, b) => a.Datum.CompareTo(b.Datum));
        }
        if (route is not null) S.Route = new RouteToewijzing(route, datum, door);
        if (ontheffing is not null) S.Ontheffing = ontheffing;
        if (uitstroom is not null) S.Uitstroom = uitstroom with { Reden = uitstroomReden! };

        var delen = new List<string> { $"ingedeeld: {IndelingTekst.Van(indeling.Indeling)}" };
        if (trede is not null) delen.Add($"trede {trede.Trede}");
        if (route is not null) delen.Add($"route {route}");
        if (ontheffing is not null) delen.Add($"ontheffing arbeidsplicht tot {ontheffing.Tot:dd-MM-yyyy} ({ontheffing.Grond})");
        if (uitstroomReden is not null) delen.Add($"uitkering beëindigd: {uitstroomReden}");
        Noteer("participatiegesprek", $"Participatiegesprek gehouden op {datum:dd-MM-yyyy} ({stand.CampagneNaam}); {string.Join(", ", delen)}."
            + (string.IsNullOrWhiteSpace(uitkomst.Afspraken) ? "" : $" Afspraken: {uitkomst.Afspraken.Trim()}"), door);
    }
}
