using KenJeKlant.Grains;
using System.Text;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Bestand;
using KenJeKlant.Host.Klanten;
using KenJeKlant.Host.Klantmanagers;

namespace KenJeKlant.Host.Bestand;

/// <summary>
/// Imports a bestand export in three passes over a seekable copy of the file, so memory stays flat
/// (only the set of klantnummers is held): validate every row; apply the valid rows to the klant
/// grains; mark clients missing from the export as having left. A file with errors imports nothing
/// unless the caller asked for a partial import. Re-importing the same file changes nothing.
/// </summary>
public sealed partial class BestandImporteur(
    IGrainFactory grains,
    KlantenInBestand klantenInBestand,
    IMedewerkers medewerkers,
    IImportSlot slot,
    Domeinklok klok,
    ILogger<BestandImporteur> logger)
{
    public async Task<ImportUitkomst> ImporteerAsync(Stream bestand, Encoding? codering, bool gedeeltelijk, CancellationToken ct)
    {
        await using var vergrendeling = await slot.ProbeerAsync(ct);
        if (vergrendeling is null) return new ImportUitkomst.Bezet();

        var importId = Guid.CreateVersion7(klok.GetUtcNow());
        var opties = new BestandLeesOpties { Importdatum = klok.Vandaag, Codering = codering };
        var bekendeKlantmanagers = await medewerkers.KlantmanagerIdsAsync(ct);

        var validatie = await ValideerAsync(bestand, opties, bekendeKlantmanagers, ct);
        if (validatie.Probleem is { } probleem)
            return new ImportUitkomst.Ongeldig(Rapport(importId, false, gedeeltelijk, validatie, new ImportTellers()) with { Melding = probleem.Melding });
        if (validatie.AantalFouten > 0 && !gedeeltelijk)
            return new ImportUitkomst.Afgewezen(Rapport(importId, false, gedeeltelijk, validatie, new ImportTellers()) with
            {
                Melding = $"{validatie.AantalFouten} fout(en) in {validatie.Afgewezen} regel(s); er is niets geïmporteerd. Herstel de export en importeer opnieuw, of kies 'Importeer alleen de goede regels' om de regels zonder fout toch te importeren.",
            });

        var tellers = new ImportTellers();
        bestand.Position = 0;
        await PasToeAsync(bestand, opties, bekendeKlantmanagers, importId, tellers, ct);
        await MarkeerVertrokkenAsync(validatie.Klantnummers, importId, tellers, ct);

        var rapport = Rapport(importId, true, gedeeltelijk, validatie, tellers);
        LogGeimporteerd(importId, rapport.Regels, rapport.Nieuw, rapport.Gewijzigd, rapport.Ongewijzigd, rapport.TerugInBestand, rapport.Afgewezen, rapport.UitBestand);
        return new ImportUitkomst.Geimporteerd(rapport);
    }

    private static async Task<Validatie> ValideerAsync(Stream bestand, BestandLeesOpties opties, IReadOnlySet<string> klantmanagers, CancellationToken ct)
    {
        using var lezing = await BestandLezer.OpenAsync(bestand, opties, ct);
        if (lezing.Probleem is { } probleem) return new Validatie { Probleem = probleem };
        var v = new Validatie();
        var controle = new BestandValidatie(klantmanagers);
        await foreach (var rij in lezing.RijenAsync(ct))
        {
            var gecontroleerd = controle.Controleer(rij);
            v.Regels++;
            // Every klantnummer the export names, valid row or not, still belongs to the bestand:
            // a rejected row must not make its client "leave".
            if (gecontroleerd.Klantnummer is { } nr) v.Klantnummers.Add(nr);
            if (gecontroleerd.IsGeldig) continue;
            v.Afgewezen++;
            v.AantalFouten += gecontroleerd.Fouten.Count;
            foreach (var fout in gecontroleerd.Fouten.Take(ImportRapport.MaxGetoondeFouten - v.Fouten.Count)) v.Fouten.Add(fout);
        }
        return v;
    }

    private async Task PasToeAsync(Stream bestand, BestandLeesOpties opties, IReadOnlySet<string> klantmanagers, Guid importId, ImportTellers tellers, CancellationToken ct)
    {
        using var lezing = await BestandLezer.OpenAsync(bestand, opties, ct);
        var controle = new BestandValidatie(klantmanagers);
        var geldige = lezing.RijenAsync(ct).Select(controle.Controleer).Where(r => r.IsGeldig).Select(r => r.Klant!);
        var id = importId.ToString();
        await System.Threading.Tasks.Parallel.ForEachAsync(geldige, new ParallelOptions { MaxDegreeOfParallelism = KlantenInBestand.Gelijktijdig, CancellationToken = ct },
            async (profiel, _) => tellers.Tel(await grains.GetGrain<IKlantGrain>(profiel.Klantnummer).ImporteerAsync(profiel, id)));
    }

    private async Task MarkeerVertrokkenAsync(HashSet<string> inExport, Guid importId, ImportTellers tellers, CancellationToken ct)
    {
        var id = importId.ToString();
        var (_, vertrokken) = await klantenInBestand.VoerUitAsync(nr => !inExport.Contains(nr), k => k.VerlaatBestandAsync(id), ct);
        tellers.TelUitBestand(vertrokken);
    }

    private static ImportRapport Rapport(Guid importId, bool geimporteerd, bool gedeeltelijk, Validatie v, ImportTellers t) => new()
    {
        ImportId = importId,
        Geimporteerd = geimporteerd,
        Gedeeltelijk = gedeeltelijk,
        Regels = v.Regels,
        Nieuw = t.Nieuw,
        Gewijzigd = t.Gewijzigd,
        Ongewijzigd = t.Ongewijzigd,
        TerugInBestand = t.TerugInBestand,
        UitBestand = t.UitBestand,
        Afgewezen = v.Afgewezen,
        AantalFouten = v.AantalFouten,
        Fouten = v.Fouten,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Bestand import {ImportId}: {Regels} regels, {Nieuw} nieuw, {Gewijzigd} gewijzigd, {Ongewijzigd} ongewijzigd, {Terug} terug in bestand, {Afgewezen} afgewezen, {Uit} uit bestand")]
    private partial void LogGeimporteerd(Guid importId, int regels, int nieuw, int gewijzigd, int ongewijzigd, int terug, int afgewezen, int uit);

    private sealed class Validatie
    {
        public BestandProbleem? Probleem { get; init; }
        public int Regels { get; set; }
        public int Afgewezen { get; set; }
        public int AantalFouten { get; set; }
        public List<RijFout> Fouten { get; } = [];
        public HashSet<string> Klantnummers { get; } = new(StringComparer.Ordinal);
    }
}
