namespace KenJeKlant.Host.Klantmanagers;

/// <summary>The gemeente's klantmanagers (the import checks every row's klantmanager against them).</summary>
public interface IMedewerkers
{
    Task<IReadOnlySet<string>> KlantmanagerIdsAsync(CancellationToken ct);
    Task<IReadOnlyList<Klantmanager>> KlantmanagersAsync(CancellationToken ct);
    Task BewaarAsync(Klantmanager klantmanager, CancellationToken ct);
    /// <summary>Lets <paramref name="vervanger"/> cover this klantmanager's caseload until <paramref name="tot"/> (inclusive); null ends it.</summary>
    Task<bool> ZetVervangingAsync(string klantmanager, string? vervanger, DateOnly? tot, CancellationToken ct);
    /// <summary>The klantmanagers whose caseload <paramref name="vervanger"/> covers on <paramref name="vandaag"/>.</summary>
    Task<IReadOnlyList<string>> VervangenDoorAsync(string vervanger, DateOnly vandaag, CancellationToken ct);
}

public sealed record Klantmanager(string Id, string Naam, bool Actief = true, string? Vervanger = null, DateOnly? VervangenTot = null);
