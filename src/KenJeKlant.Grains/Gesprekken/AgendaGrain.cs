using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Gesprekken;
using KenJeKlant.Abstractions.Handhaving;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Abstractions.Werklijsten;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Campagnes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Grains.Gesprekken;

/// <summary>
/// A klantmanager's agenda. Every booking for them passes here one at a time (a grain handles one call at a
/// time), so a check against the agenda and the write that follows can never race another booking of theirs.
/// Its own gesprekken live in the gesprek table under <see cref="GesprekIds.Agenda"/> and go through the same
/// lifecycle as a campaign's: the same <see cref="Tijdstappen"/> (herinnering, no outcome yet), the same
/// <see cref="UitkomstVerwerker"/> (trajectory, no-show policy: a signal for a human, never a sanction), the
/// same outbox and werklijst. The grain keeps no state of its own: the table is the truth.
/// </summary>
public sealed class AgendaGrain(
    IAgendaOpslag agenda,
    ICampagneOpslag opslag,
    IOptionsMonitor<CampagneBeleid> campagneBeleid,
    IOptionsMonitor<GesprekBeleid> beleid,
    IOptionsMonitor<TrajectBeleid> traject,
    Domeinklok klok,
    ILogger<AgendaGrain> logger) : Grain, IAgendaGrain, IRemindable
{
    private const string ControleReminder = "agenda";
    private readonly CampagneGesprekken _gesprekken = new();
    private WerklijstBerichtgeving? _werklijsten;
    private UitkomstVerwerker? _uitkomsten;
    private IGrainTimer? _werk;
    private bool _reminderGezet;

    private string Klantmanager => this.GetPrimaryKeyString();
    private string Eigenaar => GesprekIds.Agenda(Klantmanager);
    private WerklijstBerichtgeving Werklijsten => _werklijsten ??= new(campagneBeleid, klok,
        (km, meld, weg) => GrainFactory.GetGrain<IKlantmanagerGrain>(km).WerkBijAsync(meld, weg));

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _gesprekken.Zet(await opslag.GesprekkenAsync(Eigenaar, cancellationToken));
        _uitkomsten = new(Eigenaar, opslag, _gesprekken, Werklijsten, traject, klok,
            (klant, stand, uitkomst) => GrainFactory.GetGrain<IKlantGrain>(klant).RegistreerGesprekUitkomstAsync(stand, uitkomst),
            signalen => GrainFactory.GetGrain<IHandhavingslijstGrain>(IHandhavingslijstGrain.Sleutel).SignalenGewijzigdAsync(signalen));
        if (_gesprekken.HeeftOpen) await StartWerkAsync();
    }

    public async Task<GesprekStand> PlanAsync(GesprekAanvraag aanvraag)
    {
        ArgumentNullException.ThrowIfNull(aanvraag);
        if (string.IsNullOrWhiteSpace(aanvraag.Door)) throw new OvergangGeweigerdException("Vermeld wie het gesprek plant.");
        var klant = await agenda.KlantAsync(aanvraag.Klantnummer) ?? throw new NietGevondenException($"Er is geen klant met klantnummer {aanvraag.Klantnummer}.");
        if (!klant.InBestand || klant.UitkeringBeeindigd)
            throw new OvergangGeweigerdException($"Klant {klant.Klantnummer} staat niet meer in het bestand of de uitkering is beëindigd; er is geen gesprek te plannen.");
        if (await agenda.OpenGesprekAsync(klant.Klantnummer) is { } open)
            throw new OvergangGeweigerdException(
                $"Klant {klant.Klantnummer} heeft al een gesprek op {Tekst(open.Start)} (gesprek {open.Id}); verzet dat gesprek of leg eerst de uitkomst vast.", "moment");
        var moment = new Moment(aanvraag.Moment, aanvraag.Moment.AddMinutes(aanvraag.DuurMinuten));
        AgendaRegels.Controleer(moment, "moment", await StandAsync(moment, behalve: null));

        var nu = klok.GetUtcNow();
        var volgnummer = _gesprekken.VanKlant(klant.Klantnummer).Count + 1;
        var rij = new GesprekRij
        {
            Id = GesprekIds.EigenGesprek(Klantmanager, klant.Klantnummer, volgnummer),
            CampagneId = Eigenaar,
            Klantnummer = klant.Klantnummer,
            Naam = klant.Naam,
            Klantmanager = Klantmanager,
            Wijk = klant.Wijk,
            Poging = volgnummer,
            Start = moment.Start,
            Eind = moment.Eind,
            // Planned at least the lead time ahead: the letter goes out now.
            Status = GesprekStatus.Uitgenodigd,
            UitnodigingOp = nu,
            UitnodigingVerzondenOp = nu,
            Soort = aanvraag.Soort,
            Vorm = aanvraag.Vorm,
            Locatie = Leeg(aanvraag.Locatie),
            Toelichting = Leeg(aanvraag.Toelichting),
            Versie = 1,
        };
        await BoekAsync(rij, [Tijdstappen.Bericht(rij, BerichtSoort.Uitnodiging, nu, BerichtStatus.Verzonden)], "moment");
        AgendaLog.Gepland(logger, rij.Id, Klantmanager, aanvraag.Door);
        await StartWerkAsync();
        return rij.Stand(GesprekBeleid.Naam(rij.Soort));
    }

    public async Task<GesprekStand> VerzetAsync(GesprekVerzetting verzetting)
    {
        ArgumentNullException.ThrowIfNull(verzetting);
        var rij = _gesprekken.Zoek(verzetting.GesprekId) ?? await agenda.GesprekAsync(verzetting.GesprekId);
        if (rij is null || rij.Klantnummer != verzetting.Klantnummer || rij.Klantmanager != Klantmanager)
            throw new NietGevondenException($"Klant {verzetting.Klantnummer} heeft geen gesprek {verzetting.GesprekId} in deze agenda.");
        var maximaal = beleid.CurrentValue.MaximaalVerzetten;
        GesprekVerzetter.ControleerVerzetbaar(rij, klok.GetUtcNow(), maximaal);
        var nieuw = new Moment(verzetting.NieuwMoment, verzetting.NieuwMoment + (rij.Eind - rij.Start));
        AgendaRegels.Controleer(nieuw, "nieuwMoment", await StandAsync(nieuw, behalve: rij.Id));
        AgendaLog.Verzet(logger, rij.Id, Klantmanager, verzetting.OpVerzoekVan, verzetting.Door);
        // A campaign's gesprek is moved by its campaign (its owner, which counts it); the agenda only decided the moment.
        if (rij.CampagneId != Eigenaar)
            return await GrainFactory.GetGrain<ICampagneGrain>(rij.CampagneId).VerzetAsync(verzetting, nieuw.Eind, maximaal);
        var (na, berichten) = GesprekVerzetter.Verzet(rij, nieuw, verzetting.OpVerzoekVan, verzetting.Reden, klok.GetUtcNow(), 0);
        await BoekAsync(na, berichten, "nieuwMoment");
        return na.Stand(GesprekBeleid.Naam(na.Soort));
    }

    public async Task<UitkomstVerwerking> RegistreerUitkomstAsync(string klantnummer, Guid gesprekId, GesprekUitkomst uitkomst)
    {
        var rij = _gesprekken.Zoek(gesprekId);
        if (rij is null || rij.Klantnummer != klantnummer)
            throw new NietGevondenException($"Klant {klantnummer} heeft geen gesprek {gesprekId} in deze agenda.");
        // Never "running": after a no-show the klantmanager plans the next gesprek, nothing is planned automatically.
        var (verwerking, _, geweigerd) = await _uitkomsten!.RegistreerAsync(
            klantnummer, gesprekId, uitkomst, beleid.CurrentValue.Definitie(rij.Soort, klok.Vandaag), CampagneStatus.Afgerond);
        return geweigerd is null ? verwerking : throw new OvergangGeweigerdException(geweigerd);
    }

    public async Task VerwerkTijdAsync()
    {
        var nu = klok.GetUtcNow();
        foreach (var soort in _gesprekken.Alle.Where(r => r.IsOpen).GroupBy(r => r.Soort).ToList())
        {
            var stappen = Tijdstappen.Bepaal(soort, nu, beleid.CurrentValue.Definitie(soort.Key, klok.Vandaag), CampagneStatus.Actief, 0);
            if (stappen.Gewijzigd.Count > 0) await LegVastAsync(stappen.Gewijzigd, stappen.Berichten);
        }
        if (!_gesprekken.HeeftOpen) await StopWerkAsync();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ControleReminder) return;
        if (_gesprekken.HeeftOpen) await StartWerkAsync();
        else await StopWerkAsync();
    }

    /// <summary>The agenda on the day of <paramref name="moment"/>, as the rules need it.</summary>
    private async Task<AgendaStand> StandAsync(Moment moment, Guid? behalve)
    {
        var b = campagneBeleid.CurrentValue;
        var zone = klok.LocalTimeZone;
        var dag = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment.Start, zone).DateTime);
        var geboekt = await agenda.GeboektAsync(Klantmanager, Werkagenda.Tijdstip(dag, TimeOnly.MinValue, zone), Werkagenda.Tijdstip(dag.AddDays(1), TimeOnly.MinValue, zone), behalve);
        var afwezig = await agenda.AfwezigAsync(Klantmanager, klok.Vandaag);
        return new AgendaStand(Werkagenda.Werktijden(b), geboekt, afwezig, klok.GetUtcNow(), Werkagenda.Vroegst(klok.Vandaag, b.UitnodigingMinimaalDagenVooraf, zone), zone);
    }

    /// <summary>Stores a booking; the database refuses it when a campaign booked the same time since the check (one lock per klantmanager).</summary>
    private async Task BoekAsync(GesprekRij rij, IReadOnlyList<BerichtRij> berichten, string veld)
    {
        await opslag.BoekOfWeigerAsync(rij, berichten, veld);
        _gesprekken.Zet([rij]);
        await Werklijsten.MeldAsync([rij], GesprekBeleid.Naam(rij.Soort));
    }

    private async Task LegVastAsync(IReadOnlyList<GesprekRij> rijen, IReadOnlyList<BerichtRij> berichten)
    {
        await opslag.SchrijfAsync(new Wijzigingen(rijen, berichten, []));
        _gesprekken.Zet(rijen);
        foreach (var soort in rijen.GroupBy(r => r.Soort)) await Werklijsten.MeldAsync(soort, GesprekBeleid.Naam(soort.Key));
    }

    private async Task StartWerkAsync()
    {
        var tik = campagneBeleid.CurrentValue.Tik;
        _werk ??= this.RegisterGrainTimer(WerkBeurtAsync, new GrainTimerCreationOptions(tik, tik) { Interleave = false, KeepAlive = true });
        if (_reminderGezet) return;
        var controle = campagneBeleid.CurrentValue.Controle;
        await this.RegisterOrUpdateReminder(ControleReminder, controle, controle);
        _reminderGezet = true;
    }

    private async Task WerkBeurtAsync(CancellationToken ct)
    {
        try
        {
            await VerwerkTijdAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next turn tries again from what memory and storage agree on; every write is idempotent.
            AgendaLog.WerkMislukt(logger, e, Klantmanager);
        }
    }

    private async Task StopWerkAsync()
    {
        _werk?.Dispose();
        _werk = null;
        _reminderGezet = false;
        if (await this.GetReminder(ControleReminder) is { } reminder) await this.UnregisterReminder(reminder);
    }

    private string Tekst(DateTimeOffset t) => $"{TimeZoneInfo.ConvertTime(t, klok.LocalTimeZone):dd-MM-yyyy HH:mm}";

    private static string? Leeg(string? tekst) => string.IsNullOrWhiteSpace(tekst) ? null : tekst.Trim();
}
