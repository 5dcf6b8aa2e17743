using KenJeKlant.Abstractions.Klanten;

namespace KenJeKlant.Grains.Klanten;

/// <summary>The indeling as people say it, for history lines and explanations.</summary>
internal static class IndelingTekst
{
    public static string Van(Indeling indeling) => indeling switch
    {
        Indeling.ZonderAfstand => "zonder afstand",
        Indeling.OverbrugbareAfstand => "overbrugbare afstand",
        Indeling.OnoverbrugbareAfstand => "onoverbrugbare afstand",
        _ => indeling.ToString(),
    };
}
