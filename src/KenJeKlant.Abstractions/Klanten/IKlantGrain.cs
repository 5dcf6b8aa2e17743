using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Herbeoordelingen;

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

    /// <summary>Only the profile (what the export says), or null: for a caller that needs no trajectory or gesprekken.</summary>
    [Alias("GetProfiel")]
    Task<KlantProfiel?> GetProfielAsync();

    /// <summary>Lets this activation go: its stored state was changed outside it (a bewaartermijn run, decision 32).</summary>
    [Alias("LaatLos")]
    Task LaatLosAsync();

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

    /// <summary>The klantmanager sets the next reassessment date, with a reason; it holds until the next assessment.</summary>
    [Alias("SpreekHerbeoordelingAf")]
    Task SpreekHerbeoordelingAfAsync(HerbeoordelingAfspraak afspraak);

    /// <summary>Plans the reassessment again under the current policy (after a policy change). Returns whether anything changed.</summary>
    [Alias("HerplanHerbeoordeling")]
    Task<bool> HerplanHerbeoordelingAsync();

    /// <summary>
    /// Validates and records a gesprek's outcome in the trajectory (indeling, trede, route, ontheffing,
    /// uitstroom) in one step, once per gesprek. Returns the outcome in force: this one, or the one taken in
    /// earlier for the same gesprek (then nothing changes), so a campaign that failed before storing an
    /// outcome learns it on the next attempt.
    /// </summary>
    [Alias("RegistreerGesprekUitkomst")]
    Task<GesprekUitkomst> RegistreerGesprekUitkomstAsync(GesprekStand stand, GesprekUitkomst uitkomst);
}
