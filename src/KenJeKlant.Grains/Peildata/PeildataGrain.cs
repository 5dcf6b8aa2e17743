using KenJeKlant.Abstractions.Peildata;
using KenJeKlant.Grains.Beleid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Grains.Peildata;

/// <summary>
/// One reminder for the cluster that records the nightly peildatum when it is due (<see cref="Peildatumregel"/>).
/// A tick that finds it taken does nothing; a silo that was down catches up at its next tick.
/// </summary>
public sealed class PeildataGrain(
    IPeildata peildata, IOptionsMonitor<PeildataBeleid> beleid, Domeinklok klok, ILogger<PeildataGrain> logger)
    : Grain, IPeildataGrain, IRemindable
{
    private const string Reminder = "peildatum";

    public Task StartAsync() => this.RegisterOrUpdateReminder(Reminder, TimeSpan.FromMinutes(1), beleid.CurrentValue.Controle);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == Reminder) await BijAsync();
    }

    public async Task<PeildatumRun?> BijAsync()
    {
        if (Peildatumregel.Verschuldigd(klok.Nu, beleid.CurrentValue.RunNa, await peildata.LaatsteAsync()) is not { } peildatum)
            return null;
        var run = await peildata.NeemAsync(peildatum);
        logger.Genomen(run.Peildatum, run.Klanten, run.Gewijzigd, run.DuurMs);
        return run;
    }
}

internal static partial class PeildataLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Peildatum {Peildatum} vastgelegd: {Klanten} klanten, {Gewijzigd} gewijzigd, {DuurMs} ms.")]
    public static partial void Genomen(this ILogger logger, DateOnly peildatum, int klanten, int gewijzigd, int duurMs);
}
