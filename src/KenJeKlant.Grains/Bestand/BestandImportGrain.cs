using KenJeKlant.Abstractions.Bestand;
using KenJeKlant.Abstractions.Klanten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using KenJeKlant.Abstractions.Herbeoordelingen;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Klanten;
using Orleans.Placement;

namespace KenJeKlant.Grains.Bestand;

/// <summary>
/// One bestand import as a job: reads and checks the file (<see cref="BestandInlezer"/>), applies the valid
/// rows (<see cref="KlantenBijwerker"/>), then marks who left the bestand (<see cref="UitBestandMarkeerder"/>),
/// in timer turns of at most <see cref="ImportInstellingen.WerkPerBeurt"/> so it answers its status and a
/// cancel in between. Its row in <c>bestand_import</c> is the job's one home (no grain state): every turn
/// ends on a checkpoint there, and a reminder brings a running job back after its silo died.
/// </summary>
/// <remarks>
/// Placed on the silo that took the upload, like a campaign: the work is database batches and klant grain
/// calls spread over the cluster anyway, and "the silo running the import dies" is then a failure the
/// process tests can aim at.
/// </remarks>
[PreferLocalPlacement]
public sealed class BestandImportGrain : Grain, IBestandImportGrain, IRemindable
{
    private const string ControleReminder = "bestand-import";
    private static readonly TimeSpan MeteenWeer = TimeSpan.FromMilliseconds(1);

    private readonly IBestandImportOpslag _opslag;
    private readonly IOptionsMonitor<ImportInstellingen> _instellingen;
    private readonly IOptionsMonitor<HerbeoordelingBeleid> _herbeoordeling;
    private readonly ILogger _logger;
    // Real time, not the domain clock: when the job ran and how fast it goes are facts about the machine.
    private readonly TimeProvider _klok = TimeProvider.System;
    private readonly ImportPublicatie _publicatie;
    private readonly ImportSchatting _schatting;
    private readonly KlantenBijwerker _bijwerker;
    private readonly UitBestandMarkeerder _markeerder;
    private readonly List<ImportMelding> _fouten = [];
    private readonly List<ImportMelding> _waarschuwingen = [];
    private ImportJob? _job;
    private BestandInlezer? _inlezer;
    private readonly Queue<Task> _opslaan = new();
    private long _bytesGelezen;
    private IGrainTimer? _werk;
    private bool _reminderGezet;
    private bool _opnieuwLaden;

    public BestandImportGrain(
        IBestandImportOpslag opslag,
        IOptionsMonitor<ImportInstellingen> instellingen,
        Domeinklok domeinklok,
        IOptionsMonitor<HerbeoordelingBeleid> herbeoordeling,
        ILogger<BestandImportGrain> logger)
    {
        (_opslag, _instellingen, _herbeoordeling, _logger) = (opslag, instellingen, herbeoordeling, logger);
        _bijwerker = new(opslag, p => GrainFactory.GetGrain<IKlantGrain>(p.Klantnummer).ImporteerAsync(p, Id.ToString()),
            p => NieuweKlant.Staat(p, Id.ToString(), domeinklok, herbeoordeling.Get(p.Gemeente ?? Options.DefaultName)), logger);
        _markeerder = new(opslag, nr => GrainFactory.GetGrain<IKlantGrain>(nr).VerlaatBestandAsync(Id.ToString()), logger);
        _publicatie = new(Stand, logger, _klok);
        _schatting = new(_klok);
    }

    private Guid Id => this.GetPrimaryKey();
    private ImportJob Job => _job ?? throw new NietGevondenException($"Er is geen import met nummer {Id}.");
    private ImportInstellingen Instellingen => _instellingen.CurrentValue;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _job = await _opslag.LeesAsync(Id, cancellationToken);
        if (_job is null) return;
        _fouten.AddRange(await _opslag.MeldingenAsync(Id, MeldingSoort.Fout, ImportRapport.MaxGetoond, cancellationToken));
        _waarschuwingen.AddRange(await _opslag.MeldingenAsync(Id, MeldingSoort.Waarschuwing, ImportRapport.MaxGetoond, cancellationToken));
        // Taken up where the checkpoint says (reading starts from the top again: it is the cheap step).
        _schatting.Begin(_job.Stap(0).Gedaan);
        if (_job.Status == ImportStatus.Bezig) await StartWerkAsync();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await SluitInlezerAsync();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task<ImportStand> BeginAsync()
    {
        if (Job.Status == ImportStatus.Bezig) await StartWerkAsync();
        return Stand();
    }

    public Task<ImportStand> GetStandAsync() => Task.FromResult(Stand());

