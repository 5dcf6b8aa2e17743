using System.ComponentModel.DataAnnotations;
namespace KenJeKlant.Host.Bestand;

/// <summary>Seeds an empty installation with a synthetic bestand so the dashboards have something to show.</summary>
public sealed class DemoInstellingen
{
    public const string Sectie = "Demo";

    /// <summary>Number of synthetic clients to import into an empty bestand; 0 = no demo data.</summary>
    [Range(0, 1_000_000)]
    public int SynthetischBestand { get; set; }
    public int Seed { get; set; } = 2017;
    [Range(1, 1000)]
    public int Klantmanagers { get; set; } = 50;

    /// <summary>Seeds one account per role (programmaleider, klantmanager, handhaving, beheerder) for a demo install.</summary>
    public bool Accounts { get; set; }
    /// <summary>The demo accounts' password (README); never use demo accounts with real data.</summary>
    [Required]
    public string Wachtwoord { get; set; } = "KenJeKlant-demo";
    /// <summary>The medewerker the demo klantmanager account is: its caseload.</summary>
    [Required]
    public string Klantmanager { get; set; } = "KM001";
}
