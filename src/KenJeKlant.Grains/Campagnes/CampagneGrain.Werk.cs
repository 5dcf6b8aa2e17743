using System.Diagnostics;
using KenJeKlant.Abstractions.Campagnes;
using Microsoft.Extensions.Logging;

namespace KenJeKlant.Grains.Campagnes;

// The campaign's own pace: a grain timer gives short turns of work (fan-out batches, due steps,
// telling klant grains); a reminder brings an unfinished campaign back after a restart. Between
// turns the campaign answers calls, so a fan-out of 100,000 never blocks the dashboard.
public sealed partial class CampagneGrain : IRemindable
{
    private const string ControleReminder = "campagne";
    private static readonly TimeSpan MeteenWeer = TimeSpan.FromMilliseconds(1);

    private IGrainTimer? _werk;
    private bool _reminderGezet;

    /// <summary>Anything left that needs this campaign awake: running, unfinished gesprekken, or clients still to be told.</summary>
    private bool HeeftWerk() =>
        S.Status is CampagneStatus.Actief or CampagneStatus.Gepauzeerd
        || _gesprekken.TeMelden.Count > 0
        || _gesprekken.Alle.Any(r => r.IsOpen);

    private bool HeeftMeteenWerk() => _teSchrijven is { Count: > 0 } || _werklijstenHerhalen || _gesprekken.TeMelden.Count > 0;

    private async Task StartWerkAsync()
    {
        if (S.Status is CampagneStatus.Actief or CampagneStatus.Gepauzeerd && !S.UitnodigenKlaar && _teSchrijven is null)
            await BereidUitnodigenVoorAsync(); // after a restart: carry on where the fan-out was
        var tik = beleid.CurrentValue.Tik;
        if (_werk is null)
            _werk = this.RegisterGrainTimer(WerkBeurtAsync, new GrainTimerCreationOptions(TimeSpan.Zero, tik) { Interleave = false, KeepAlive = true });
        else
            _werk.Change(TimeSpan.Zero, tik);
        if (_reminderGezet) return;
        var controle = beleid.CurrentValue.Controle;
        await this.RegisterOrUpdateReminder(ControleReminder, controle, controle);
        _reminderGezet = true;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ControleReminder) return;
        if (S.Definitie is not null && HeeftWerk())
        {
            await TrekInVoorVertrokkenKlantenAsync();
            await StartWerkAsync();
        }
        else await StopWerkAsync();
    }

    public async Task VerwerkTijdAsync()
    {
        if (S.Definitie is null) return;
        await VoerTijdstappenUitAsync();
    }

    private async Task WerkBeurtAsync(CancellationToken ct)
    {
        var tot = Stopwatch.GetTimestamp() + (long)(beleid.CurrentValue.WerkPerBeurt.TotalSeconds * Stopwatch.Frequency);
        bool Op() => Stopwatch.GetTimestamp() > tot || ct.IsCancellationRequested;
        try
        {
            await VoerTijdstappenUitAsync();
            while (_teSchrijven is { Count: > 0 } && !Op()) await SchrijfBatchAsync();
            if (_teSchrijven is { Count: 0 }) await RondUitnodigenAfAsync();
            if (_werklijstenHerhalen && _teSchrijven is null)
            {
                await MeldAanWerklijstenAsync([.. _gesprekken.Alle.Where(r => r.IsOpen)]);
                _werklijstenHerhalen = false;
            }
            while (_gesprekken.TeMelden.Count > 0 && !Op()) await MeldKlantenAsync();
            await ControleerAfgerondAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next turn tries again from what memory and storage agree on; every write is idempotent.
            LogWerkMislukt(logger, e, Id);
        }
        await PushVoortgangAsync();
        if (HeeftMeteenWerk()) _werk?.Change(MeteenWeer, beleid.CurrentValue.Tik);
        else if (!HeeftWerk()) await StopWerkAsync();
    }

    private async Task StopWerkAsync()
    {
        await PushVoortgangAsync(altijd: true); // no turn follows: whatever was held back goes now
        _werk?.Dispose();
        _werk = null;
        _reminderGezet = false;
        if (await this.GetReminder(ControleReminder) is { } reminder) await this.UnregisterReminder(reminder);
    }

    private async Task ControleerAfgerondAsync()
    {
        if (S.Status != CampagneStatus.Actief || !S.UitnodigenKlaar || _gesprekken.Alle.Any(r => r.IsOpen)) return;
        await ZetStatusAsync(CampagneStatus.Afgerond, "systeem", "Alle gesprekken van de campagne hebben een uitkomst.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Werk van campagne {Campagne} mislukt; de volgende beurt probeert het opnieuw")]
    private static partial void LogWerkMislukt(ILogger logger, Exception fout, string campagne);
}