    public async Task<ImportStand> BreekAfAsync(string door)
    {
        var job = Job;
        if (job.Status == ImportStatus.Afgebroken) return Stand();
        if (job.Status != ImportStatus.Bezig)
            throw new OvergangGeweigerdException(ImportTeksten.AlBeeindigd(job.Status));
        // Between two turns: every klant grain call of the last batch has answered, so each client is whole.
        await BeeindigAsync(ImportStatus.Afgebroken, ImportTeksten.Afgebroken, ImportTeksten.AfgebrokenDoor(job, door));
        return Stand();
    }

    public Task AbonneerAsync(IBestandImportObserver observer) => _publicatie.AbonneerAsync(observer);

    public Task OpzeggenAsync(IBestandImportObserver observer) => _publicatie.OpzeggenAsync(observer);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ControleReminder) return;
        if (_job is { Status: ImportStatus.Bezig }) await StartWerkAsync();
        else await StopWerkAsync();
    }

    private async Task StartWerkAsync()
    {
        _werk ??= this.RegisterGrainTimer(WerkBeurtAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Instellingen.Tik) { Interleave = false, KeepAlive = true });
        if (_reminderGezet) return;
        await this.RegisterOrUpdateReminder(ControleReminder, Instellingen.Controle, Instellingen.Controle);
        _reminderGezet = true;
    }

    private async Task StopWerkAsync()
    {
        _werk?.Dispose();
        _werk = null;
        _reminderGezet = false;
        if (await this.GetReminder(ControleReminder) is { } reminder) await this.UnregisterReminder(reminder);
    }

    private async Task WerkBeurtAsync(CancellationToken ct)
    {
        if (_opnieuwLaden) return;
        if (_job is not { Status: ImportStatus.Bezig } job)
        {
            await StopWerkAsync();
            return;
        }
        var tot = _klok.GetTimestamp() + (long)(Instellingen.WerkPerBeurt.TotalSeconds * _klok.TimestampFrequency);
        var uitkomst = StapUitkomst.Verder;
        try
        {
            while (job.Status == ImportStatus.Bezig && uitkomst == StapUitkomst.Verder && _klok.GetTimestamp() < tot && !ct.IsCancellationRequested)
                uitkomst = await StapAsync(job);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Memory may now be ahead of what is stored: this activation gives up, and the next one (the
            // reminder, or anyone asking) starts again from the checkpoint in the row.
            BestandImportLog.StapMislukt(_logger, e, Id);
            _opnieuwLaden = true;
            DeactivateOnIdle();
            return;
        }
        _publicatie.Publiceer();
        if (uitkomst == StapUitkomst.Verder && job.Status == ImportStatus.Bezig) _werk?.Change(MeteenWeer, Instellingen.Tik);
    }

    private async Task<StapUitkomst> StapAsync(ImportJob job)
    {
        var i = Instellingen;
        switch (job.Fase)
        {
            case ImportFase.Controleren:
                return await LeesAsync(job, i);
            case ImportFase.Toepassen:
                var toegepast = await _bijwerker.VerwerkAsync(job, i.Batchgrootte, i.KlantenTegelijk, i.NieuwPerDeel, i.DelenTegelijk);
                if (toegepast != StapUitkomst.Klaar) return toegepast;
                // "Left the bestand" is decided only now that every valid row is applied.
                job.UitBestandTeDoen = await _opslag.TelUitBestandAsync(job.Id);
                await NaarFaseAsync(job, ImportFase.UitBestand);
                return StapUitkomst.Verder;
            case ImportFase.UitBestand:
                // Nobody left (the everyday export): the count just made says so, no second search for them.
                var uit = job.UitBestandTeDoen == 0 ? StapUitkomst.Klaar : await _markeerder.VerwerkAsync(job, i.Batchgrootte, i.KlantenTegelijk);
                if (uit != StapUitkomst.Klaar) return uit;
                await BeeindigAsync(ImportStatus.Klaar, ImportTeksten.Geimporteerd(job), null);
                return StapUitkomst.Klaar;
            default:
                return StapUitkomst.Klaar;
        }
    }

    private async Task<StapUitkomst> LeesAsync(ImportJob job, ImportInstellingen i)
    {
        if (_inlezer is null)
        {
            job.BeginControle();
            _bytesGelezen = 0;
            _fouten.Clear();
            _waarschuwingen.Clear();
            await _opslag.BeginControleAsync(job);
            _inlezer = await BestandInlezer.OpenAsync(await _opslag.OpenBestandAsync(job.Id), job.Codering, job.Importdatum, await _opslag.KlantmanagersAsync(), _opslag.Gemeenten, CancellationToken.None);
            _schatting.Begin(0);
            if (_inlezer.Probleem is { } probleem)
            {
                await BeeindigAsync(ImportStatus.Mislukt, ImportTeksten.NietTeLezen, probleem.Melding);
                return StapUitkomst.Klaar;
            }
        }
        var deel = await _inlezer.LeesAsync(job, i.RegelsPerDeel);
        // The parts before are stored while this one is read, up to DelenTegelijk at once, so the silo reads while
        // PostgreSQL writes on both its cores. Staging a row twice changes nothing, and reading starts from the top after
        // a failure, so nothing depends on the order.
        while (_opslaan.Count >= i.DelenTegelijk) await _opslaan.Dequeue();
        _opslaan.Enqueue(_opslag.SchrijfGelezenAsync(job, deel));
        _fouten.AddRange(deel.Fouten);
        _waarschuwingen.AddRange(deel.Waarschuwingen);
        _bytesGelezen = _inlezer.BytesGelezen;
        if (!deel.Klaar) return StapUitkomst.Verder;
        while (_opslaan.Count > 0) await _opslaan.Dequeue();

        if (job.Controle) await BeeindigAsync(ImportStatus.Klaar, ImportTeksten.Gecontroleerd, ImportTeksten.Controle(job));
        else if (job.AantalFouten > 0 && !job.Gedeeltelijk) await BeeindigAsync(ImportStatus.Mislukt, ImportTeksten.BevatFouten, ImportTeksten.Fouten(job));
        else
        {
            await SluitInlezerAsync();
            await NaarFaseAsync(job, ImportFase.Toepassen);
        }
        return StapUitkomst.Verder;
    }

    // New clients whose herbeoordeling is due already have "now" as their moment: the scanners are told to look at once
    // (one-way), so those prompts reach the werklijsten now rather than at their next tick (HerbeoordelingBeleid.Controle).
    private void LaatScannersKijken()
    {
        for (var scanner = 0; scanner < _herbeoordeling.CurrentValue.Scanners; scanner++)
            _ = GrainFactory.GetGrain<IHerbeoordelingScannerGrain>(scanner).KijkAsync();
    }

    private async Task NaarFaseAsync(ImportJob job, ImportFase fase)
    {
        job.Fase = fase;
        job.BijgewerktOp = _klok.GetUtcNow();
        await _opslag.SchrijfAsync(job);
        _schatting.Begin(job.Stap(_bytesGelezen).Gedaan);
        BestandImportLog.Fase(_logger, job.Id, fase);
        _publicatie.Publiceer(altijd: true);
    }

    private async Task BeeindigAsync(ImportStatus status, string titel, string? melding)
    {
        var job = Job;
        job.Beeindig(status, titel, melding, _klok.GetUtcNow());
        await SluitInlezerAsync();
        try
        {
            await _opslag.RondAfAsync(job);
        }
        catch
        {
            _opnieuwLaden = true; // memory says ended, the row does not: start again from the row
            DeactivateOnIdle();
            throw;
        }
        BestandImportLog.Beeindigd(_logger, job.Id, status, job.Regels, job.Nieuw, job.Gewijzigd, job.Ongewijzigd, job.TerugInBestand, job.Afgewezen, job.UitBestand);
        await StopWerkAsync();
        // Only once the job has ended (also when cancelled): prompting tens of thousands of new clients at once slowed
        // the job's own last steps (at 40,000 from 0.3 s to 2–3 s). The count comes from the job's row, so a job
        // resumed by another activation tells them too; telling them when nothing is due costs them one look.
        if (job.Nieuw > 0) LaatScannersKijken();
        _publicatie.Publiceer(altijd: true);
    }

    private async Task SluitInlezerAsync()
    {
        while (_opslaan.TryDequeue(out var opslaan))
        {
            try { await opslaan; }
            catch (Exception e) when (e is not OperationCanceledException) { BestandImportLog.StapMislukt(_logger, e, Id); }
        }
        if (_inlezer is null) return;
        await _inlezer.DisposeAsync();
        _inlezer = null;
    }

    private ImportStand Stand()
    {
        var job = Job;
        var (stap, gedaan, totaal) = job.Stap(_bytesGelezen);
        var resterend = job.Status == ImportStatus.Bezig ? _schatting.ResterendeSeconden(gedaan, totaal) : null;
        return job.Stand(_fouten, _waarschuwingen, new ImportVoortgang(stap, job.Controle ? 1 : 3, gedaan, Math.Max(gedaan, totaal), resterend));
    }
}
