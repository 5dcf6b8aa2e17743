using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Grains;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Host.Bestand;
using KenJeKlant.Host.Infrastructuur.Klok;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Host.Campagnes.Simulatie;

/// <summary>
/// The demo's people: once the demo bestand is in, starts the demo campaign (if it is not there yet)
/// and then, as simulated time passes, records an outcome for every gesprek whose slot has passed,
/// through the same grain call as the klantmanager's form.
/// </summary>
public sealed partial class CampagneSimulatie(
    IOptions<SimulatieInstellingen> instellingen,
    IOptions<KlokInstellingen> klokInstellingen,
    IOptionsMonitor<CampagneBeleid> beleid,
    DemoGereed demo,
    ICampagneLeesmodel leesmodel,
    IGrainFactory grains,
    Domeinklok klok,
    ILogger<CampagneSimulatie> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var s = instellingen.Value;
        await demo.Klaar.WaitAsync(stoppingToken);
        var campagne = grains.GetGrain<ICampagneGrain>(s.CampagneId);
        if (await campagne.GetAsync() is null)
        {
            var vandaag = klok.Vandaag;
            await campagne.MaakAsync(beleid.CurrentValue.Definitie(s.CampagneNaam, null, vandaag), "simulatie");
            await campagne.StartAsync("simulatie");
            LogGestart(s.CampagneId, klokInstellingen.Value.DagInSeconden);
        }
        using var tik = new PeriodicTimer(TimeSpan.FromSeconds(Math.Clamp(klokInstellingen.Value.DagInSeconden / 24, 0.1, 2)));
        while (await tik.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SpeelAsync(campagne, s, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogMislukt(e);
            }
        }
    }

    private async Task SpeelAsync(ICampagneGrain campagne, SimulatieInstellingen s, CancellationToken ct)
    {
        var nu = klok.GetUtcNow();
        foreach (var gesprek in await leesmodel.VoorbijZonderUitkomstAsync(s.CampagneId, nu, 500, ct))
        {
            var datum = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(gesprek.Start, klok.LocalTimeZone).DateTime);
            var (uitkomst, urenLater) = Gedrag.Uitkomst(gesprek.Id, gesprek.Poging, gesprek.Klantmanager, datum, s.Seed);
            if (gesprek.Eind.AddHours(urenLater) > nu) continue;
            try
            {
                await campagne.RegistreerUitkomstAsync(gesprek.Klantnummer, gesprek.Id, uitkomst);
            }
            catch (OvergangGeweigerdException e)
            {
                // A simulated klantmanager makes the same mistakes a real one can; the refusal is the answer.
                LogGeweigerd(gesprek.Klantnummer, e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulatie: campagne {Campagne} gestart; één dag duurt {Seconden} seconden")]
    private partial void LogGestart(string campagne, double seconden);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Simulatie: een ronde mislukte; de volgende probeert het opnieuw")]
    private partial void LogMislukt(Exception fout);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulatie: uitkomst voor {Klant} geweigerd: {Reden}")]
    private partial void LogGeweigerd(string klant, string reden);
}
