using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Klanten;

namespace KenJeKlant.Grains.Klanten;

/// <summary>
/// The steps of a client's gesprekken as lines of the dossier's timeline, derived from the <c>gesprek</c>
/// table each time the dossier is read: planned, invited, reminded, cancelled, a no-show signal. What a
/// gesprek did to the trajectory (held, not appeared) is the klant grain's own history.
/// </summary>
public static class GesprekTijdlijn
{
    public const string Door = "campagne";

    public static IEnumerable<HistorieRegel> Van(IEnumerable<KlantGesprek> gesprekken, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(gesprekken);
        foreach (var (g, geplandOp, bijgewerktOp, uitkomstOp) in gesprekken)
        {
            var start = TimeZoneInfo.ConvertTime(g.Start, zone);
            var wanneer = $"{start:dd-MM-yyyy} om {start:HH:mm}";
            yield return new(geplandOp, "gesprek gepland", $"Participatiegesprek gepland op {wanneer} bij {g.Klantmanager} ({g.CampagneNaam}, uitnodiging {g.Poging}).", Door);
            if (g.UitnodigingVerzondenOp is { } uitgenodigd)
                yield return new(uitgenodigd, "uitgenodigd", $"Uitnodiging verstuurd voor het participatiegesprek op {wanneer}.", Door);
            if (g.HerinneringVerzondenOp is { } herinnerd)
                yield return new(herinnerd, "herinnerd", $"Herinnering verstuurd voor het participatiegesprek op {wanneer}.", Door);
            // A cancelled gesprek never changes again, so its last change is the cancellation.
            if (g.Status == GesprekStatus.Geannuleerd)
                yield return new(bijgewerktOp, "gesprek geannuleerd", g.UitnodigingVerzondenOp is null
                    ? $"Participatiegesprek van {wanneer} vervallen voordat de uitnodiging uitging."
                    : $"Participatiegesprek van {wanneer} geannuleerd; de klant krijgt een afzegging.", Door);
            if (g.Gevolg == GesprekGevolg.Handhavingssignaal)
                yield return new(uitkomstOp ?? bijgewerktOp, "handhavingssignaal",
                    "Herhaald niet verschenen zonder reden: signaal aan handhaving. Een medewerker beoordeelt het en hoort de klant; er is geen maatregel genomen.", Door);
        }
    }
}
