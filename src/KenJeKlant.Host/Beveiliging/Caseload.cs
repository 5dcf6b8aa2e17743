using System.Security.Claims;
using KenJeKlant.Grains;
using KenJeKlant.Host.Klanten;
using KenJeKlant.Host.Klantmanagers;

namespace KenJeKlant.Host.Beveiliging;

/// <summary>
/// Which clients a klantmanager may see: their own caseload and the caseloads they cover for an
/// absent colleague, until the cover ends. One rule for the API and the hubs.
/// </summary>
public sealed class Caseload(IKlantOverzichten klanten, IMedewerkers medewerkers, Domeinklok klok)
{
    /// <summary>The klantmanager ids whose clients <paramref name="user"/> may see; empty when not a klantmanager.</summary>
    public async Task<IReadOnlySet<string>> KlantmanagersVanAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.IsInRole(Rollen.Klantmanager) || user.MedewerkerVan() is not { } eigen) return new HashSet<string>();
        var vandaag = klok.Vandaag;
        var ids = new HashSet<string>(StringComparer.Ordinal) { eigen };
        ids.UnionWith(await medewerkers.VervangenDoorAsync(eigen, vandaag, ct));
        return ids;
    }

    public async Task<bool> MagWerklijstAsync(ClaimsPrincipal user, string klantmanager, CancellationToken ct) =>
        (await KlantmanagersVanAsync(user, ct)).Contains(klantmanager);

    public async Task<bool> MagKlantAsync(ClaimsPrincipal user, string klantnummer, CancellationToken ct)
    {
        var ids = await KlantmanagersVanAsync(user, ct);
        // An unknown client is refused like someone else's: no answer tells a klantmanager who exists outside their caseload.
        return ids.Count > 0 && await klanten.KlantmanagerVanAsync(klantnummer, ct) is { } km && ids.Contains(km);
    }
}
