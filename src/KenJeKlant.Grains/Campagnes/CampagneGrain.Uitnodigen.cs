using System.Diagnostics;
using KenJeKlant.Abstractions.Campagnes;

namespace KenJeKlant.Grains.Campagnes;

// The fan-out: select, plan everyone at once (a pure function, fast), then write the gesprekken with
// their invitations in batches, one transaction each. Ids are deterministic and a restart selects
// only the clients without a gesprek yet, so a crash mid-way never invites anyone twice.
public sealed partial class CampagneGrain
{
    private Queue<GesprekRij>? _teSchrijven;
    private int _geselecteerd;
    private Dictionary<string, int> _nietIngepland = [];

    private async Task BereidUitnodigenVoorAsync()
    {
        var kandidaten = await opslag.KandidatenAsync(Id, Definitie.Selectie);
        var klantmanagers = kandidaten.Select(k => k.Klantmanager).Distinct(StringComparer.Ordinal).ToList();
        var geboekt = (await opslag.GeboektEldersAsync(Id, klantmanagers)).Concat(EigenGeboekt());
        var zone = klok.LocalTimeZone;
        var plan = CampagnePlanning.Plan(Definitie, kandidaten, geboekt, Vandaag, zone);
        var perNummer = kandidaten.ToDictionary(k => k.Klantnummer, StringComparer.Ordinal);
        _teSchrijven = new(plan.Ingepland.Select(slot => CampagnePlanning.NieuwGesprek(Id, perNummer[slot.Klantnummer], 1, slot, Definitie, zone)));
        _geselecteerd = _gesprekken.AantalKlanten + kandidaten.Count;
        _nietIngepland = plan.NietIngepland.GroupBy(n => n.Reden, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        S.Geselecteerd = _geselecteerd;
    }

    private IEnumerable<GeboektSlot> EigenGeboekt() =>
        _gesprekken.Alle.Where(r => r.IsOpen).Select(r => new GeboektSlot(r.Klantmanager, r.Start));

    private async Task SchrijfBatchAsync()
    {
        var batch = _teSchrijven!.Take(beleid.CurrentValue.Batchgrootte).ToList();
        var uitnodigingen = batch.Select(r => Tijdstappen.Bericht(r, BerichtSoort.Uitnodiging, r.UitnodigingOp, BerichtStatus.Gepland)).ToList();
        var begin = Stopwatch.GetTimestamp();
        await opslag.SchrijfAsync(new Wijzigingen(batch, uitnodigingen, []));
        meters.FanOutBatch(batch.Count, Stopwatch.GetElapsedTime(begin));
        foreach (var _ in batch) _teSchrijven!.Dequeue();
        _gesprekken.Zet(batch);
        // The werklijsten hear after the whole fan-out is written: invitations first, agendas next.
        _werklijstenHerhalen = true;
    }

    private async Task RondUitnodigenAfAsync()
    {
        _teSchrijven = null;
        if (S.UitnodigenKlaar) return;
        LegUitnodigenVast();
        await SchrijfStateAsync();
    }

    /// <summary>Cancelling stops the fan-out where it is: who was not written yet is simply not invited.</summary>
    private void StopUitnodigen()
    {
        if (_teSchrijven is null) return;
        if (_teSchrijven.Count > 0) _nietIngepland["campagne geannuleerd voordat een gesprek was gepland"] = _teSchrijven.Count;
        _teSchrijven = null;
        LegUitnodigenVast(); // stored with the status change that follows
    }

    private void LegUitnodigenVast()
    {
        S.UitnodigenKlaar = true;
        S.Geselecteerd = _geselecteerd;
        S.NietIngepland = _nietIngepland;
    }
}
