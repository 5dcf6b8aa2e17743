using KenJeKlant.Abstractions.Herbeoordelingen;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Grains.Beleid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Grains.Herbeoordelingen;

/// <summary>
/// Finds the clients of its buckets whose herbeoordeling moment has come and lets their klant grains catch up.
/// One reminder per scanner, not per client: the moment is data in an indexed column, so a late, missed or
/// doubled tick loses nothing and prompts nothing twice (the klant grain remembers what it prompted), and a
/// silo starts without loading a reminder per client. A client whose grain fails stays due for the next tick.
/// </summary>
public sealed class HerbeoordelingScannerGrain(
    IHerbeoordelingAgenda agenda,
    IOptionsMonitor<HerbeoordelingBeleid> beleid,
    Domeinklok klok,
    ILogger<HerbeoordelingScannerGrain> logger) : Grain, IHerbeoordelingScannerGrain, IRemindable
{
    private const string Reminder = "herbeoordeling-scanner";
    private const int PerVraag = 1_000;
    // Grain calls in flight at once: enough for the klant storage to fill its batches. Measured against a window that
    // starts a call whenever one ends and asks for the next page meanwhile: that was slower (docs/benchmarks.md).
    private const int Tegelijk = 200;

    private int Scanner => (int)this.GetPrimaryKeyLong();

    // Registered anew at every silo start, with the period configured now and a first look right away: what
    // fell due while no silo ran is prompted soon after the start instead of a period later.
    public Task StartAsync() => this.RegisterOrUpdateReminder(Reminder, TimeSpan.FromSeconds(5), beleid.CurrentValue.Controle);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != Reminder) return;
        await ScanAsync();
    }

    public Task KijkAsync() => ScanAsync();

    public async Task<int> ScanAsync()
    {
        var instellingen = beleid.CurrentValue;
        if (Scanner >= instellingen.Scanners)
        {
            // Fewer scanners configured than before: this one's buckets now belong to another.
            if (await this.GetReminder(Reminder) is { } overbodig) await this.UnregisterReminder(overbodig);
            return 0;
        }
        return await new HerbeoordelingRonde(agenda, PerVraag, Tegelijk)
            .BijwerkenAsync(HerbeoordelingVakken.VanScanner(Scanner, instellingen.Scanners), klok.GetUtcNow(), BijwerkenAsync);
    }

    private async Task<bool> BijwerkenAsync(string klantnummer)
    {
        try
        {
            await GrainFactory.GetGrain<IKlantGrain>(klantnummer).HerplanHerbeoordelingAsync();
            return true;
        }
        catch (Exception fout)
        {
            logger.NietBijgewerkt(fout, klantnummer);
            return false;
        }
    }
}
