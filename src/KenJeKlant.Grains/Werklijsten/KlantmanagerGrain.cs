using KenJeKlant.Abstractions.Herbeoordelingen;
using KenJeKlant.Abstractions.Werklijsten;
using KenJeKlant.Grains.Beleid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using KenJeKlant.Grains.Realtime;

namespace KenJeKlant.Grains.Werklijsten;

/// <summary>
/// A klantmanager's werklijst as a live view: rebuilt from the read model on activation, kept up to
/// date by the klant grains' reports, and pushed to the observers (the hosts, which forward it to
/// the browser). Each klant grain remembers what it reported, so this grain stores nothing; a
/// repeated report changes nothing and notifies nobody. Afspraken te controleren are read from their
/// table again when the domain's day changes (<see cref="AfsprakenTeControleren"/>) and told by the plan
/// grains when a plan changes.
/// </summary>
public sealed class KlantmanagerGrain(
    IWerklijstBron bron,
    IGesprekWerklijstBron gesprekken,
    IAfspraakWerklijstBron afspraken,
    Domeinklok klok,
    IOptionsMonitor<PlanVanAanpakBeleid> planBeleid,
    ILogger<KlantmanagerGrain> logger) : Grain, IKlantmanagerGrain
{
    private readonly Volgers<IWerklijstObserver> _volgers = new(logger);
    private readonly Dictionary<string, WerklijstItem> _items = new(StringComparer.Ordinal);
    private readonly AfsprakenTeControleren _afspraken = new();

    private string Klantmanager => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var item in await bron.HerbeoordelingenAsync(Klantmanager, cancellationToken))
            _items[Sleutel(item)] = item;
        foreach (var item in await gesprekken.GesprekkenAsync(Klantmanager, cancellationToken))
            _items[Sleutel(item)] = item;
        await LeesAfsprakenAsync(cancellationToken);
        var controle = planBeleid.CurrentValue.WerklijstControle;
        // Not KeepAlive: a werklijst nobody follows may go; the next activation reads today's afspraken anyway.
        this.RegisterGrainTimer(LeesAfsprakenAsync, new GrainTimerCreationOptions(controle, controle) { Interleave = false, KeepAlive = false });
    }

    public Task MeldAsync(WerklijstItem item)
    {
        var sleutel = Sleutel(item);
        if (_items.TryGetValue(sleutel, out var bestaand) && bestaand == item) return Task.CompletedTask;
        _items[sleutel] = item;
        Vertel(new WerklijstWijziging(Klantmanager, Toon(item), Verwijderd: false));
        VertelHerbeoordelingOpnieuw(item);
        return Task.CompletedTask;
    }

    public async Task WerkBijAsync(IReadOnlyList<WerklijstItem> meld, IReadOnlyList<WerklijstVerwijdering> weg)
    {
        foreach (var v in weg) await VerwijderAsync(v.Klantnummer, v.Soort);
        foreach (var item in meld) await MeldAsync(item);
    }

    public Task VerwijderAsync(string klantnummer, WerklijstSoort? soort)
    {
        var weg = _items.Where(i => i.Value.Klantnummer == klantnummer && (soort is null || i.Value.Soort == soort)).ToList();
        foreach (var (sleutel, item) in weg)
        {
            _items.Remove(sleutel);
            Vertel(new WerklijstWijziging(Klantmanager, item, Verwijderd: true));
            VertelHerbeoordelingOpnieuw(item);
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// A herbeoordeling prompt moves aan de beurt → gepland while a herbeoordelingsgesprek with the client is open,
    /// and back if it is withdrawn; it leaves when the outcome sets the next date. Derived here from the two items
    /// (the klant grain's prompt and the agenda's gesprek), so neither keeps a copy of the other.
    /// </summary>
    private WerklijstItem Toon(WerklijstItem item)
    {
        if (item.Soort != WerklijstSoort.Herbeoordeling) return item;
        var gesprek = new[] { WerklijstSoort.Gesprek, WerklijstSoort.GesprekZonderUitkomst }
            .Select(soort => _items.GetValueOrDefault(Sleutel(item.Klantnummer, soort)))
            .FirstOrDefault(i => i?.GesprekSoort == Abstractions.Campagnes.GesprekSoort.Herbeoordeling);
        return gesprek is null ? item : item with
        {
            Status = HerbeoordelingStatus.Gepland,
            GesprekId = gesprek.GesprekId,
            Omschrijving = $"Herbeoordelingsgesprek gepland op {gesprek.Datum:dd-MM-yyyy} (herbeoordeling was op {item.Datum:dd-MM-yyyy} aan de beurt).",
        };
    }

    private void VertelHerbeoordelingOpnieuw(WerklijstItem gewijzigd)
    {
        if (gewijzigd.GesprekSoort != Abstractions.Campagnes.GesprekSoort.Herbeoordeling) return;
        if (_items.GetValueOrDefault(Sleutel(gewijzigd.Klantnummer, WerklijstSoort.Herbeoordeling)) is { } prompt)
            Vertel(new WerklijstWijziging(Klantmanager, Toon(prompt), Verwijderd: false));
    }

    public Task VervangAfsprakenAsync(string klantnummer, IReadOnlyList<WerklijstItem> teControleren)
    {
        Pas(AfsprakenTeControleren.Verschil(_items.Values.Where(i => i.Klantnummer == klantnummer), teControleren));
        return Task.CompletedTask;
    }

    /// <summary>On a new domain day, the afspraken whose deadline came (one query on the index of open deadlines).</summary>
    private async Task LeesAfsprakenAsync(CancellationToken ct)
    {
        var vandaag = klok.Vandaag;
        if (!_afspraken.MoetLezen(vandaag)) return;
        var teControleren = await afspraken.TeControlerenAsync(Klantmanager, vandaag, ct);
        Pas(AfsprakenTeControleren.Verschil(_items.Values, teControleren));
        _afspraken.Gelezen(vandaag);
    }

    private void Pas((IReadOnlyList<WerklijstItem> Meld, IReadOnlyList<WerklijstItem> Weg) verschil)
    {
        foreach (var item in verschil.Weg)
            if (_items.Remove(Sleutel(item))) Vertel(new WerklijstWijziging(Klantmanager, item, Verwijderd: true));
        foreach (var item in verschil.Meld) MeldAsync(item);
    }

    public Task<Werklijst> GetWerklijstAsync()
    {
        List<WerklijstItem> Van(WerklijstSoort soort, HerbeoordelingStatus? status = null) => _items.Values
            .Select(Toon)
            .Where(i => i.Soort == soort && (status is null || i.Status == status))
            .OrderBy(i => i.Datum).ThenBy(i => i.Klantnummer, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(new Werklijst(
            Klantmanager,
            Van(WerklijstSoort.Herbeoordeling, HerbeoordelingStatus.TeLaat),
            Van(WerklijstSoort.Herbeoordeling, HerbeoordelingStatus.AanDeBeurt),
            Van(WerklijstSoort.GesprekZonderUitkomst),
            Van(WerklijstSoort.Gesprek),
            Van(WerklijstSoort.Afspraak),
            Van(WerklijstSoort.Herbeoordeling, HerbeoordelingStatus.Gepland)));
    }

    public Task AbonneerAsync(IWerklijstObserver observer) => _volgers.AbonneerAsync(observer);

    public Task OpzeggenAsync(IWerklijstObserver observer) => _volgers.OpzeggenAsync(observer);

    private void Vertel(WerklijstWijziging wijziging) => _volgers.Vertel(o => o.WerklijstGewijzigd(wijziging));

    // One item per client and soort; per afspraak for afspraken.
    private static string Sleutel(WerklijstItem item) =>
        item.AfspraakId is { } afspraak ? $"{item.Klantnummer}/{item.Soort}/{afspraak}" : Sleutel(item.Klantnummer, item.Soort);

    private static string Sleutel(string klantnummer, WerklijstSoort soort) => $"{klantnummer}/{soort}";
}
