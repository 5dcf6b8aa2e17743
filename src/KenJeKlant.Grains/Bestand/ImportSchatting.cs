namespace KenJeKlant.Grains.Bestand;

/// <summary>
/// The time a step still needs at the pace it went since it began (or since this activation took it up):
/// the rest divided by the rate so far. Says nothing until there is a second of pace to go on.
/// </summary>
public sealed class ImportSchatting(TimeProvider klok)
{
    private static readonly TimeSpan MinimaalGemeten = TimeSpan.FromSeconds(1);

    private long _beginGedaan;
    private long _beginTijd = klok.GetTimestamp();

    public void Begin(long gedaan)
    {
        _beginGedaan = gedaan;
        _beginTijd = klok.GetTimestamp();
    }

    /// <returns>Whole seconds left (rounded up), or null when there is no pace yet.</returns>
    public int? ResterendeSeconden(long gedaan, long totaal)
    {
        if (gedaan >= totaal) return 0;
        var verstreken = klok.GetElapsedTime(_beginTijd);
        var voortgang = gedaan - _beginGedaan;
        if (verstreken < MinimaalGemeten || voortgang <= 0) return null;
        var seconden = (totaal - gedaan) * verstreken.TotalSeconds / voortgang;
        return (int)Math.Min(int.MaxValue, Math.Ceiling(seconden));
    }
}
