using KenJeKlant.Abstractions.Herbeoordelingen;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Abstractions.Werklijsten;
using KenJeKlant.Grains.Herbeoordelingen;

namespace KenJeKlant.Grains.Klanten;

// The reassessment schedule of one client. The due date and the next moment its stage can change live in
// grain state, and the storage writes that moment to an indexed column; the herbeoordeling scanners find the
// clients whose moment has come and call HerplanHerbeoordelingAsync (a late, missed or doubled scan changes
// nothing: the moment, not a tick, is the fact). What the werklijst was told is remembered, so each stage is
// prompted once.
public sealed partial class KlantGrain
{
    public async Task SpreekHerbeoordelingAfAsync(HerbeoordelingAfspraak afspraak)
    {
        ControleerBasis(afspraak.Door, Vandaag);
        if (string.IsNullOrWhiteSpace(afspraak.Reden))
            throw new OvergangGeweigerdException("Vermeld waarom de herbeoordeling op een andere datum valt.", "reden");
        if (afspraak.Datum < Vandaag)
            throw new OvergangGeweigerdException($"De datum {afspraak.Datum:dd-MM-yyyy} ligt in het verleden.", "datum");
        S.HerbeoordelingAfspraak = afspraak;
        Noteer("herbeoordeling afgesproken", $"Herbeoordeling op {afspraak.Datum:dd-MM-yyyy}: {afspraak.Reden.Trim()}.", afspraak.Door);
        await VerwerkAsync();
    }

    public async Task<bool> HerplanHerbeoordelingAsync()
    {
        var gewijzigd = await BijwerkenAsync(alGewijzigd: false);
        LaatLosNaBulkwerk();
        return gewijzigd;
    }

    /// <summary>After every accepted change: reassessment up to date, its next moment set, one write.</summary>
    private Task<bool> VerwerkAsync() => BijwerkenAsync(alGewijzigd: true);

    /// <summary>
    /// Brings the reassessment up to date and sets the next moment to look again; stores the state (and with
    /// it the read-model row and that moment, one transaction) when anything changed. Returns whether it did.
    /// </summary>
    private async Task<bool> BijwerkenAsync(bool alGewijzigd)
    {
        try
        {
            var voor = (S.Herbeoordeling, S.HerbeoordelingGemeld, S.HerbeoordelingControle);
            await WerkHerbeoordelingBijAsync();
            S.HerbeoordelingControle = S.Herbeoordeling is { } planning
                ? HerbeoordelingPlanner.VolgendeControle(planning, Vandaag, Herbeoordelingsbeleid, klok.LocalTimeZone)
                : null;
            var gewijzigd = alGewijzigd || voor != (S.Herbeoordeling, S.HerbeoordelingGemeld, S.HerbeoordelingControle);
            if (gewijzigd) await state.WriteStateAsync();
            return gewijzigd;
        }
        catch
        {
            // Memory may now hold a change that is not stored (a werklijst or the database away, a
            // version conflict): the next call starts from what storage holds instead.
            DeactivateOnIdle();
            throw;
        }
    }

    private async Task WerkHerbeoordelingBijAsync()
    {
        var beleid = Herbeoordelingsbeleid;
        S.Herbeoordeling = HerbeoordelingPlanner.Plan(S, beleid);
        var gewenst = GewensteMelding(beleid);
        var gemeld = S.HerbeoordelingGemeld;
        if (gewenst == gemeld) return;

        if (gemeld is not null && (gewenst is null || gemeld.Klantmanager != gewenst.Klantmanager))
            await GrainFactory.GetGrain<IKlantmanagerGrain>(gemeld.Klantmanager).VerwijderAsync(Klantnummer, WerklijstSoort.Herbeoordeling);
        if (gewenst is not null)
        {
            await GrainFactory.GetGrain<IKlantmanagerGrain>(gewenst.Klantmanager).MeldAsync(new WerklijstItem(
                Klantnummer, S.Profiel!.Naam, WerklijstSoort.Herbeoordeling, gewenst.Datum, gewenst.Status, S.Herbeoordeling!.Grond));
            if (gemeld?.Status != gewenst.Status || gemeld.Datum != gewenst.Datum)
            {
                // Counted when the werklijst accepted it; a state write that fails after this and is
                // retried may count one prompt twice — the werklijst itself stays exact.
                meters.HerbeoordelingGemeld(gewenst.Status == HerbeoordelingStatus.TeLaat ? "te-laat" : "aan-de-beurt");
                Noteer("herbeoordeling", gewenst.Status == HerbeoordelingStatus.TeLaat
                    ? $"Herbeoordeling van {gewenst.Datum:dd-MM-yyyy} is te laat; het team ziet het."
                    : $"Herbeoordeling van {gewenst.Datum:dd-MM-yyyy} is aan de beurt; gemeld aan {gewenst.Klantmanager}.", "systeem");
            }
        }
        S.HerbeoordelingGemeld = gewenst;
    }

    // Only due and overdue reassessments belong on a werklijst; a planned one is just a date.
    private HerbeoordelingMelding? GewensteMelding(Beleid.HerbeoordelingBeleid beleid)
    {
        if (S.Herbeoordeling is not { } planning) return null;
        var status = HerbeoordelingPlanner.Status(planning.Datum, Vandaag, beleid);
        return status == HerbeoordelingStatus.Gepland ? null : new HerbeoordelingMelding(planning.Datum, status, S.Profiel!.Klantmanager);
    }

    private HerbeoordelingStand? HerbeoordelingStand() => S.Herbeoordeling is { } p
        ? new HerbeoordelingStand(p.Datum, p.Grond, HerbeoordelingPlanner.Status(p.Datum, Vandaag, Herbeoordelingsbeleid), S.HerbeoordelingAfspraak)
        : null;
}
