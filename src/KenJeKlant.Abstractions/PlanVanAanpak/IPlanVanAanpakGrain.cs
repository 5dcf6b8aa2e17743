namespace KenJeKlant.Abstractions.PlanVanAanpak;

/// <summary>
/// The plan van aanpak of one client (key: klantnummer): the one writer of its versions and afspraken. Rules are
/// checked here: input that breaks one throws <see cref="Klanten.OngeldigeInvoerException"/> (400, per field), a
/// change of a closed afspraak <see cref="Klanten.OvergangGeweigerdException"/> (409).
/// </summary>
[Alias("kjk.IPlanVanAanpakGrain")]
public interface IPlanVanAanpakGrain : IGrainWithStringKey
{
    /// <summary>The current plan, or null when none was made yet.</summary>
    [Alias("Get")]
    Task<Plan?> GetAsync();

    /// <summary>An earlier (or the current) version as it was agreed, or null when there is no such version.</summary>
    [Alias("GetVersie")]
    Task<Plan?> GetVersieAsync(int versie);

    /// <summary>Sets a new version of the whole plan and answers it.</summary>
    [Alias("StelVast")]
    Task<Plan> StelVastAsync(PlanInvoer invoer);

    /// <summary>Checks a new version against the rules and the plan as it stands, and writes nothing: throws as <see cref="StelVastAsync"/> would.</summary>
    [Alias("Controleer")]
    Task ControleerAsync(PlanInvoer invoer);

    /// <summary>Closes an open afspraak of the current plan and answers the plan.</summary>
    [Alias("RondAf")]
    Task<Plan> RondAfAsync(Guid afspraakId, AfrondingInvoer afronding);
}
