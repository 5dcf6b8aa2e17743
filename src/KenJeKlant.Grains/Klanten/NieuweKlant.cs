using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Herbeoordelingen;

namespace KenJeKlant.Grains.Klanten;

/// <summary>
/// The state a client the gemeente has never seen gets from its first import — what <see cref="KlantGrain"/> stores
/// for it — so an import can write new clients in bulk without activating a grain per client (decision 29). One
/// difference, by design: a herbeoordeling that is due at once is not prompted here but gets "now" as its moment,
/// so the scanners let the klant grain prompt it (the grain is the one that tells a werklijst and remembers it).
/// </summary>
public static class NieuweKlant
{
    public static string Door(string importId) => $"bestandsimport {importId}";

    public static HistorieRegel Opgenomen(DateTimeOffset nu, string door) => new(nu, "in bestand", "Opgenomen in het bestand.", door);

    public static KlantState Staat(KlantProfiel profiel, string importId, Domeinklok klok, HerbeoordelingBeleid beleid)
    {
        ArgumentNullException.ThrowIfNull(profiel);
        ArgumentNullException.ThrowIfNull(klok);
        ArgumentNullException.ThrowIfNull(beleid);
        var staat = new KlantState { Profiel = profiel, InBestand = true };
        staat.Historie.Add(Opgenomen(klok.GetUtcNow(), Door(importId)));
        // First seen with an ended benefit (the export's einddatum_uitkering): in the history, not in the bestand.
        if (profiel.EinddatumUitkering is { } einddatum)
        {
            staat.InBestand = false;
            staat.Uitstroom = new Uitstroom(einddatum, profiel.RedenBeeindiging ?? Uitstroom.RedenOnbekend, Door(importId));
            staat.Historie.Add(new HistorieRegel(klok.GetUtcNow(), "uit bestand", $"Uitkering beëindigd op {einddatum:dd-MM-yyyy} volgens de export: {staat.Uitstroom.Reden}.", Door(importId)));
            return staat;
        }
        staat.Herbeoordeling = HerbeoordelingPlanner.Plan(staat, beleid);
        if (staat.Herbeoordeling is { } planning)
            staat.HerbeoordelingControle = HerbeoordelingPlanner.Status(planning.Datum, klok.Vandaag, beleid) == Abstractions.Herbeoordelingen.HerbeoordelingStatus.Gepland
                ? HerbeoordelingPlanner.VolgendeControle(planning, klok.Vandaag, beleid, klok.LocalTimeZone)
                : klok.GetUtcNow();
        return staat;
    }
}
