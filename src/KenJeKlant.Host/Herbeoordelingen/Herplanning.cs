using KenJeKlant.Grains.Beleid;
using KenJeKlant.Host.Klanten;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Host.Herbeoordelingen;

/// <summary>
/// Plans every client in the bestand again under the current policy. Runs when the policy
/// configuration changes and on request; each grain only writes when its plan really changed,
/// so running it twice (or on two silos) is harmless.
/// </summary>
public sealed partial class Herplanning(KlantenInBestand klantenInBestand, ILogger<Herplanning> logger)
    : IDisposable
{
    private IDisposable? _abonnement;

    public sealed record Rapport(int Klanten, int Gewijzigd);

    public async Task<Rapport> HerplanAlleAsync(CancellationToken ct)
    {
        var (klanten, gewijzigd) = await klantenInBestand.VoerUitAsync(_ => true, k => k.HerplanHerbeoordelingAsync(), ct);
        LogHerpland(klanten, gewijzigd);
        return new Rapport(klanten, gewijzigd);
    }



    /// <summary>Called once the silo runs: from then on a policy change in configuration re-plans everyone.</summary>
    public void VolgBeleid(IOptionsMonitor<HerbeoordelingBeleid> beleid, CancellationToken stoppen) =>
        _abonnement = beleid.OnChange((_, _) => Task.Run(() => HerplanVeiligAsync(stoppen), stoppen));

    private async Task HerplanVeiligAsync(CancellationToken ct)
    {
        try
        {
            await HerplanAlleAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogMislukt(e);
        }
    }

    public void Dispose() => _abonnement?.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Herbeoordelingen opnieuw gepland: {Klanten} klanten, {Gewijzigd} gewijzigd")]
    private partial void LogHerpland(int klanten, int gewijzigd);

    [LoggerMessage(Level = LogLevel.Error, Message = "Herplanning na beleidswijziging mislukt; start hem opnieuw via POST /api/v1/herbeoordelingen/herplanning")]
    private partial void LogMislukt(Exception e);
}
