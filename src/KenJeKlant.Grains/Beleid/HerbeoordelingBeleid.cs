using System.ComponentModel.DataAnnotations;
using KenJeKlant.Abstractions.Klanten;

namespace KenJeKlant.Grains.Beleid;

/// <summary>
/// When clients are reassessed. The gemeente's to configure (section Beleid:Herbeoordeling);
/// these defaults follow DOMAIN.md. An empty interval table is filled by <see cref="VulStandaarden"/>
/// so configuration replaces the defaults instead of adding to them.
/// </summary>
public sealed class HerbeoordelingBeleid
{
    public const string Sectie = "Beleid:Herbeoordeling";

    /// <summary>Months between assessments per indeling (zonder afstand 3, overbrugbaar 6, onoverbrugbaar 12).</summary>
    public Dictionary<Indeling, int> MaandenPerIndeling { get; set; } = [];

    /// <summary>Routes that need their own rhythm (e.g. "sociaal wijkteam": 3); they win over the indeling.</summary>
    public Dictionary<string, int> MaandenPerRoute { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>An alleenstaande ouder with an ontheffing on this ground is seen at least this often (art. 9a: 6 months).</summary>
    [Range(1, 120)]
    public int AlleenstaandeOuderMetOntheffingMaanden { get; set; } = 6;

    /// <summary>Text in the ontheffing's grond that marks the art. 9a ontheffing for alleenstaande ouders.</summary>
    public string AlleenstaandeOuderOntheffingGrond { get; set; } = "9a";

    /// <summary>A client never spoken to gets a first participatiegesprek this many weeks after the benefit started.</summary>
    [Range(1, 104)]
    public int EersteGesprekNaWeken { get; set; } = 8;

    /// <summary>A client spoken to but never classified is seen again this many months after that conversation.</summary>
    [Range(1, 120)]
    public int NietIngedeeldMaanden { get; set; } = 12;

    /// <summary>Days after the due date before a reassessment counts as overdue and the team sees it.</summary>
    [Range(1, 365)]
    public int TeLaatNaDagen { get; set; } = 14;

    /// <summary>
    /// How often each herbeoordeling scanner looks for clients whose moment has come: a prompt arrives at most
    /// this long after midnight. Orleans' shortest reminder period is one minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan Controle { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many scanners divide the clients (each one reminder, each its share of the 64 buckets).</summary>
    [Range(1, 64)]
    public int Scanners { get; set; } = 8;

    public void VulStandaarden()
    {
        if (MaandenPerIndeling.Count > 0) return;
        MaandenPerIndeling[Indeling.ZonderAfstand] = 3;
        MaandenPerIndeling[Indeling.OverbrugbareAfstand] = 6;
        MaandenPerIndeling[Indeling.OnoverbrugbareAfstand] = 12;
    }
}
