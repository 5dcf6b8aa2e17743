using KenJeKlant.Abstractions.Werklijsten;

namespace KenJeKlant.Grains.Werklijsten;

/// <summary>
/// The werklijst's section "Afspraken te controleren", kept apart from the grain: the deadline is data (an indexed
/// column), not a reminder per afspraak, so the list is read anew when the domain's day changes, and a plan grain
/// tells the list a client's afspraken to check whenever that client's plan changes. Both come down to "these are
/// the items now": <see cref="Verschil"/> says which to add or change and which to remove.
/// </summary>
public sealed class AfsprakenTeControleren
{
    /// <summary>The domain date the list was last read for (null: not yet).</summary>
    public DateOnly? GelezenVoor { get; private set; }

    /// <summary>Whether a new day has come since the list was last read.</summary>
    public bool MoetLezen(DateOnly vandaag) => GelezenVoor != vandaag;

    public void Gelezen(DateOnly vandaag) => GelezenVoor = vandaag;

    /// <summary>
    /// From the afspraak items on the werklijst now (<paramref name="nu"/>) to <paramref name="voortaan"/>: the items to
    /// report (new or changed) and the ones that leave. Items are the same afspraak when their <c>AfspraakId</c> is.
    /// </summary>
    public static (IReadOnlyList<WerklijstItem> Meld, IReadOnlyList<WerklijstItem> Weg) Verschil(
        IEnumerable<WerklijstItem> nu, IEnumerable<WerklijstItem> voortaan)
    {
        var oud = nu.Where(i => i.Soort == WerklijstSoort.Afspraak && i.AfspraakId is not null).ToDictionary(i => i.AfspraakId!.Value);
        var nieuw = voortaan.Where(i => i.Soort == WerklijstSoort.Afspraak && i.AfspraakId is not null)
            .GroupBy(i => i.AfspraakId!.Value).ToDictionary(g => g.Key, g => g.Last());
        var meld = nieuw.Values.Where(i => !oud.TryGetValue(i.AfspraakId!.Value, out var was) || was != i)
            .OrderBy(i => i.Datum).ThenBy(i => i.Klantnummer, StringComparer.Ordinal).ToList();
        var weg = oud.Values.Where(i => !nieuw.ContainsKey(i.AfspraakId!.Value)).ToList();
        return (meld, weg);
    }
}
