using KenJeKlant.Host.Handhaving;

namespace KenJeKlant.Host.Handhaving;

/// <summary>
/// What a handhaving screen receives: the whole queue on Volg (the items of
/// <c>GET /api/v1/handhavingssignalen</c>), then each signal that was created or moved on in its
/// review, as the same item. An item replaces the one with its id, so receiving one the snapshot
/// already holds does no harm.
/// </summary>
public interface IHandhavingClient
{
    Task Signalen(IReadOnlyList<SignaalRegel> signalen);

    Task SignaalGewijzigd(SignaalRegel signaal);
}
