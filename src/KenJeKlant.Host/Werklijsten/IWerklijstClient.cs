using KenJeKlant.Abstractions.Werklijsten;

namespace KenJeKlant.Host.Werklijsten;

/// <summary>
/// What a werklijst screen receives: the whole werklijst on Volg, then batches of changes. A change
/// is an upsert or removal of the item keyed by (klantnummer, soort) — and afspraakId for an afspraak to
/// check — so applying one the snapshot
/// already contains does no harm.
/// </summary>
public interface IWerklijstClient
{
    Task Werklijst(Werklijst werklijst);

    Task WerklijstGewijzigd(IReadOnlyList<WerklijstWijziging> wijzigingen);
}
