namespace KenJeKlant.Grains.Campagnes.Planning;

/// <summary>A client's slot: local (gemeente) time, <see cref="DateTimeKind.Unspecified"/>.</summary>
public sealed record IngeplandGesprek(string Klantnummer, string Klantmanager, DateTime Start, DateTime Eind);
