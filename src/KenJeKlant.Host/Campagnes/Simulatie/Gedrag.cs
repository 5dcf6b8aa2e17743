using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Klanten;

namespace KenJeKlant.Host.Campagnes.Simulatie;

/// <summary>
/// How simulated people behave, from the seed documents: about one in five does not come to a first
/// invitation (Den Haag 2011: 21%), more to a second; those who come are classified about 10/60/30
/// (Haarlem); outcomes in proportions like the pilots (work, ontheffing, trajectories). Deterministic
/// per gesprek, so a replay gives the same campaign.
/// </summary>
public static class Gedrag
{
    private static readonly string[] RoutesZonderAfstand = ["directe bemiddeling", "proefplaatsing"];
    private static readonly string[] RoutesOverbrugbaar = ["leerwerktraject", "re-integratietraject", "werkervaringsplaats", "opleiding", "garantiebaan"];
    private static readonly string[] RoutesOnoverbrugbaar = ["arbeidsmatige dagbesteding", "maatschappelijke participatie", "sociaal wijkteam", "zorg"];

    /// <summary>The outcome a klantmanager records for this gesprek, and how many hours after the slot (so prompts show for a while).</summary>
    public static (GesprekUitkomst Uitkomst, int UrenLater) Uitkomst(Guid gesprekId, int poging, string klantmanager, DateOnly datum, int seed)
    {
        var kans = new Random(HashCode.Combine(gesprekId, seed));
        var urenLater = kans.Next(0, 48);
        var nietVerschenen = kans.NextDouble() < (poging == 1 ? 0.20 : 0.30);
        if (nietVerschenen)
        {
            var r = kans.NextDouble();
            var reden = r < 0.60 ? AfwezigheidReden.GeenReden : r < 0.85 ? AfwezigheidReden.Afgemeld : r < 0.95 ? AfwezigheidReden.DringendeReden : AfwezigheidReden.NietBezorgd;
            return (new GesprekUitkomst { Verschenen = false, Afwezigheid = reden, Door = klantmanager }, urenLater);
        }
        var i = kans.NextDouble();
        var indeling = i < 0.10 ? Indeling.ZonderAfstand : i < 0.70 ? Indeling.OverbrugbareAfstand : Indeling.OnoverbrugbareAfstand;
        var uitkomst = new GesprekUitkomst { Verschenen = true, Indeling = indeling, Door = klantmanager };
        return (indeling switch
        {
            Indeling.ZonderAfstand => kans.NextDouble() < 0.35
                ? uitkomst with { Trede = 6, UitstroomReden = "werk (regulier)" }
                : uitkomst with { Trede = kans.Next(4, 6), Route = Kies(kans, RoutesZonderAfstand), Afspraken = "Solliciteert met hulp van de werkgeversdienst." },
            Indeling.OverbrugbareAfstand => kans.NextDouble() < 0.05
                ? uitkomst with { Trede = 5, UitstroomReden = kans.NextDouble() < 0.5 ? "werk met loonkostensubsidie" : "verhuizing" }
                : uitkomst with { Trede = kans.Next(2, 5), Route = Kies(kans, RoutesOverbrugbaar), Afspraken = "Plan van aanpak opgesteld; over drie maanden samen bekijken." },
            _ => kans.NextDouble() < 0.40
                ? uitkomst with { Trede = kans.Next(1, 3), OntheffingTot = datum.AddMonths(12), OntheffingGrond = "art. 9 lid 2 Participatiewet", Route = "zorg" }
                : uitkomst with { Trede = kans.Next(1, 4), Route = Kies(kans, RoutesOnoverbrugbaar), Afspraken = "Meedoen in de wijk; contact met het sociaal wijkteam." },
        }, urenLater);
    }

    private static string Kies(Random kans, string[] lijst) => lijst[kans.Next(lijst.Length)];
}
