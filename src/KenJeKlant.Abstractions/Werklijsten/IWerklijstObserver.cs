namespace KenJeKlant.Abstractions.Werklijsten;

/// <summary>Receives werklijst changes as they happen (the hosts forward them to the browsers over SignalR).</summary>
[Alias("kjk.IWerklijstObserver")]
public interface IWerklijstObserver : IGrainObserver
{
    [Alias("WerklijstGewijzigd")]
    void WerklijstGewijzigd(WerklijstWijziging wijziging);
}
