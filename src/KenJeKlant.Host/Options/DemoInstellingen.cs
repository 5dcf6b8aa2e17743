namespace KenJeKlant.Host.Options;

/// <summary>Seeds an empty installation with a synthetic bestand so the dashboards have something to show.</summary>
public sealed class DemoInstellingen
{
    public const string Sectie = "Demo";

    /// <summary>Number of synthetic clients to import into an empty bestand; 0 = no demo data.</summary>
    public int SynthetischBestand { get; set; }
    public int Seed { get; set; } = 2017;
    public int Klantmanagers { get; set; } = 50;
}
