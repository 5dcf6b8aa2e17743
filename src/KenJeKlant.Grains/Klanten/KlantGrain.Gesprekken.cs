using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Campagnes;

namespace KenJeKlant.Grains.Klanten;

// The client's side of campaign gesprekken: a copy of what the campaign decided (newest version
// wins, each step noted in the history) and the outcome, which is validated against the trajectory
// and applied as one change.
public sealed partial class KlantGrain
{
    public async Task<GesprekUitkomst?> WerkGesprekBijAsync(GesprekStand stand)
    {
        var plek = S.Gesprekken.FindIndex(g => g.Id == stand.Id);
        var bekend = plek >= 0 ? S.Gesprekken[plek] : null;
        if (bekend is null || bekend.Versie < stand.Versie)
        {
            NoteerGesprekStap(bekend, stand);
            // An outcome recorded here stays, even when the campaign's view does not have it yet.
            var nieuw = stand.Uitkomst is null && bekend?.Uitkomst is { } eigen ? stand with { Uitkomst = eigen } : stand;
            if (plek >= 0) S.Gesprekken[plek] = nieuw;
            else S.Gesprekken.Add(nieuw);
            await state.SchrijfOfBeginOpnieuwAsync(GrainContext);
            bekend = nieuw;
        }
        LaatLosNaBulkwerk();
        return stand.Uitkomst is null ? bekend.Uitkomst : null;
    }

    public async Task RegistreerGesprekUitkomstAsync(GesprekStand stand, GesprekUitkomst uitkomst)
    {
        _alleenBulkwerk = false;
        var plek = S.Gesprekken.FindIndex(g => g.Id == stand.Id);
        if (plek >= 0 && S.Gesprekken[plek].Uitkomst is { } eerder)
        {
            if (eerder == uitkomst) return;
            throw new OvergangGeweigerdException($"De uitkomst van dit gesprek is al vastgelegd door {eerder.Door}; een tweede uitkomst kan niet.");
        }
        Trajectregels.VereistActieveKlant(S, Klantnummer);
        var datum = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(stand.Start, klok.LocalTimeZone).DateTime);
        Trajectregels.VereistDoorEnDatum(uitkomst.Door, datum, Vandaag);

        if (uitkomst.Verschenen) PasGesprekToe(uitkomst, datum, stand);
        else Noteer("niet verschenen", $"Niet verschenen op het participatiegesprek van {datum:dd-MM-yyyy} ({stand.CampagneNaam}): {VoortgangTeller.Naam(uitkomst.Afwezigheid!.Value)}.", uitkomst.Door);

        var vastgelegd = (plek >= 0 ? S.Gesprekken[plek] : stand) with
        {
            Status = uitkomst.Verschenen ? GesprekStatus.Gehouden : GesprekStatus.NietVerschenen,
            Uitkomst = uitkomst,
        };
        if (plek >= 0) S.Gesprekken[plek] = vastgelegd;
        else S.Gesprekken.Add(vastgelegd);
        await VerwerkAsync();
    }

    /// <summary>Validates everything the gesprek decided before changing anything, then applies it as one change.</summary>
    private void PasGesprekToe(GesprekUitkomst uitkomst, DateOnly datum, GesprekStand stand)
    {
        var traject = beleid.CurrentValue;
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

    private void NoteerGesprekStap(GesprekStand? voor, GesprekStand na)
    {
        var start = TimeZoneInfo.ConvertTime(na.Start, klok.LocalTimeZone);
        var wanneer = $"{start:dd-MM-yyyy} om {start:HH:mm}";
        if (voor is null)
            Noteer("gesprek gepland", $"Participatiegesprek gepland op {wanneer} bij {na.Klantmanager} ({na.CampagneNaam}, uitnodiging {na.Poging}).", "campagne");
        else if (voor.Start != na.Start && na.IsOpen)
            Noteer("gesprek verplaatst", $"Participatiegesprek verplaatst naar {wanneer}; de klant had nog geen uitnodiging.", "campagne");
        if (na.UitnodigingVerzondenOp is not null && voor?.UitnodigingVerzondenOp is null)
            Noteer("uitgenodigd", $"Uitnodiging verstuurd voor het participatiegesprek op {wanneer}.", "campagne");
        if (na.HerinneringVerzondenOp is not null && voor?.HerinneringVerzondenOp is null)
            Noteer("herinnerd", $"Herinnering verstuurd voor het participatiegesprek op {wanneer}.", "campagne");
        if (na.Status == GesprekStatus.Geannuleerd && voor?.Status != GesprekStatus.Geannuleerd)
            Noteer("gesprek geannuleerd", na.UitnodigingVerzondenOp is null
                ? $"Participatiegesprek van {wanneer} vervallen voordat de uitnodiging uitging."
                : $"Participatiegesprek van {wanneer} geannuleerd; de klant krijgt een afzegging.", "campagne");
        if (na.Gevolg == GesprekGevolg.Handhavingssignaal && voor?.Gevolg != GesprekGevolg.Handhavingssignaal)
            Noteer("handhavingssignaal", "Herhaald niet verschenen zonder reden: signaal aan handhaving. Een medewerker beoordeelt het en hoort de klant; er is geen maatregel genomen.", "campagne");
    }
}
