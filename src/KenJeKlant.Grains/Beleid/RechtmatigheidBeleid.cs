using System.ComponentModel.DataAnnotations;

namespace KenJeKlant.Grains.Beleid;

/// <summary>
/// What a klantmanager may name as the aanleiding of a rechtmatigheidssignaal, and where the client is heard.
/// Section <c>Beleid:Rechtmatigheid</c>; an empty list is filled by <see cref="VulStandaarden"/>, so configuration
/// replaces the defaults instead of adding to them.
/// </summary>
public sealed class RechtmatigheidBeleid
{
    public const string Sectie = "Beleid:Rechtmatigheid";

    /// <summary>The aanleidingen a signal may have (art. 17 inlichtingenplicht, art. 54 onderzoek).</summary>
    public List<string> Aanleidingen { get; set; } = [];

    /// <summary>Where the client is heard when the oproep names no other place.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Hoorlocatie { get; set; } = "het kantoor van de gemeente";

    public void VulStandaarden()
    {
        if (Aanleidingen.Count == 0)
            Aanleidingen.AddRange(["inkomsten niet gemeld", "woonsituatie", "vermogen", "verblijf in het buitenland", "inlichtingenplicht overig"]);
    }
}
