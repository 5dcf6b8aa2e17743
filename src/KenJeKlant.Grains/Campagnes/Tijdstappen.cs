using KenJeKlant.Abstractions.Campagnes;

namespace KenJeKlant.Grains.Campagnes;

/// <summary>
/// What is due at a moment, as a pure function of the gesprekken, the clock and the set-up:
/// invitations whose moment has come (only while the campaign is active), herinneringen before
/// the slot, and slots that passed without an outcome. A gesprek whose invitation can no longer go
/// out in time is handed back for a new slot rather than sent late. Nothing here assumes a no-show.
/// </summary>
public static class Tijdstappen
{
    public sealed record Uitkomst(
        IReadOnlyList<GesprekRij> Gewijzigd,
        IReadOnlyList<BerichtRij> Berichten,
        IReadOnlyList<GesprekRij> TeHerplannen);

    public static Uitkomst Bepaal(
        IEnumerable<GesprekRij> gesprekken, DateTimeOffset nu, CampagneDefinitie definitie, CampagneStatus status,
        int uitnodigingMinimaalDagenVooraf)
    {
        ArgumentNullException.ThrowIfNull(definitie);
        var gewijzigd = new List<GesprekRij>();
        var berichten = new List<BerichtRij>();
        var herplannen = new List<GesprekRij>();
        var teLaat = TeLaatVoorUitnodiging(definitie, uitnodigingMinimaalDagenVooraf);
        foreach (var rij in gesprekken)
        {
            if (!rij.IsOpen) continue;
            var na = rij;
            if (na.Status == GesprekStatus.Gepland)
            {
                if (status != CampagneStatus.Actief || na.UitnodigingOp > nu) continue;
                if (na.Start - nu < teLaat)
                {
                    herplannen.Add(na);
                    continue;
                }
                na = na with { Status = GesprekStatus.Uitgenodigd, UitnodigingVerzondenOp = nu };
                berichten.Add(Bericht(na, BerichtSoort.Uitnodiging, nu, BerichtStatus.Verzonden));
            }
            if (na.Status == GesprekStatus.Uitgenodigd && status != CampagneStatus.Geannuleerd && HerinneringIsAanDeBeurt(na, nu, definitie))
            {
                na = na with { Status = GesprekStatus.Herinnerd, HerinneringVerzondenOp = nu };
                berichten.Add(Bericht(na, BerichtSoort.Herinnering, nu, BerichtStatus.Verzonden));
            }
            if (na.Status is GesprekStatus.Uitgenodigd or GesprekStatus.Herinnerd && na.Eind <= nu && !na.ZonderUitkomstGemeld)
                na = na with { ZonderUitkomstGemeld = true };
            if (na != rij) gewijzigd.Add(na.Volgende());
        }
        return new(gewijzigd, berichten, herplannen);
    }

    /// <summary>
    /// Less time than this before the slot and the invitation waits for a new slot instead. The policy's
    /// minimum, but never more than half the campaign's own lead time: a campaign that invites one day
    /// ahead would otherwise see every invitation fall under a three-day minimum the moment it is due.
    /// </summary>
    private static TimeSpan TeLaatVoorUitnodiging(CampagneDefinitie definitie, int uitnodigingMinimaalDagenVooraf) =>
        TimeSpan.FromDays(Math.Min(uitnodigingMinimaalDagenVooraf, definitie.UitnodigingDagenVooraf / 2.0));

    /// <summary>
    /// The herinnering goes out the set number of days before the slot, and only to a client whose
    /// invitation went out before that moment (a late invitation is its own reminder).
    /// </summary>
    private static bool HerinneringIsAanDeBeurt(GesprekRij rij, DateTimeOffset nu, CampagneDefinitie definitie)
    {
        if (definitie.HerinneringDagenVooraf == 0) return false;
        var moment = rij.Start.AddDays(-definitie.HerinneringDagenVooraf);
        return moment <= nu && rij.Start > nu && rij.UitnodigingVerzondenOp < moment;
    }

    /// <summary>A letter for the gesprek's current moment: numbered by its moves, so a moved gesprek's letters are new ones.</summary>
    public static BerichtRij Bericht(GesprekRij rij, BerichtSoort soort, DateTimeOffset verzendOp, BerichtStatus status) =>
        Bericht(rij, soort, verzendOp, status, rij.VerzetAantal);

    public static BerichtRij Bericht(GesprekRij rij, BerichtSoort soort, DateTimeOffset verzendOp, BerichtStatus status, int volgnummer) =>
        new(GesprekIds.Bericht(rij.Id, soort, volgnummer), rij.Id, rij.CampagneId, rij.Klantnummer, soort, verzendOp, status,
            status == BerichtStatus.Verzonden ? verzendOp : null, volgnummer);
}
