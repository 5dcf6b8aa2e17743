using System.Diagnostics;
using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Grains.Telemetrie;

namespace KenJeKlant.Grains.Campagnes;

/// <summary>
/// The fan-out: select, plan everyone at once (a pure function, fast), then write the gesprekken with
/// their invitations in batches, one transaction each. Ids are deterministic and a restart selects
/// only the clients without a gesprek yet, so a crash mid-way never invites anyone twice.
/// </summary>
/// <remarks>
/// Holds only what is planned and not yet written; the campaign records the <see cref="Resultaat"/>
/// in its own state when the fan-out ends, so after a restart it knows whether to prepare again.
/// </remarks>
public sealed class Uitnodiger(
    string campagneId, ICampagneOpslag opslag, CampagneGesprekken gesprekken, WerklijstBerichtgeving werklijsten, KenJeKlantMeters meters)
{
    public const string NietIngeplandGeannuleerd = "campagne geannuleerd voordat een gesprek was gepland";

    private Queue<GesprekRij>? _teSchrijven;
    private int _geselecteerd;
    private Dictionary<string, int> _nietIngepland = [];
    private bool _opnieuwPlannen;

    /// <summary>What the campaign keeps once the fan-out ends: everyone selected, and per reason how many got no slot.</summary>
    public sealed record Resultaat(int Geselecteerd, Dictionary<string, int> NietIngepland);

    /// <summary>Prepared and not ended yet: gesprekken still to write, or all written and not yet rounded off.</summary>
    public bool IsBezig => _teSchrijven is not null;

    public bool HeeftTeSchrijven => _teSchrijven is { Count: > 0 };

    /// <summary>Every planned gesprek is written: <see cref="RondAf"/> is next.</summary>
    public bool IsGeschreven => _teSchrijven is { Count: 0 };

    public int TeSchrijven => _teSchrijven?.Count ?? 0;

    /// <summary>
    /// Everything is written but some slots were taken meanwhile (a klantmanager booked that time after this plan was
    /// made): those clients have no gesprek in this campaign yet, so preparing again plans them around what is booked now.
    /// </summary>
    public bool MoetOpnieuwPlannen => IsGeschreven && _opnieuwPlannen;

    /// <summary>
    /// Selects the clients that have no gesprek in this campaign yet and plans them around the slots
    /// already booked (here and in other campaigns). Returns how many are selected in all, counting
    /// those written before a restart.
    /// </summary>
    public async Task<int> BereidVoorAsync(CampagneDefinitie definitie, DateOnly vandaag, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(definitie);
        var kandidaten = await opslag.KandidatenAsync(campagneId, definitie.Selectie);
        var klantmanagers = kandidaten.Select(k => k.Klantmanager).Distinct(StringComparer.Ordinal).ToList();
        var geboekt = (await opslag.GeboektEldersAsync(campagneId, klantmanagers)).Concat(gesprekken.Geboekt());
        var plan = CampagnePlanning.Plan(definitie, kandidaten, geboekt, vandaag, zone);
        var perNummer = kandidaten.ToDictionary(k => k.Klantnummer, StringComparer.Ordinal);
        _teSchrijven = new(plan.Ingepland.Select(slot => CampagnePlanning.NieuwGesprek(campagneId, perNummer[slot.Klantnummer], 1, slot, definitie, zone)));
        _opnieuwPlannen = false;
        _geselecteerd = gesprekken.AantalKlanten + kandidaten.Count;
        _nietIngepland = plan.NietIngepland.GroupBy(n => n.Reden, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return _geselecteerd;
    }

    /// <summary>
    /// Writes the next batch with its invitations in one transaction, then holds it in memory. A write
    /// that fails leaves the queue as it was: the next attempt writes the same rows with the same ids.
    /// The werklijsten hear once the whole fan-out is written: invitations first, agendas next.
    /// </summary>
    /// <returns>The gesprekken written (none when nothing was left).</returns>
    public async Task<IReadOnlyList<GesprekRij>> SchrijfBatchAsync(int batchgrootte)
    {
        // The queue as it was when the batch was taken: a Stop during the write must not make the dequeue fail.
        if (_teSchrijven is not { Count: > 0 } wachtrij) return [];
        var batch = wachtrij.Take(batchgrootte).ToList();
        var uitnodigingen = batch.Select(r => Tijdstappen.Bericht(r, BerichtSoort.Uitnodiging, r.UitnodigingOp, BerichtStatus.Gepland)).ToList();
        var begin = Stopwatch.GetTimestamp();
        var bezet = await opslag.BoekAsync(new Wijzigingen(batch, uitnodigingen, []));
        meters.FanOutBatch(batch.Count, Stopwatch.GetElapsedTime(begin));
        foreach (var _ in batch) wachtrij.Dequeue();
        if (bezet.Count > 0)
        {
            _opnieuwPlannen = true;
            batch = [.. batch.Where(r => !bezet.Contains(r.Id))];
        }
        gesprekken.Zet(batch);
        werklijsten.VraagAllesOpnieuw();
        return batch;
    }

    /// <summary>Ends the fan-out once everything is written.</summary>
    public Resultaat RondAf()
    {
        _teSchrijven = null;
        return Huidig();
    }

    /// <summary>
    /// Cancelling stops the fan-out where it is: who was not written yet is simply not invited and
    /// counts as not planned. Null when no fan-out was under way.
    /// </summary>
    public Resultaat? Stop()
    {
        if (_teSchrijven is null) return null;
        if (_teSchrijven.Count > 0) _nietIngepland[NietIngeplandGeannuleerd] = _teSchrijven.Count;
        _teSchrijven = null;
        return Huidig();
    }

    private Resultaat Huidig() => new(_geselecteerd, new Dictionary<string, int>(_nietIngepland, StringComparer.Ordinal));
}
