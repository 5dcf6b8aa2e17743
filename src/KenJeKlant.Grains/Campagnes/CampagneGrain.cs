using System.Diagnostics;
using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Handhaving;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Abstractions.Werklijsten;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Telemetrie;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;

namespace KenJeKlant.Grains.Campagnes;

/// <summary>
/// One campaign: its set-up and status (grain state), and when what happens. The work is done by plain
/// classes over its gesprekken in memory (<see cref="CampagneGesprekken"/>): <see cref="Uitnodiger"/>,
/// <see cref="Gespreksverloop"/>, <see cref="UitkomstVerwerker"/>, <see cref="WerklijstBerichtgeving"/>
/// and <see cref="VoortgangPublicatie"/>. Its gesprekken live in the gesprek table (their one truth):
/// a klant grain hears only an outcome, never each version.
/// </summary>
/// <remarks>
/// Placed on the silo that took the programmaleider's request: its work is database batches and
/// calls spread over the cluster anyway, and it makes "the silo running the campaign dies" a
/// failure the process tests can aim at. After a crash Orleans places it anew like any grain.
/// </remarks>
[PreferLocalPlacement]
public sealed class CampagneGrain : Grain, ICampagneGrain, IRemindable
{
    private const string ControleReminder = "campagne";
    private static readonly TimeSpan MeteenWeer = TimeSpan.FromMilliseconds(1);

    private readonly IPersistentState<CampagneState> _state;
    private readonly ICampagneOpslag _opslag;
    private readonly IOptionsMonitor<CampagneBeleid> _beleid;
    private readonly Domeinklok _klok;
    private readonly ILogger _logger;
    private readonly CampagneGesprekken _gesprekken = new();
    private readonly WerklijstBerichtgeving _werklijsten;
    private readonly Uitnodiger _uitnodiger;
    private readonly Gespreksverloop _verloop;
    private readonly UitkomstVerwerker _uitkomsten;
    private readonly VoortgangPublicatie _voortgang;
    private IGrainTimer? _werk;
    private bool _reminderGezet;

    public CampagneGrain(
        [PersistentState("campagne", StorageNames.KenJeKlant)] IPersistentState<CampagneState> state,
        ICampagneOpslag opslag, IOptionsMonitor<CampagneBeleid> beleid, IOptionsMonitor<TrajectBeleid> traject,
        Domeinklok klok, KenJeKlantMeters meters, ILogger<CampagneGrain> logger)
    {
        (_state, _opslag, _beleid, _klok, _logger) = (state, opslag, beleid, klok, logger);
        _werklijsten = new(beleid, klok, (km, meld, weg) => GrainFactory.GetGrain<IKlantmanagerGrain>(km).WerkBijAsync(meld, weg));
        _uitnodiger = new(Id, opslag, _gesprekken, _werklijsten, meters);
        _verloop = new(Id, opslag, _gesprekken, _werklijsten, beleid, klok, meters);
        _uitkomsten = new(Id, opslag, _gesprekken, _werklijsten, traject, klok,
            (klant, stand, uitkomst) => GrainFactory.GetGrain<IKlantGrain>(klant).RegistreerGesprekUitkomstAsync(stand, uitkomst),
            signalen => GrainFactory.GetGrain<IHandhavingslijstGrain>(IHandhavingslijstGrain.Sleutel).SignalenGewijzigdAsync(signalen));
        // Real time, not the domain clock: the push is paced for hosts and browsers.
        _voortgang = new(() => S.Definitie is null ? null : Voortgang(), logger, TimeProvider.System);
    }

