using System.ComponentModel.DataAnnotations;
namespace KenJeKlant.Grains.Beleid;

/// <summary>
/// The gemeente's lists for a plan van aanpak: the partners an afspraak may name and the leefdomeinen it may be
/// about, and how often a watched werklijst looks whether a new day brought afspraken to check. Configuration
/// section <c>Beleid:PlanVanAanpak</c>; empty lists are filled by <see cref="VulStandaarden"/> (Haarlem's plan
/// van aanpak, seed 002, and DOMAIN.md), so configuration replaces the defaults instead of adding to them.
/// </summary>
public sealed class PlanVanAanpakBeleid
{
    public const string Sectie = "Beleid:PlanVanAanpak";

    public List<string> Partners { get; set; } = [];

    public List<string> Leefdomeinen { get; set; } = [];

    /// <summary>
    /// How often an active werklijst compares the domain date with the date it last read its afspraken for. Only a
    /// new day costs a query (on the index of open deadlines); the tick itself is a comparison in memory.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan WerklijstControle { get; set; } = TimeSpan.FromSeconds(5);

    public void VulStandaarden()
    {
        if (Partners.Count == 0)
        {
            // Haarlem's partners per route: commercial partners for direct mediation, re-integratie partners for
            // leerwerktrajecten, partners in the city for participation, zorg, the sociaal wijkteam.
            Partners.AddRange([
                "re-integratiepartner", "uitzendbureau", "werkgeversservicepunt", "partner in de stad (participatieplek)",
                "sociaal wijkteam", "zorgpartner", "schuldhulpverlening", "taalaanbieder",
            ]);
        }
        if (Leefdomeinen.Count == 0) Leefdomeinen.AddRange(["werk", "zorg", "schulden", "wonen", "gezin", "taal"]);
    }

    /// <summary>The configured spelling of <paramref name="naam"/>, matched case-insensitively, or null.</summary>
    public static string? Zoek(IEnumerable<string> lijst, string naam) => TrajectBeleid.Zoek(lijst, naam);
}
