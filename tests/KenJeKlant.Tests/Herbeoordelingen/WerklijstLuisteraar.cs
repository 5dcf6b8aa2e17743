using System.Collections.Concurrent;
using KenJeKlant.Abstractions.Herbeoordelingen;
using KenJeKlant.Abstractions.Werklijsten;

namespace KenJeKlant.Tests.Herbeoordelingen;

/// <summary>A werklijst observer that remembers every change it was told about.</summary>
public sealed class WerklijstLuisteraar : IWerklijstObserver
{
    private readonly ConcurrentQueue<WerklijstWijziging> _wijzigingen = new();

    public void WerklijstGewijzigd(WerklijstWijziging wijziging) => _wijzigingen.Enqueue(wijziging);

    public int Aantal(string klantnummer, HerbeoordelingStatus status) =>
        _wijzigingen.Count(w => w.Item.Klantnummer == klantnummer && w.Item.Status == status && !w.Verwijderd);

    public void Vergeet() => _wijzigingen.Clear();
}
