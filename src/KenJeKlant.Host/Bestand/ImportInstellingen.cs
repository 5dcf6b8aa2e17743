using System.ComponentModel.DataAnnotations;
namespace KenJeKlant.Host.Bestand;

public sealed class ImportInstellingen
{
    public const string Sectie = "Import";

    /// <summary>Largest accepted export. 400,000 rows are about 60 MB.</summary>
    [Range(1, 4096)]
    public int MaxMegabytes { get; set; } = 256;
}
