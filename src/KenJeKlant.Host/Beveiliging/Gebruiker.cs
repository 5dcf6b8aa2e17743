namespace KenJeKlant.Host.Beveiliging;

/// <summary>
/// A local account. <paramref name="Medewerker"/> links a klantmanager's account to the medewerker
/// id the bestand uses, which is what their caseload is keyed on.
/// </summary>
public sealed record Gebruiker(
    string Gebruikersnaam,
    string Naam,
    IReadOnlyList<string> Rollen,
    string? Medewerker,
    string WachtwoordHash,
    int MisluktePogingen = 0,
    DateTimeOffset? GeblokkeerdTot = null,
    bool Actief = true,
    IReadOnlyList<string>? Gemeenten = null);

/// <summary>What anyone but the account itself may see of it: never the hash. <paramref name="Gemeenten"/>: empty is all.</summary>
public sealed record GebruikerOverzicht(string Gebruikersnaam, string Naam, IReadOnlyList<string> Rollen, string? Medewerker, bool Actief, bool Geblokkeerd,
    IReadOnlyList<string> Gemeenten)
{
    public static GebruikerOverzicht Van(Gebruiker g, DateTimeOffset nu) =>
        new(g.Gebruikersnaam, g.Naam, g.Rollen, g.Medewerker, g.Actief, g.GeblokkeerdTot > nu, g.Gemeenten ?? []);
}

public interface IGebruikers
{
    Task<Gebruiker?> VindAsync(string gebruikersnaam, CancellationToken ct);
    Task<IReadOnlyList<Gebruiker>> AllemaalAsync(CancellationToken ct);
    Task<bool> IsLeegAsync(CancellationToken ct);
    /// <summary>Adds or replaces an account; a new password (or unblocking) resets the failure count.</summary>
    Task BewaarAsync(Gebruiker gebruiker, CancellationToken ct);
    /// <summary>Counts a failed attempt atomically and blocks the account once the limit is reached; returns the account after.</summary>
    Task<Gebruiker?> TelMisluktAsync(string gebruikersnaam, int maximum, DateTimeOffset blokkeerTot, CancellationToken ct);
    Task HerstelPogingenAsync(string gebruikersnaam, CancellationToken ct);
}
