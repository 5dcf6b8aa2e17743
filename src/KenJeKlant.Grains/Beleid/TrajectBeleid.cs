using System.ComponentModel.DataAnnotations;
namespace KenJeKlant.Grains.Beleid;

/// <summary>
/// The gemeente's lists for trajectories. Configuration, not code: the Participatiewet in balans
/// (2026–2027) changes routes (tegenprestatie → maatschappelijke participatie) and ontheffingen.
/// Empty lists are filled with <see cref="VulStandaarden"/> so configuration replaces, never appends.
/// </summary>
public sealed class TrajectBeleid
{
    public const string Sectie = "Beleid:Traject";

    public List<string> Routes { get; set; } = [];
    public List<string> UitstroomRedenen { get; set; } = [];
    [Range(1, 120)]
    public int OntheffingMaximaalMaanden { get; set; } = 24;

    public void VulStandaarden()
    {
        if (Routes.Count == 0)
        {
            Routes.AddRange([
                "directe bemiddeling", "re-integratietraject", "leerwerktraject", "werkervaringsplaats",
                "proefplaatsing", "garantiebaan", "beschut werk", "arbeidsmatige dagbesteding",
                "vrijwilligerswerk/mantelzorg", "maatschappelijke participatie", "opleiding",
                "sociaal wijkteam", "zorg",
            ]);
        }
        if (UitstroomRedenen.Count == 0)
        {
            UitstroomRedenen.AddRange([
                "werk (regulier)", "werk met loonkostensubsidie", "garantiebaan", "opleiding", "verhuizing",
                "fraude/onrechtmatig", "schending inlichtingenplicht", "overig",
            ]);
        }
    }

    /// <summary>The configured spelling of <paramref name="naam"/>, matched case-insensitively, or null.</summary>
    public static string? Zoek(IEnumerable<string> lijst, string naam) =>
        lijst.FirstOrDefault(r => string.Equals(r, naam.Trim(), StringComparison.OrdinalIgnoreCase));
}
