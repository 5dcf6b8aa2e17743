namespace KenJeKlant.Grains.Campagnes.Planning;

/// <summary>
/// Every client of the request exactly once: in <see cref="Ingepland"/> or in <see cref="NietIngepland"/>,
/// both in the order of <see cref="Uitleg"/>.
/// </summary>
public sealed record PlanningsResultaat(
    IReadOnlyList<IngeplandGesprek> Ingepland,
    IReadOnlyList<NietIngeplandeKlant> NietIngepland,
    string Uitleg);
