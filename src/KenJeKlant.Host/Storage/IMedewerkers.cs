namespace KenJeKlant.Host.Storage;

/// <summary>The gemeente's klantmanagers (the import checks every row's klantmanager against them).</summary>
public interface IMedewerkers
{
    Task<IReadOnlySet<string>> KlantmanagerIdsAsync(CancellationToken ct);
    Task<IReadOnlyList<Klantmanager>> KlantmanagersAsync(CancellationToken ct);
    Task BewaarAsync(Klantmanager klantmanager, CancellationToken ct);
}

public sealed record Klantmanager(string Id, string Naam, bool Actief = true);
