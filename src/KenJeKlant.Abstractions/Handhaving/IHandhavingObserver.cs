namespace KenJeKlant.Abstractions.Handhaving;

/// <summary>
/// Hears which handhavingssignalen were created or moved on in their review (the hosts read those
/// rows and forward them to the handhaving screens over SignalR). Only ids travel: the host reads the
/// row the queue shows, so a push can never differ from what <c>GET /api/v1/handhavingssignalen</c> says.
/// </summary>
[Alias("kjk.IHandhavingObserver")]
public interface IHandhavingObserver : IGrainObserver
{
    [Alias("SignalenGewijzigd")]
    void SignalenGewijzigd(IReadOnlyList<Guid> signalen);
}
