using System.ComponentModel.DataAnnotations;

namespace KenJeKlant.Host.Rapportages;

/// <summary>Section <c>Rapportages</c>.</summary>
public sealed class RapportagesInstellingen
{
    public const string Sectie = "Rapportages";

    /// <summary>The longest period one report may cover (the five years: a raad's term and one more).</summary>
    [Range(1, 10)]
    public int MaximaalJaren { get; set; } = 5;

    /// <summary>The uitstroom reasons that count as "uitstroom naar werk" in the doelenboom.</summary>
    public List<string> WerkRedenen { get; set; } = [];

    public void VulStandaarden()
    {
        if (WerkRedenen.Count == 0) WerkRedenen.AddRange(["werk (regulier)", "werk met loonkostensubsidie", "garantiebaan"]);
    }
}
