using KenJeKlant.Abstractions.Herbeoordelingen;
using KenJeKlant.Abstractions.Werklijsten;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace KenJeKlant.Grains.Werklijsten;

/// <summary>
/// A klantmanager's werklijst. Klant grains report what is due; every real change is stored and
/// pushed to the observers (the hosts, which forward it to the browser), a repeated report is not.
/// </summary>
public sealed class KlantmanagerGrain(
    [PersistentState("werklijst", StorageNames.KenJeKlant)] IPersistentState<KlantmanagerState> state,
    ILogger<KlantmanagerGrain> logger) : Grain, IKlantmanagerGrain
{
    // Hosts re-subscribe well within this; a host that died stops receiving after it.
    private static readonly TimeSpan ObserverVerloop = TimeSpan.FromMinutes(5);

    private readonly ObserverManager<IWerklijstObserver> _observers = new(ObserverVerloop, logger);

    private string Klantmanager => this.GetPrimaryKeyString();

    public async Task MeldAsync(WerklijstItem item)
    {
        var sleutel = Sleutel(item.Klantnummer, item.Soort);
        if (state.State.Items.TryGetValue(sleutel, out var bestaand) && bestaand == item) return;
        state.State.Items[sleutel] = item;
        await state.WriteStateAsync();
        Vertel(new WerklijstWijziging(Klantmanager, item, Verwijderd: false));
    }

    public async Task VerwijderAsync(string klantnummer, WerklijstSoort? soort)
    {
        var weg = state.State.Items
            .Where(i => i.Value.Klantnummer == klantnummer && (soort is null || i.Value.Soort == soort))
            .ToList();
        if (weg.Count == 0) return;
        foreach (var (sleutel, _) in weg) state.State.Items.Remove(sleutel);
        await state.WriteStateAsync();
        foreach (var (_, item) in weg) Vertel(new WerklijstWijziging(Klantmanager, item, Verwijderd: true));
    }

    public Task<Werklijst> GetWerklijstAsync()
    {
        var items = state.State.Items.Values;
        List<WerklijstItem> Van(WerklijstSoort soort, HerbeoordelingStatus? status = null) => items
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

    public Task AbonneerAsync(IWerklijstObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task OpzeggenAsync(IWerklijstObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    private void Vertel(WerklijstWijziging wijziging) => _observers.Notify(o => o.WerklijstGewijzigd(wijziging));

    private static string Sleutel(string klantnummer, WerklijstSoort soort) => $"{klantnummer}/{soort}";
}
