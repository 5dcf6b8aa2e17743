namespace KenJeKlant.Abstractions.Klanten;

/// <summary>One client (key: klantnummer). Every change is validated here; a refused change throws <see cref="OvergangGeweigerdException"/>.</summary>
[Alias("kjk.IKlantGrain")]
public interface IKlantGrain : IGrainWithStringKey
{
    /// <summary>Applies a row of the bestand export. Idempotent: the same profile twice changes nothing.</summary>
    [Alias("Importeer")]
    Task<ImportEffect> ImporteerAsync(KlantProfiel profiel, string importId);

    /// <summary>The client is missing from a new export: mark as left, keep everything. Returns false if already out.</summary>
    [Alias("VerlaatBestand")]
    Task<bool> VerlaatBestandAsync(string importId);

    /// <summary>The dossier, or null when no export ever named this klantnummer.</summary>
    [Alias("GetDossier")]
    Task<KlantDossier?> GetDossierAsync();

    [Alias("RegistreerIndeling")]
    Task RegistreerIndelingAsync(IndelingRegistratie registratie);

    [Alias("RegistreerTrede")]
    Task RegistreerTredeAsync(TredeMeting meting);

    [Alias("WijsRouteToe")]
    Task WijsRouteToeAsync(RouteToewijzing route);

    [Alias("VerleenOntheffing")]
    Task VerleenOntheffingAsync(Ontheffing ontheffing);

    [Alias("RegistreerUitstroom")]
    Task RegistreerUitstroomAsync(Uitstroom uitstroom);
}
