using KenJeKlant.Abstractions.Klanten;
using Microsoft.Extensions.Logging;

namespace KenJeKlant.Grains.Bestand;

/// <summary>
/// The second step: applies the staged valid rows to their klant grains, a batch at a time with a bounded
/// number of calls in flight, and stores each row's effect with the job's counters. A row is pending until
/// its effect is stored, so a batch cut short (a silo died, a call failed) is taken up again from the rows
/// still pending; applying a row twice changes nothing (the klant grain's import is idempotent).
/// Rows that would change nothing are settled first and clients never seen before written next, both in bulk in the
/// store, so neither an unchanged export nor a first import costs a grain call per client (issue 15, decision 29);
/// on every activation again, because rows applied since are no longer pending.
/// </summary>
/// <param name="importeer">Applies one profile to its klant grain.</param>
/// <param name="nieuw">The state a client never seen before gets from this import (<see cref="Klanten.NieuweKlant"/>).</param>
public sealed class KlantenBijwerker(IBestandImportOpslag opslag, Func<KlantProfiel, Task<ImportEffect>> importeer, Func<KlantProfiel, Klanten.KlantState> nieuw, ILogger logger)
{
    /// <summary>Settling an unchanged row is one join, not a grain call: many batches' worth per statement.</summary>
    public const int OngewijzigdPerBatch = 20;

    private int _naRegel;
    // The two bulk passes (unchanged rows, then new clients), a few parts per step.
    private readonly Doorloop _ongewijzigd = new();
    private readonly Doorloop _nieuw = new();

    /// <param name="delenTegelijk">Bulk parts in flight at once: while one part's clients are being built here, another is in PostgreSQL.</param>
    public async Task<StapUitkomst> VerwerkAsync(ImportJob job, int batchgrootte, int tegelijk, int nieuwPerDeel = 10_000, int delenTegelijk = 2)
    {
        ArgumentNullException.ThrowIfNull(job);
        // Unchanged rows first: an everyday export is nearly all of them, and once they are settled the pass for new
        // clients looks up only what is left (for an unchanged export: nothing). A first import pays one lookup that
        // finds nothing per row here, a small part of writing that row's client next.
        if (await _ongewijzigd.DelenAsync(() => opslag.LaatsteRegelAsync(job.Id), batchgrootte * OngewijzigdPerBatch, delenTegelijk,
                (na, tot) => opslag.ZetOngewijzigdAsync(job, na, tot), gezet => BestandImportLog.OngewijzigdGezet(logger, gezet, job.Id)))
            return StapUitkomst.Verder;
        if (await _nieuw.DelenAsync(() => opslag.LaatsteRegelAsync(job.Id), nieuwPerDeel, delenTegelijk,
                (na, tot) => opslag.ZetNieuwAsync(job, na, tot, nieuw), gezet => BestandImportLog.NieuwGezet(logger, gezet, job.Id)))
            return StapUitkomst.Verder;
        // Every valid row has its effect (the counters are kept in the statements that set effects): nothing is pending,
        // and looking would read every staged row to find none (0.13 s at 40,000 rows, timed in the job; more with more).
        if (_naRegel == 0 && job.Toegepast >= job.Geldig) return StapUitkomst.Klaar;
        var rijen = await opslag.TeVerwerkenAsync(job.Id, _naRegel, batchgrootte);
        if (rijen.Count == 0)
        {
            if (_naRegel > 0)
            {
                _naRegel = 0; // end of a pass: rows that failed in it are pending still, from the top
                return StapUitkomst.Verder;
            }
            // Counted as still to apply (the check above), yet none pending to be found: look again later.
            return StapUitkomst.Wacht;
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
    /// A pass over the pending rows in parts of line ranges, a few disjoint parts at once, once per activation: a few
    /// parts per step, so the job answers its status between them. Where it stands lives in memory only; a new
    /// activation starts it again, which finds only the rows still pending. Parts are independent transactions over
    /// disjoint rows, so one cut short leaves its rows pending and the others whole.
    /// </summary>
    private sealed class Doorloop
    {
        private int _na;
        private int? _laatste;

        /// <summary>Does the next parts; false once the pass has gone past the last staged line.</summary>
        public async Task<bool> DelenAsync(Func<Task<int>> laatste, int regelsPerDeel, int tegelijk, Func<int, int, Task<int>> deel, Action<int> gezet)
        {
            _laatste ??= await laatste();
            if (_na >= _laatste) return false;
            var delen = Enumerable.Range(0, Math.Max(1, tegelijk))
                .Select(i => (Na: _na + i * regelsPerDeel, Tot: _na + (i + 1) * regelsPerDeel))
                .Where(d => d.Na < _laatste).ToList();
            var aantallen = await Task.WhenAll(delen.Select(d => deel(d.Na, d.Tot)));
            _na = delen[^1].Tot;
            if (aantallen.Sum() is var aantal and > 0) gezet(aantal);
            return true;
        }
    }
}
