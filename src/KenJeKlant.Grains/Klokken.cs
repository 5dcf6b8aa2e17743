namespace KenJeKlant.Grains;

/// <summary>
/// Keys of the clocks the domain runs on. The grains take their "today" from a keyed TimeProvider,
/// not the unkeyed one Orleans' own membership and messaging use, so tests and the demo can move
/// the campaign's time without making the cluster think its silos died.
/// </summary>
public static class Klokken
{
    public const string Domein = "kenjeklant-domein";
}