    private string Id => this.GetPrimaryKeyString();
    private CampagneState S => _state.State;
    private CampagneBeleid Beleid => _beleid.CurrentValue;
    private CampagneDefinitie Definitie => S.Definitie ?? throw new NietGevondenException($"Er is geen campagne met id {Id}.");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Definitie is null) return;
        _gesprekken.Zet(await _opslag.GesprekkenAsync(Id, cancellationToken));
        // A werklijst that stayed active elsewhere may have missed what was written just before this went down.
        if (_gesprekken.HeeftOpen) _werklijsten.VraagAllesOpnieuw();
        if (HeeftWerk()) await StartWerkAsync();
    }

    public async Task<CampagneStand> MaakAsync(CampagneDefinitie definitie, string door)
    {
        if (S.Definitie is not null)
            throw new OvergangGeweigerdException($"Er bestaat al een campagne met id {Id}.");
        CampagneRegels.Controleer(definitie).Weiger("De campagne is niet volledig of niet juist opgezet");
        S.Definitie = definitie with { Naam = definitie.Naam.Trim() };
        await ZetStatusAsync(CampagneStatus.Concept, door, null);
        return Stand();
    }

    public Task<CampagneStand?> GetAsync() => Task.FromResult(S.Definitie is null ? null : Stand());

    public async Task<CampagneStand> StartAsync(string door)
    {
        VereisStatus("starten", CampagneStatus.Concept);
        await ZetStatusAsync(CampagneStatus.Actief, door, null);
        await BereidUitnodigenVoorAsync();
        await StartWerkAsync();
        return Stand();
    }

    public async Task<CampagneStand> PauzeerAsync(string door, string? toelichting)
    {
        VereisStatus("pauzeren", CampagneStatus.Actief);
        await ZetStatusAsync(CampagneStatus.Gepauzeerd, door, toelichting);
        return Stand();
    }

    public async Task<CampagneStand> HervatAsync(string door)
    {
        VereisStatus("hervatten", CampagneStatus.Gepauzeerd);
        await ZetStatusAsync(CampagneStatus.Actief, door, null);
        // Invitations held back during the pause go out now; who is too close to the slot gets a new one.
        await StartWerkAsync();
        return Stand();
    }

    public async Task<CampagneStand> AnnuleerAsync(string door, string? toelichting)
    {
        VereisStatus("annuleren", CampagneStatus.Concept, CampagneStatus.Actief, CampagneStatus.Gepauzeerd);
        if (S.Status != CampagneStatus.Concept && string.IsNullOrWhiteSpace(toelichting))
            throw new OvergangGeweigerdException("Vermeld waarom de campagne wordt geannuleerd: de klanten krijgen een afzegging.");
        LegUitnodigenVast(_uitnodiger.Stop()); // stored with the status change that follows
        await ZetStatusAsync(CampagneStatus.Geannuleerd, door, toelichting);
        await _verloop.TrekOpenGesprekkenInAsync(Definitie);
        return Stand();
    }

    public Task<Voortgang?> GetVoortgangAsync() => Task.FromResult(S.Definitie is null ? null : Voortgang());

    public Task AbonneerAsync(ICampagneObserver observer) => _voortgang.AbonneerAsync(observer);

    public Task OpzeggenAsync(ICampagneObserver observer) => _voortgang.OpzeggenAsync(observer);

    public async Task<UitkomstVerwerking> RegistreerUitkomstAsync(string klantnummer, Guid gesprekId, GesprekUitkomst uitkomst)
    {
        var (verwerking, gewijzigd, geweigerd) = await _uitkomsten.RegistreerAsync(klantnummer, gesprekId, uitkomst, Definitie, S.Status);
        if (gewijzigd) await NaUitkomstAsync();
        return geweigerd is null ? verwerking : throw new OvergangGeweigerdException(geweigerd);
    }

    public async Task<GesprekStand> VerzetAsync(Abstractions.Gesprekken.GesprekVerzetting verzetting, DateTimeOffset nieuwEind, int maximaalVerzetten)
    {
        ArgumentNullException.ThrowIfNull(verzetting);
        var rij = _gesprekken.Zoek(verzetting.GesprekId);
        if (rij is null || rij.Klantnummer != verzetting.Klantnummer)
            throw new NietGevondenException($"Klant {verzetting.Klantnummer} heeft geen gesprek {verzetting.GesprekId} in campagne {Definitie.Naam}.");
        // Checked again on this grain's own copy: the agenda read the table, this is the owner.
        Gesprekken.GesprekVerzetter.ControleerVerzetbaar(rij, _klok.GetUtcNow(), maximaalVerzetten);
        var (na, berichten) = Gesprekken.GesprekVerzetter.Verzet(rij, new(verzetting.NieuwMoment, nieuwEind),
            verzetting.OpVerzoekVan, verzetting.Reden, _klok.GetUtcNow(), Definitie.UitnodigingDagenVooraf);
        await _opslag.BoekOfWeigerAsync(na, berichten, "nieuwMoment");
        _gesprekken.Zet([na]);
        await _werklijsten.MeldAsync([na], Definitie.Naam);
        await NaUitkomstAsync(); // counts changed; a new invitation may need the timer
        return na.Stand(Definitie.Naam);
    }

    public Task VerwerkTijdAsync() => S.Definitie is null ? Task.CompletedTask : _verloop.VoerTijdstappenUitAsync(Definitie, S.Status);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ControleReminder) return;
        if (S.Definitie is not null && HeeftWerk())
        {
            await _verloop.TrekInVoorVertrokkenKlantenAsync(Definitie);
            await StartWerkAsync();
        }
        else await StopWerkAsync();
    }

    private Voortgang Voortgang() => _gesprekken.Teller.Maak(
        Id, S.Status, S.UitnodigenKlaar ? S.Geselecteerd : Math.Max(S.Geselecteerd, _gesprekken.AantalKlanten), S.NietIngepland);

    /// <summary>Anything left that needs this campaign awake: running, or unfinished gesprekken.</summary>
    private bool HeeftWerk() => S.Status is CampagneStatus.Actief or CampagneStatus.Gepauzeerd || _gesprekken.HeeftOpen;

    private async Task StartWerkAsync()
    {
        if (S.Status is CampagneStatus.Actief or CampagneStatus.Gepauzeerd && !S.UitnodigenKlaar && !_uitnodiger.IsBezig)
            await BereidUitnodigenVoorAsync(); // after a restart: carry on where the fan-out was
        _werk?.Change(TimeSpan.Zero, Beleid.Tik); // a turn now, whether the timer runs already or not
        _werk ??= this.RegisterGrainTimer(WerkBeurtAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Beleid.Tik) { Interleave = false, KeepAlive = true });
        if (_reminderGezet) return;
        await this.RegisterOrUpdateReminder(ControleReminder, Beleid.Controle, Beleid.Controle);
        _reminderGezet = true;
    }

    /// <summary>
    /// A timer turn of at most <see cref="CampagneBeleid.WerkPerBeurt"/>: between turns the campaign answers
    /// calls, so a fan-out of 100,000 never blocks the dashboard. A reminder brings unfinished work back.
    /// </summary>
    private async Task WerkBeurtAsync(CancellationToken ct)
    {
        var tot = Stopwatch.GetTimestamp() + (long)(Beleid.WerkPerBeurt.TotalSeconds * Stopwatch.Frequency);
        bool Op() => Stopwatch.GetTimestamp() > tot || ct.IsCancellationRequested;
        try
        {
            await _verloop.VoerTijdstappenUitAsync(Definitie, S.Status);
            while (_uitnodiger.HeeftTeSchrijven && !Op()) await _uitnodiger.SchrijfBatchAsync(Beleid.Batchgrootte);
            if (_uitnodiger.MoetOpnieuwPlannen) await BereidUitnodigenVoorAsync();
            else if (_uitnodiger.IsGeschreven && LegUitnodigenVast(_uitnodiger.RondAf())) await SchrijfStateAsync();
            if (_werklijsten.AllesOpnieuw && !_uitnodiger.IsBezig)
                await _werklijsten.MeldAllesOpnieuwAsync([.. _gesprekken.Alle.Where(r => r.IsOpen)], Definitie.Naam);
            if (S.Status == CampagneStatus.Actief && S.UitnodigenKlaar && !_gesprekken.HeeftOpen)
                await ZetStatusAsync(CampagneStatus.Afgerond, "systeem", "Alle gesprekken van de campagne hebben een uitkomst.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next turn tries again from what memory and storage agree on; every write is idempotent.
            CampagneLog.WerkMislukt(_logger, e, Id);
        }
        _voortgang.Publiceer();
        if (_uitnodiger.HeeftTeSchrijven || _werklijsten.AllesOpnieuw) _werk?.Change(MeteenWeer, Beleid.Tik);
        else if (!HeeftWerk()) await StopWerkAsync();
    }

    private async Task StopWerkAsync()
    {
        _voortgang.Publiceer(altijd: true); // no turn follows: whatever was held back goes now
        _werk?.Dispose();
        _werk = null;
        _reminderGezet = false;
        if (await this.GetReminder(ControleReminder) is { } reminder) await this.UnregisterReminder(reminder);
    }

    /// <summary>An outcome changed the counts (and may have planned a new invitation that needs the timer).</summary>
    private async Task NaUitkomstAsync()
    {
        if (_werk is null) await StartWerkAsync();
        _voortgang.Publiceer();
    }

    private async Task BereidUitnodigenVoorAsync() =>
        S.Geselecteerd = await _uitnodiger.BereidVoorAsync(Definitie, CampagnePlanning.Vandaag(_klok), _klok.LocalTimeZone);

    /// <summary>Records an ended fan-out in the state, once; true when the state changed (and is to be written).</summary>
    private bool LegUitnodigenVast(Uitnodiger.Resultaat? resultaat)
    {
        if (resultaat is null || S.UitnodigenKlaar) return false;
        (S.UitnodigenKlaar, S.Geselecteerd, S.NietIngepland) = (true, resultaat.Geselecteerd, resultaat.NietIngepland);
        return true;
    }

    private CampagneStand Stand() => new(Id, Definitie, S.Status, S.UitnodigenKlaar, CampagnePlanning.Uitleg(Definitie.Volgorde), [.. S.Historie]);

    private void VereisStatus(string actie, params CampagneStatus[] toegestaan)
    {
        _ = Definitie; // a campaign that does not exist says so first
        if (CampagneRegels.WeigerOvergang(actie, S.Status, toegestaan) is { } reden) throw new OvergangGeweigerdException(reden);
    }

    private async Task ZetStatusAsync(CampagneStatus status, string door, string? toelichting)
    {
        if (string.IsNullOrWhiteSpace(door)) throw new OvergangGeweigerdException("Vermeld wie dit doet.");
        S.Status = status;
        S.Historie.Add(new CampagneGebeurtenis(_klok.GetUtcNow(), status, door, string.IsNullOrWhiteSpace(toelichting) ? null : toelichting.Trim()));
        await SchrijfStateAsync();
        await _opslag.SchrijfCampagneAsync(Id, Definitie.Naam, status, Definitie.PeriodeVan, Definitie.PeriodeTot, Definitie.Selectie.Gemeente);
        CampagneLog.Status(_logger, Id, status, door);
        _voortgang.Publiceer(altijd: true); // a status change is rare and the dashboard should show it at once
    }

    private Task SchrijfStateAsync() => _state.SchrijfOfBeginOpnieuwAsync(GrainContext);
}
