namespace KenJeKlant.Abstractions.Klanten;

/// <summary>The three client groups after Sol, <i>Fit or Unfit</i> (2011), as Haarlem uses them.</summary>
[GenerateSerializer, Alias("kjk.Indeling")]
public enum Indeling
{
    ZonderAfstand = 0,
    OverbrugbareAfstand = 1,
    OnoverbrugbareAfstand = 2,
}
