namespace KenJeKlant.Abstractions.Campagnes;

/// <summary>
/// Receives a campaign's progress as it changes (the hosts forward it to the browsers over SignalR).
/// Each call carries the whole <see cref="Voortgang"/>: it is small, and a full snapshot per push
/// means a missed push is repaired by the next one.
/// </summary>
[Alias("kjk.ICampagneObserver")]
public interface ICampagneObserver : IGrainObserver
{
    [Alias("VoortgangGewijzigd")]
    void VoortgangGewijzigd(Voortgang voortgang);
}
