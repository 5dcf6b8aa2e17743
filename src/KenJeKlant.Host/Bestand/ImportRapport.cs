using KenJeKlant.Bestand;

namespace KenJeKlant.Host.Bestand;

/// <summary>What an import of the bestand did, or — when refused — why nothing was imported.</summary>
public sealed record ImportRapport
{
    /// <summary>At most this many row errors are listed; <see cref="AantalFouten"/> counts them all.</summary>
    public const int MaxGetoondeFouten = 1000;

    public required Guid ImportId { get; init; }
    public required bool Geimporteerd { get; init; }
    public required bool Gedeeltelijk { get; init; }
    public int Regels { get; init; }
    public int Nieuw { get; init; }
    public int Gewijzigd { get; init; }
    public int Ongewijzigd { get; init; }
    public int TerugInBestand { get; init; }
    public int Afgewezen { get; init; }
    public int UitBestand { get; init; }
    public int AantalFouten { get; init; }
    public IReadOnlyList<RijFout> Fouten { get; init; } = [];
    public string? Melding { get; init; }
}
