using KenJeKlant.Abstractions.PlanVanAanpak;
using KenJeKlant.Abstractions.Werklijsten;
using KenJeKlant.Grains.Beleid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Grains.PlanVanAanpak;

/// <summary>
/// The plan van aanpak of one client (key: klantnummer): the one writer of its rows in <c>plan_van_aanpak</c> and
/// <c>afspraak</c>, which are its home (this grain stores no state of its own). Being one activation per client
/// puts every change of a plan in one line — a new version and the closing of an afspraak can never cross — and
/// the rules (<see cref="PlanVanAanpakRegels"/>) are checked against the plan as stored. After each change it tells
/// the klantmanager's werklijst which of the client's afspraken are now to be checked.
/// </summary>
public sealed partial class PlanVanAanpakGrain(
    IPlanVanAanpakOpslag opslag,
    IOptionsMonitor<PlanVanAanpakBeleid> beleid,
    Domeinklok klok,
    ILogger<PlanVanAanpakGrain> logger) : Grain, IPlanVanAanpakGrain
{
    private Plan? _huidig;
    private bool _gelezen;

    private string Klantnummer => this.GetPrimaryKeyString();

    public async Task<Plan?> GetAsync() => await HuidigAsync();

    public async Task<Plan?> GetVersieAsync(int versie)
    {
        var huidig = await HuidigAsync();
        if (huidig is null || versie < 1 || versie > huidig.Versie) return null;
        if (versie == huidig.Versie) return huidig;
        var oud = await opslag.VersieAsync(Klantnummer, versie);
        return oud is null ? null : oud with { Versies = huidig.Versies };
    }

    public async Task<Plan> StelVastAsync(PlanInvoer invoer)
    {
        var huidig = await HuidigAsync();
        var wijziging = PlanVanAanpakRegels.StelVast(Klantnummer, huidig, invoer, klok.Vandaag, klok.Nu, beleid.CurrentValue, Guid.NewGuid);
        await SchrijfAsync(() => opslag.SchrijfAsync(wijziging));
        _huidig = wijziging.Plan;
        await VertelWerklijstAsync();
        return _huidig;
    }

    public async Task ControleerAsync(PlanInvoer invoer) =>
        _ = PlanVanAanpakRegels.StelVast(Klantnummer, await HuidigAsync(), invoer, klok.Vandaag, klok.Nu, beleid.CurrentValue, Guid.NewGuid);

    public async Task<Plan> RondAfAsync(Guid afspraakId, AfrondingInvoer afronding)
    {
        var (plan, afspraak) = PlanVanAanpakRegels.RondAf(await HuidigAsync(), afspraakId, afronding, klok.Nu);
        await SchrijfAsync(async () =>
        {
            if (!await opslag.SchrijfAfrondingAsync(Klantnummer, afspraak))
                throw new InvalidOperationException($"Afspraak {afspraakId} van klant {Klantnummer} was in de tabel niet (meer) open.");
        });
        _huidig = plan;
        await VertelWerklijstAsync();
        return plan;
    }

    private async Task<Plan?> HuidigAsync()
    {
        if (_gelezen) return _huidig;
        _huidig = await opslag.HuidigAsync(Klantnummer);
        _gelezen = true;
        return _huidig;
    }

    /// <summary>A failed write may have left the tables other than this activation thinks: start again from them.</summary>
    private async Task SchrijfAsync(Func<Task> schrijf)
    {
        try
        {
            await schrijf();
        }
        catch
        {
            _gelezen = false;
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>
    /// The plan is stored; the werklijst hears it one-way. Should that fail, the werklijst reads the same rows when it
    /// next activates or the day changes — the change itself is not undone for it.
    /// </summary>
    private async Task VertelWerklijstAsync()
    {
        try
        {
            if (await opslag.KlantAsync(Klantnummer) is not { } klant) return;
            var vandaag = klok.Vandaag;
            var items = (_huidig?.Afspraken ?? []).Where(a => AfspraakWerklijst.TeControleren(a, vandaag))
                .Select(a => AfspraakWerklijst.Item(klant.Klantnummer, klant.Naam, a, vandaag)).ToList();
            await GrainFactory.GetGrain<IKlantmanagerGrain>(klant.Klantmanager).VervangAfsprakenAsync(Klantnummer, items);
        }
        catch (Exception e)
        {
            LogWerklijstNietBereikt(e, Klantnummer);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Werklijst niet bijgewerkt na een wijziging van het plan van aanpak van klant {Klantnummer}; zij leest het bij de volgende dag of activering.")]
    private partial void LogWerklijstNietBereikt(Exception fout, string klantnummer);
}
