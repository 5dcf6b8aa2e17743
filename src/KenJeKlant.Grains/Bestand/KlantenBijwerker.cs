using KenJeKlant.Abstractions.Klanten;
using Microsoft.Extensions.Logging;

namespace KenJeKlant.Grains.Bestand;

/// <summary>
/// The second step: applies the staged valid rows to their klant grains, a batch at a time with a bounded
/// number of calls in flight, and stores each row's effect with the job's counters. A row is pending until
/// its effect is stored, so a batch cut short (a silo died, a call failed) is taken up again from the rows
/// still pending; applying a row twice changes nothing (the klant grain's import is idempotent).
/// Clients never seen before are written first and rows that would change nothing settled next, both in bulk in the
/// store, so neither a first import nor an unchanged export costs a grain call per client (issue 15, decision 29);
/// on every activation again, because rows applied since are no longer pending.
/// </summary>
/// <param name="importeer">Applies one profile to its klant grain.</param>
/// <param name="nieuw">The state a client never seen before gets from this import (<see cref="Klanten.NieuweKlant"/>).</param>
public sealed class KlantenBijwerker(IBestandImportOpslag opslag, Func<KlantProfiel, Task<ImportEffect>> importeer, Func<KlantProfiel, Klanten.KlantState> nieuw, ILogger logger)
{
    /// <summary>Settling an unchanged row is one join, not a grain call: many batches' worth per statement.</summary>
    public const int OngewijzigdPerBatch = 20;

    private int _naRegel;
    // The two bulk passes (new clients, then unchanged rows), each a part per step.
    private readonly Doorloop _nieuw = new();
    private readonly Doorloop _ongewijzigd = new();

    /// <summary>Whether this activation wrote new clients in bulk: their herbeoordeling is the scanners' to look at.</summary>
    public bool NieuweGeschreven { get; private set; }

    public async Task<StapUitkomst> VerwerkAsync(ImportJob job, int batchgrootte, int tegelijk, int nieuwPerDeel = 10_000)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (await _nieuw.DeelAsync(na => opslag.ZetNieuwAsync(job, na, nieuwPerDeel, nieuw), gezet =>
            {
                NieuweGeschreven = true;
                BestandImportLog.NieuwGezet(logger, gezet, job.Id);
            }))
            return StapUitkomst.Verder;
        if (await _ongewijzigd.DeelAsync(na => opslag.ZetOngewijzigdAsync(job, na, batchgrootte * OngewijzigdPerBatch),
                gezet => BestandImportLog.OngewijzigdGezet(logger, gezet, job.Id)))
            return StapUitkomst.Verder;
        var rijen = await opslag.TeVerwerkenAsync(job.Id, _naRegel, batchgrootte);
        if (rijen.Count == 0)
        {
            if (_naRegel > 0)
            {
                _naRegel = 0; // end of a pass: rows that failed in it are pending still, from the top
                return StapUitkomst.Verder;
            }
            return job.Toegepast >= job.Geldig ? StapUitkomst.Klaar : StapUitkomst.Wacht;
        }

        var antwoorden = await Begrensd.VoerUitAsync(rijen, tegelijk, r => importeer(r.Profiel));
        var gelukt = antwoorden.Where(a => a.Fout is null).Select(a => (a.Invoer.Regel, a.Uitkomst)).ToList();
        if (gelukt.Count > 0) await opslag.SchrijfToegepastAsync(job, gelukt);
        _naRegel = rijen[^1].Regel;
        var mislukt = antwoorden.Where(a => a.Fout is not null).ToList();
        if (mislukt.Count == 0) return StapUitkomst.Verder;
        BestandImportLog.KlantenNietBereikt(logger, mislukt[0].Fout!, mislukt.Count, job.Id);
        return StapUitkomst.Wacht;
    }

    /// <summary>
    /// A pass over the pending rows in parts, once per activation: a part per step, so the job answers its status
    /// between parts of a large export. Where it stands lives in memory only; a new activation starts it again,
    /// which finds only the rows still pending.
    /// </summary>
    private sealed class Doorloop
    {
        private int _na;
        private bool _klaar;

        /// <summary>Does the next part; false once the pass has found nothing left to look at.</summary>
        public async Task<bool> DeelAsync(Func<int, Task<(int Gezet, int? Tot)>> deel, Action<int> gezet)
        {
            if (_klaar) return false;
            var (aantal, tot) = await deel(_na);
            if (aantal > 0) gezet(aantal);
            if (tot is { } regel)
            {
                _na = regel;
                return true;
            }
            _klaar = true;
            return false;
        }
    }
}
