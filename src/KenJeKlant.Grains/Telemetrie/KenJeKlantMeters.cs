using System.Diagnostics.Metrics;

namespace KenJeKlant.Grains.Telemetrie;

/// <summary>
/// The application's own instruments (meter <see cref="MeterNaam"/>), for operators: what went out,
/// what was prompted, how the fan-out runs, who is connected. Counts only — no klantnummer, name,
/// wijk or other personal tag ever goes on an instrument, because metrics leave the system for
/// Prometheus and Grafana, outside the audit log.
/// </summary>
public sealed class KenJeKlantMeters
{
    public const string MeterNaam = "KenJeKlant";

    private readonly Counter<long> _uitnodigingen;
    private readonly Counter<long> _herbeoordelingen;
    private readonly Counter<long> _fanOutGesprekken;
    private readonly Histogram<double> _fanOutBatchDuur;
    private readonly UpDownCounter<long> _hubVerbindingen;

    public KenJeKlantMeters(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterNaam);
        _uitnodigingen = meter.CreateCounter<long>("kenjeklant.uitnodigingen.verzonden", "{brief}",
            "Letters released from the outbox at their moment (soort: uitnodiging or herinnering).");
        _herbeoordelingen = meter.CreateCounter<long>("kenjeklant.herbeoordelingen.gemeld", "{melding}",
            "Herbeoordeling prompts put on a klantmanager's werklijst (status: aan-de-beurt or te-laat).");
        _fanOutGesprekken = meter.CreateCounter<long>("kenjeklant.fanout.gesprekken", "{gesprek}",
            "Gesprekken with their invitation durably written by a campaign's fan-out.");
        _fanOutBatchDuur = meter.CreateHistogram<double>("kenjeklant.fanout.batch.duur", "s",
            "Time to write one fan-out batch (gesprekken + outbox, one transaction).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
        _hubVerbindingen = meter.CreateUpDownCounter<long>("kenjeklant.hub.verbindingen", "{verbinding}",
            "SignalR connections open on this host, per hub.");
    }

    public void UitnodigingVerzonden(string soort) => _uitnodigingen.Add(1, new KeyValuePair<string, object?>("soort", soort));

    public void HerbeoordelingGemeld(string status) => _herbeoordelingen.Add(1, new KeyValuePair<string, object?>("status", status));

    public void FanOutBatch(int gesprekken, TimeSpan duur)
    {
        _fanOutGesprekken.Add(gesprekken);
        _fanOutBatchDuur.Record(duur.TotalSeconds);
    }

    public void HubVerbinding(string hub, int verschil) => _hubVerbindingen.Add(verschil, new KeyValuePair<string, object?>("hub", hub));
}
