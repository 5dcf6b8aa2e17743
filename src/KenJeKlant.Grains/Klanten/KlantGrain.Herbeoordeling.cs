using KenJeKlant.Abstractions.Herbeoordelingen;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Abstractions.Werklijsten;
using KenJeKlant.Grains.Herbeoordelingen;

namespace KenJeKlant.Grains.Klanten;

// The reassessment schedule of one client. The due date lives in grain state; the Orleans reminder
// only says "look now" (ticks can be late, missed or doubled), and what the werklijst was told is
// remembered so each stage is prompted once.
public sealed partial class KlantGrain : IRemindable
{
    private const string HerbeoordelingReminder = "herbeoordeling";
    // Orleans reminders cannot wait longer than ~49 days in one go; a tick before the date just re-arms.
    private static readonly TimeSpan LangsteWacht = TimeSpan.FromDays(30);

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
        var gewijzigd = await BijwerkenAsync(alGewijzigd: false, altijdHerbewapenen: false);
        LaatLosNaBulkwerk();
        return gewijzigd;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != HerbeoordelingReminder) return;
        // Always re-arm: a tick may come early (long waits are capped) or late.
        await BijwerkenAsync(alGewijzigd: false, altijdHerbewapenen: true);
        LaatLosNaBulkwerk();
    }

    /// <summary>After every accepted change: reassessment up to date, one write, reminder armed for what comes next.</summary>
    private Task<bool> VerwerkAsync() => BijwerkenAsync(alGewijzigd: true, altijdHerbewapenen: true);

    /// <summary>
    /// Brings the reassessment up to date, stores the state and its read-model row when anything
    /// changed, and arms the reminder. Returns whether anything changed.
    /// </summary>
    private async Task<bool> BijwerkenAsync(bool alGewijzigd, bool altijdHerbewapenen)
    {
        bool gewijzigd;
        try
        {
            var voor = (S.Herbeoordeling, S.HerbeoordelingGemeld);
            await WerkHerbeoordelingBijAsync();
            gewijzigd = alGewijzigd || voor != (S.Herbeoordeling, S.HerbeoordelingGemeld);
            // The reminder before the state: a silo that dies between the two leaves either nothing
            // stored (the same call or import row redoes it all) or a reminder whose tick re-reads
            // the stored state. The other way round a crash left stored state without a reminder,
            // and an import of the same row, seeing nothing changed, never armed it (SIGKILL test).
            if (gewijzigd || altijdHerbewapenen) await ZetReminderAsync();
            if (gewijzigd) await state.WriteStateAsync();
        }
        catch
        {
            // Memory may now hold a change that is not stored (a werklijst or the database away, a
            // version conflict): the next call starts from what storage holds instead.
            DeactivateOnIdle();
            throw;
        }
        if (gewijzigd) await projectie.SchrijfAsync(KlantOverzichtMapper.Van(S, klok.GetUtcNow()));
        return gewijzigd;
    }

    private async Task WerkHerbeoordelingBijAsync()
    {
        var beleid = herbeoordelingBeleid.CurrentValue;
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

    private async Task ZetReminderAsync()
    {
        if (S.Herbeoordeling is not { } planning)
        {
            if (await this.GetReminder(HerbeoordelingReminder) is { } reminder) await this.UnregisterReminder(reminder);
            return;
        }
        var beleid = herbeoordelingBeleid.CurrentValue;
        var wacht = VolgendeControle(planning, beleid) - klok.GetUtcNow();
        wacht = wacht < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : wacht > LangsteWacht ? LangsteWacht : wacht;
        await this.RegisterOrUpdateReminder(HerbeoordelingReminder, wacht, beleid.Controle);
    }

    /// <summary>The next moment the status can change: the due date, the end of the grace period, or (overdue) tomorrow.</summary>
    private DateTimeOffset VolgendeControle(HerbeoordelingPlanning planning, Beleid.HerbeoordelingBeleid beleid)
    {
        var dag = HerbeoordelingPlanner.Status(planning.Datum, Vandaag, beleid) switch
        {
            HerbeoordelingStatus.Gepland => planning.Datum,
            HerbeoordelingStatus.AanDeBeurt => planning.Datum.AddDays(beleid.TeLaatNaDagen),
            _ => Vandaag.AddDays(1),
        };
        var lokaal = dag.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(lokaal, klok.LocalTimeZone.GetUtcOffset(lokaal));
    }

    private HerbeoordelingStand? HerbeoordelingStand() => S.Herbeoordeling is { } p
        ? new HerbeoordelingStand(p.Datum, p.Grond, HerbeoordelingPlanner.Status(p.Datum, Vandaag, herbeoordelingBeleid.CurrentValue), S.HerbeoordelingAfspraak)
        : null;
}
