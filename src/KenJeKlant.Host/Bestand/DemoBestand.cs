using KenJeKlant.Grains;
using KenJeKlant.Bestand;
using KenJeKlant.Host.Klanten;
using KenJeKlant.Host.Klantmanagers;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Host.Bestand;

/// <summary>
/// On an empty installation with Demo:SynthetischBestand &gt; 0: adds the synthetic klantmanagers and
/// imports a synthetic bestand through the same import as a real export, once the silo is up.
/// </summary>
public sealed partial class DemoBestand(
    IOptions<DemoInstellingen> instellingen,
    Gemeenten.Gemeentelijst gemeenten,
    IKlantOverzichten klanten,
    IMedewerkers medewerkers,
    BestandImports imports,
    IHostApplicationLifetime lifetime,
    DemoGereed gereed,
    Domeinklok klok,
    ILogger<DemoBestand> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await VulAsync(stoppingToken);
        }
        finally
        {
            gereed.Meld();
        }
    }

    private async Task VulAsync(CancellationToken stoppingToken)
    {
        var demo = instellingen.Value;
        if (demo.SynthetischBestand <= 0) return;
        await WachtOpStartAsync(stoppingToken);
        if (await klanten.AantalAsync(stoppingToken) > 0)
        {
            LogNietLeeg();
            return;
        }

        var opties = new SyntheticBestandOpties
        {
            Aantal = demo.SynthetischBestand,
            Seed = demo.Seed,
            Peildatum = klok.Vandaag,
            Klantmanagers = [.. Enumerable.Range(1, demo.Klantmanagers).Select(i => $"KM{i:D3}")],
            Gemeenten = [.. gemeenten.Alle.Select(g => g.Code)],
        };
        foreach (var id in opties.Klantmanagers)
            await medewerkers.BewaarAsync(new Klantmanager(id, $"Klantmanager {id}"), stoppingToken);

        await using var bestand = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        await new SyntheticBestandGenerator(opties).SchrijfAsync(bestand, stoppingToken);
        bestand.Position = 0;
        // The same job as an upload; a silo started beside this one may have begun it first: then wait for that one.
        var start = await imports.StartAsync(bestand, SyntheticBestandGenerator.Codering.WebName, gedeeltelijk: false, controle: false, "demo", stoppingToken);
        var gestart = start switch
        {
            ImportStart.Gestart g => g.Stand.Id,
            ImportStart.Bezet { Lopende: { } lopende } => lopende.Id,
            _ => (Guid?)null,
        };
        var uitkomst = gestart is { } importId ? (await imports.WachtOpEindeAsync(importId, stoppingToken)).Status.ToString() : start.GetType().Name;
        LogGeimporteerd(demo.SynthetischBestand, uitkomst);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo bestand not imported: the bestand is not empty.")]
    private partial void LogNietLeeg();

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo bestand of {Aantal} synthetic clients: {Uitkomst} (counts in the import's log line)")]
    private partial void LogGeimporteerd(int aantal, string uitkomst);

    private Task WachtOpStartAsync(CancellationToken ct)
    {
        var gestart = new TaskCompletionSource();
        lifetime.ApplicationStarted.Register(() => gestart.TrySetResult());
        return gestart.Task.WaitAsync(ct);
    }
}
