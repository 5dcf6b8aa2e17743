using System.ComponentModel.DataAnnotations;
namespace KenJeKlant.Host.Campagnes.Simulatie;

/// <summary>
/// Demo:Simulatie — plays a campaign over the (synthetic) bestand in accelerated time, with people
/// who come, do not come or send word, and klantmanagers who record outcomes. Never for production:
/// the whole installation then lives in simulated time.
/// </summary>
public sealed class SimulatieInstellingen
{
    public const string Sectie = "Demo:Simulatie";

    [Required]
    public string CampagneId { get; set; } = "ik-doe-mee-demo";
    [Required]
    public string CampagneNaam { get; set; } = "Ik doe mee (demo)";
    public int Seed { get; set; } = 2017;
}
