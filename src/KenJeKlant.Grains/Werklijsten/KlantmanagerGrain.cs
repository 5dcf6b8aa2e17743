using KenJeKlant.Abstractions.Herbeoordelingen;
using KenJeKlant.Abstractions.Werklijsten;
using Microsoft.Extensions.Logging;
using KenJeKlant.Grains.Realtime;

namespace KenJeKlant.Grains.Werklijsten;

/// <summary>
/// A klantmanager's werklijst as a live view: rebuilt from the read model on activation, kept up to
/// date by the klant grains' reports, and pushed to the observers (the hosts, which forward it to
/// the browser). Each klant grain remembers what it reported, so this grain stores nothing; a
/// repeated report changes nothing and notifies nobody.
/// </summary>
public sealed class KlantmanagerGrain(
    IWerklijstBron bron,
    IGesprekWerklijstBron gesprekken,
    ILogger<KlantmanagerGrain> logger) : Grain, IKlantmanagerGrain
{
    private readonly Volgers<IWerklijstObserver> _volgers = new(logger);
    private readonly Dictionary<string, WerklijstItem> _items = new(StringComparer.Ordinal);

    private string Klantmanager => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var item in await bron.HerbeoordelingenAsync(Klantmanager, cancellationToken))
            _items[Sleutel(item.Klantnummer, item.Soort)] = item;
        foreach (var item in await gesprekken.GesprekkenAsync(Klantmanager, cancellationToken))
            _items[Sleutel(item.Klantnummer, item.Soort)] = item;
    }

    public Task MeldAsync(WerklijstItem item)
    {
        var sleutel = Sleutel(item.Klantnummer, item.Soort);
        if (_items.TryGetValue(sleutel, out var bestaand) && bestaand == item) return Task.CompletedTask;
        _items[sleutel] = item;
        Vertel(new WerklijstWijziging(Klantmanager, item, Verwijderd: false));
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
        }
        return Task.CompletedTask;
    }

    public Task<Werklijst> GetWerklijstAsync()
    {
        List<WerklijstItem> Van(WerklijstSoort soort, HerbeoordelingStatus? status = null) => _items.Values
            .Where(i => i.Soort == soort && (status is null || i.Status == status))
            .OrderBy(i => i.Datum).ThenBy(i => i.Klantnummer, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(new Werklijst(
            Klantmanager,
            Van(WerklijstSoort.Herbeoordeling, HerbeoordelingStatus.TeLaat),
            Van(WerklijstSoort.Herbeoordeling, HerbeoordelingStatus.AanDeBeurt),
            Van(WerklijstSoort.GesprekZonderUitkomst),
            Van(WerklijstSoort.Gesprek)));
    }

    public Task AbonneerAsync(IWerklijstObserver observer) => _volgers.AbonneerAsync(observer);

    public Task OpzeggenAsync(IWerklijstObserver observer) => _volgers.OpzeggenAsync(observer);

    private void Vertel(WerklijstWijziging wijziging) => _volgers.Vertel(o => o.WerklijstGewijzigd(wijziging));

    private static string Sleutel(string klantnummer, WerklijstSoort soort) => $"{klantnummer}/{soort}";
}
