namespace KenJeKlant.Grains.Campagnes.Planning;

/// <summary>A client who got no slot, with the reason in plain Dutch.</summary>
public sealed record NietIngeplandeKlant(string Klantnummer, string Reden);
