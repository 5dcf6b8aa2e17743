namespace KenJeKlant.Grains.Campagnes.Planning;

/// <summary>A period a klantmanager is away (leave, training, illness); both dates inclusive.</summary>
public sealed record Afwezigheid(DateOnly Van, DateOnly Tot);
