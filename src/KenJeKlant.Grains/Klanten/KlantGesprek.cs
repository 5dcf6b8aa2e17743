using KenJeKlant.Abstractions.Campagnes;

namespace KenJeKlant.Grains.Klanten;

/// <summary>One gesprek as the client's dossier shows it, with when it was planned and last changed (domain time).</summary>
public sealed record KlantGesprek(GesprekStand Stand, DateTimeOffset GeplandOp, DateTimeOffset BijgewerktOp, DateTimeOffset? UitkomstOp);
