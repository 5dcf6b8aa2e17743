using System.ComponentModel.DataAnnotations;
namespace KenJeKlant.Grains.Beleid;

/// <summary>
/// The gemeente's afstemmingsverordening as far as the review needs it, and the zienswijzetermijn.
/// Configuration section <c>Beleid:Handhaving</c>; empty lists are filled by <see cref="VulStandaarden"/>
/// so configuration replaces the defaults instead of adding to them.
/// </summary>
public sealed class HandhavingBeleid
{
    public const string Sectie = "Beleid:Handhaving";

    /// <summary>Percentages of the benefit a voorstel maatregel may lower it by.</summary>
    public List<int> MaatregelPercentages { get; set; } = [];

    /// <summary>Durations in months a voorstel maatregel may last (the law allows at most three).</summary>
    public List<int> MaatregelDuurMaanden { get; set; } = [];

    /// <summary>Days the client has to give a zienswijze after the first contact attempt before "geen reactie" may be recorded.</summary>
    [Range(1, 365)]
    public int ZienswijzeTermijnDagen { get; set; } = 14;

    /// <summary>
    /// Where a client sends a bezwaarschrift, as the besluit letter prints it (the bezwaarclausule). The gemeente's
    /// own address: the default only serves the demo.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string Bezwaaradres { get; set; } = "Het college van burgemeester en wethouders, Postbus 1000, 1000 AA Gemeente";

    /// <summary>How the client gives a zienswijze, as the voornemen letter prints it.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ZienswijzeHoe { get; set; } =
        "Bel uw behandelaar, kom langs bij de balie of schrijf ons een brief of e-mail. Vermeld uw klantnummer en het kenmerk van deze brief.";

    public void VulStandaarden()
    {
        // A common verordening for not coming to a re-integratie-oproep: steps of the benefit for one to three months.
        if (MaatregelPercentages.Count == 0) MaatregelPercentages.AddRange([5, 10, 20, 50, 100]);
        if (MaatregelDuurMaanden.Count == 0) MaatregelDuurMaanden.AddRange([1, 2, 3]);
    }
}
