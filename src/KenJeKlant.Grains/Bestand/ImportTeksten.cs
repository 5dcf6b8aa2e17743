using KenJeKlant.Abstractions.Bestand;

namespace KenJeKlant.Grains.Bestand;

/// <summary>How an import ended, in the words the beheerder reads on the beheer page and in the report.</summary>
public static class ImportTeksten
{
    public const string NietTeLezen = "Het bestand is niet te lezen";
    public const string BevatFouten = "Het bestand bevat fouten";
    public const string Gecontroleerd = "Gecontroleerd";
    public const string Afgebroken = "Afgebroken";

    public static string Geimporteerd(ImportJob job) => job.Gedeeltelijk ? "Geïmporteerd (alleen de goede regels)" : "Geïmporteerd";

    public static string Fouten(ImportJob job) =>
        $"{job.AantalFouten} fout(en) in {job.Afgewezen} regel(s); er is niets geïmporteerd. Herstel de export en importeer opnieuw, of kies 'Importeer alleen de goede regels' om de regels zonder fout toch te importeren.";

    public static string Controle(ImportJob job) =>
        (job.AantalFouten == 0 ? $"Alle {job.Regels} regels zijn in orde." : $"{job.AantalFouten} fout(en) in {job.Afgewezen} regel(s).")
        + " Er is niets geïmporteerd: dit was alleen een controle.";

    public static string AfgebrokenDoor(ImportJob job, string door) =>
        $"De import is afgebroken door {door}. " + (job.Toegepast == 0
            ? "Er is niets geïmporteerd."
            : $"{job.Toegepast} van de {job.Geldig} klanten zijn bijgewerkt en staan goed; niemand is uit het bestand gehaald. Importeer het bestand opnieuw om de import af te maken.");

    public static string AlBeeindigd(ImportStatus status) =>
        $"Deze import is al beëindigd ({(status == ImportStatus.Klaar ? "klaar" : "mislukt")}): er valt niets af te breken.";
}
