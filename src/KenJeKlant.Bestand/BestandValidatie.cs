namespace KenJeKlant.Bestand;

/// <summary>
/// Checks that need more than one row or knowledge outside the file: a klantnummer that occurs twice,
/// and a klantmanager who is not a known medewerker. Feed it every row in file order; it remembers
/// only the klantnummers seen (with their first line), so memory grows with the bestand's size and
/// nothing else.
/// </summary>
public sealed class BestandValidatie
{
    // Klantnummers differing only in case are treated as one client: some systems upper-case ids on
    // export, and two rows for one client must not both be imported.
    private readonly Dictionary<string, int> _eersteRegel = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<string, bool> _isBekendeKlantmanager;

    /// <param name="isBekendeKlantmanager">True for medewerker ids that may hold a caseload.</param>
    public BestandValidatie(Func<string, bool> isBekendeKlantmanager)
    {
        ArgumentNullException.ThrowIfNull(isBekendeKlantmanager);
        _isBekendeKlantmanager = isBekendeKlantmanager;
    }

    /// <param name="bekendeKlantmanagers">Medewerker ids; matched with the set's own comparer.</param>
    public BestandValidatie(IReadOnlySet<string> bekendeKlantmanagers)
        : this(AlsPredikaat(bekendeKlantmanagers))
    {
    }

    /// <summary>
    /// The row with the cross-row errors added. A row whose own fields are wrong still claims its
    /// klantnummer, so a later row with the same number is reported too: both need looking at.
    /// </summary>
    public BestandRij Controleer(BestandRij rij)
    {
        ArgumentNullException.ThrowIfNull(rij);
        List<RijFout> extra = [];
        if (DubbelFout(rij) is { } dubbel)
        {
            extra.Add(dubbel);
        }
        if (KlantmanagerFout(rij) is { } klantmanager)
        {
            extra.Add(klantmanager);
        }
        return rij.MetFouten(extra);
    }

    private static Func<string, bool> AlsPredikaat(IReadOnlySet<string> bekendeKlantmanagers)
    {
        ArgumentNullException.ThrowIfNull(bekendeKlantmanagers);
        return bekendeKlantmanagers.Contains;
    }

    private RijFout? DubbelFout(BestandRij rij)
    {
        if (rij.Klantnummer is null)
        {
            return null;
        }
        if (_eersteRegel.TryAdd(rij.Klantnummer, rij.Regel))
        {
            return null;
        }

        var eerste = _eersteRegel[rij.Klantnummer];
        return new RijFout(rij.Regel, BestandKolommen.Klantnummer, $"Klantnummer komt al voor op regel {eerste}");
    }

    private RijFout? KlantmanagerFout(BestandRij rij) =>
        rij.Klantmanager is null || _isBekendeKlantmanager(rij.Klantmanager)
            ? null
            : new RijFout(rij.Regel, BestandKolommen.Klantmanager, $"Klantmanager '{rij.Klantmanager}' is geen bekende medewerker");
}
