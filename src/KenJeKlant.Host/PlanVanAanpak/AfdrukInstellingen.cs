using System.ComponentModel.DataAnnotations;

namespace KenJeKlant.Host.PlanVanAanpak;

/// <summary>
/// The font the printable plan's PDF is set in (section <c>Afdruk</c>). PDFsharp on Linux finds no fonts by itself;
/// it gets these files. The defaults are Liberation Sans 2 (SIL Open Font License 1.1) from Debian's
/// <c>fonts-liberation2</c>, which <c>deploy/local/lettertype.sh</c> installs. A file that is not there stops the
/// host at start, naming the setting: a plan that cannot be printed should not be found out by a client.
/// </summary>
public sealed class AfdrukInstellingen
{
    public const string Sectie = "Afdruk";

    [Required]
    public string Lettertype { get; set; } = "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf";

    [Required]
    public string LettertypeVet { get; set; } = "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf";

    public static string? Ontbreekt(AfdrukInstellingen i)
    {
        ArgumentNullException.ThrowIfNull(i);
        foreach (var (naam, pad) in new[] { ("Afdruk:Lettertype", i.Lettertype), ("Afdruk:LettertypeVet", i.LettertypeVet) })
            if (!File.Exists(pad))
                return $"{naam}: het lettertype {pad} bestaat niet. Installeer fonts-liberation2 (deploy/local/lettertype.sh, of apt-get install fonts-liberation2) of zet {naam.Replace(':', '_')}__ naar een TrueType-bestand.";
        return null;
    }
}
