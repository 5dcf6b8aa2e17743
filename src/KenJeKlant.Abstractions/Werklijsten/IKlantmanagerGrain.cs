using KenJeKlant.Abstractions.Realtime;
namespace KenJeKlant.Abstractions.Werklijsten;

/// <summary>A klantmanager's werklijst (key: medewerker id). Klant grains report to it; observers hear every change.</summary>
[Alias("kjk.IKlantmanagerGrain")]
public interface IKlantmanagerGrain : IGrainWithStringKey, IVolgbaar<IWerklijstObserver>
{
    /// <summary>Adds or updates the item of this client and soort. Idempotent: an unchanged item changes nothing and notifies nobody.</summary>
    [Alias("Meld")]
    Task MeldAsync(WerklijstItem item);

    /// <summary>Removes the client's item of this soort, or all its items when soort is null.</summary>
    [Alias("Verwijder")]
    Task VerwijderAsync(string klantnummer, WerklijstSoort? soort);

    /// <summary>Several changes at once (a campaign's batch): first the removals, then the items to add or update.</summary>
    [Alias("WerkBij")]
    Task WerkBijAsync(IReadOnlyList<WerklijstItem> meld, IReadOnlyList<WerklijstVerwijdering> weg);

    /// <summary>
    /// The client's afspraken to check are now exactly <paramref name="teControleren"/> (items of soort Afspraak):
    /// new ones arrive, changed ones change, the others leave. One-way: the plan is stored before it is told, and a
    /// werklijst rebuilds from the table anyway.
    /// </summary>
    [Alias("VervangAfspraken"), Orleans.Concurrency.OneWay]
    Task VervangAfsprakenAsync(string klantnummer, IReadOnlyList<WerklijstItem> teControleren);

    [Alias("GetWerklijst")]
    Task<Werklijst> GetWerklijstAsync();
}
