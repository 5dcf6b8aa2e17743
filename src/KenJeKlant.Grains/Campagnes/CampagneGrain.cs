using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Telemetrie;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;

namespace KenJeKlant.Grains.Campagnes;

/// <summary>
/// One campaign. Its set-up and status are grain state; its gesprekken are held in memory and
/// written through to the gesprek and bericht tables (the outbox) in the same step that decides
/// them. Work that takes long (the fan-out, telling the klant grains) runs in short timer turns,
/// so the campaign keeps answering while it works.
/// </summary>
/// <remarks>
/// Placed on the silo that took the programmaleider's request: its work is database batches and
/// calls spread over the cluster anyway, and it makes "the silo running the campaign dies" a
/// failure the process tests can aim at. After a crash Orleans places it anew like any grain.
/// </remarks>
[PreferLocalPlacement]
public sealed partial class CampagneGrain(
    [PersistentState("campagne", StorageNames.KenJeKlant)] IPersistentState<CampagneState> state,
    ICampagneOpslag opslag,
    IOptionsMonitor<CampagneBeleid> beleid,
    IOptionsMonitor<TrajectBeleid> traject,
    Domeinklok klok,
    KenJeKlantMeters meters,
    ILogger<CampagneGrain> logger) : Grain, ICampagneGrain
{
    private readonly CampagneGesprekken _gesprekken = new();
    private bool _werklijstenHerhalen;

    private string Id => this.GetPrimaryKeyString();
    private CampagneState S => state.State;
    private CampagneDefinitie Definitie => S.Definitie ?? throw new OvergangGeweigerdException($"Campagne {Id} bestaat niet.");
    private DateTimeOffset Nu => klok.GetUtcNow();
    private DateOnly Vandaag => klok.Vandaag;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Definitie is null) return;
        _gesprekken.Zet(await opslag.GesprekkenAsync(Id, cancellationToken));
        // A werklijst that stayed active elsewhere may have missed what this campaign wrote just
        // before it went down: tell them all again once (unchanged items change nothing there).
        // The fan-out uses the same flag: werklijsten hear once all invitations are written.
        _werklijstenHerhalen = _gesprekken.Alle.Any(r => r.IsOpen);
        if (HeeftWerk()) await StartWerkAsync();
    }

    public async Task<CampagneStand> MaakAsync(CampagneDefinitie definitie, string door)
    {
        if (S.Definitie is not null)
            throw new OvergangGeweigerdException($"Er bestaat al een campagne met id {Id}.");
        var fouten = CampagneRegels.Controleer(definitie);
        if (fouten.Count > 0) throw new OvergangGeweigerdException(string.Join(" ", fouten.Select(f => f.Melding)));
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
        StopUitnodigen();
        await ZetStatusAsync(CampagneStatus.Geannuleerd, door, toelichting);
        await TrekOpenGesprekkenInAsync();
        return Stand();
    }

    public Task<Voortgang?> GetVoortgangAsync()
    {
        if (S.Definitie is null) return Task.FromResult<Voortgang?>(null);
        var geselecteerd = S.UitnodigenKlaar ? S.Geselecteerd : Math.Max(S.Geselecteerd, _gesprekken.AantalKlanten);
        return Task.FromResult<Voortgang?>(_gesprekken.Teller.Maak(Id, S.Status, geselecteerd, S.NietIngepland));
    }

    private CampagneStand Stand() => new(Id, Definitie, S.Status, S.UitnodigenKlaar, CampagnePlanning.Uitleg(Definitie.Volgorde), [.. S.Historie]);

    private void VereisStatus(string actie, params CampagneStatus[] toegestaan)
    {
        _ = Definitie;
        if (!toegestaan.Contains(S.Status))
            throw new OvergangGeweigerdException(
                $"Een campagne die {StatusTekst(S.Status)} is, kun je niet {actie}; dat kan alleen als ze {string.Join(" of ", toegestaan.Select(StatusTekst))} is.");
    }

    private async Task ZetStatusAsync(CampagneStatus status, string door, string? toelichting)
    {
        if (string.IsNullOrWhiteSpace(door)) throw new OvergangGeweigerdException("Vermeld wie dit doet.");
        S.Status = status;
        S.Historie.Add(new CampagneGebeurtenis(Nu, status, door, string.IsNullOrWhiteSpace(toelichting) ? null : toelichting.Trim()));
        await SchrijfStateAsync();
        await opslag.SchrijfCampagneAsync(Id, Definitie.Naam, status, Definitie.PeriodeVan, Definitie.PeriodeTot);
        LogStatus(logger, Id, status, door);
        await PushVoortgangAsync(altijd: true); // a status change is rare and the dashboard should show it at once
    }

    private async Task SchrijfStateAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Memory now holds what storage does not: start again from storage on the next call.
            DeactivateOnIdle();
            throw;
        }
    }

    internal static string StatusTekst(CampagneStatus status) => status switch
    {
        CampagneStatus.Concept => "concept",
        CampagneStatus.Actief => "actief",
        CampagneStatus.Gepauzeerd => "gepauzeerd",
        CampagneStatus.Afgerond => "afgerond",
        CampagneStatus.Geannuleerd => "geannuleerd",
        _ => status.ToString(),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Campagne {Campagne} is nu {Status} (door {Door})")]
    private static partial void LogStatus(ILogger logger, string campagne, CampagneStatus status, string door);
}
