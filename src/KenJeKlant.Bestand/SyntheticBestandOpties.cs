namespace KenJeKlant.Bestand;

/// <summary>Settings for a synthetic bestand; the same settings always give the same file.</summary>
public sealed record SyntheticBestandOpties
{
    /// <summary>Number of clients (Haarlem 2017: about 3,800).</summary>
    public int Aantal { get; init; } = 3_800;

    /// <summary>Seed for <see cref="Random"/>; one seed, one file.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The export date: ages, benefit durations and last conversations are counted back from it.</summary>
    public required DateOnly Peildatum { get; init; }

    /// <summary>Medewerker ids the clients are spread over.</summary>
    public IReadOnlyList<string> Klantmanagers { get; init; } = StandaardKlantmanagers;

    /// <summary>Wijk names written into the wijk column.</summary>
    public IReadOnlyList<string> Wijken { get; init; } = HaarlemseWijken;

    /// <summary>
    /// CBS codes of the gemeenten the clients are spread over (evenly, drawn per client). Empty or one: the gemeente
    /// column is written with that one or left empty, and nothing is drawn, so a seed keeps its file.
    /// </summary>
    public IReadOnlyList<string> Gemeenten { get; init; } = [];

    /// <summary>KM001 … KM050.</summary>
    public static IReadOnlyList<string> StandaardKlantmanagers { get; } =
        [.. Enumerable.Range(1, 50).Select(i => $"KM{i:D3}")];

    /// <summary>Haarlem's stadsdelen and a number of its wijken, as a benefits system might record them.</summary>
    public static IReadOnlyList<string> HaarlemseWijken { get; } =
    [
        "Centrum", "Haarlem-Noord", "Haarlem-Oost", "Schalkwijk", "Zuid-West", "Molenwijk", "Delftwijk",
        "Transvaalwijk", "Parkwijk", "Boerhaavewijk", "Meerwijk", "Europawijk", "Vijfhoek", "Rozenprieel",
        "Garenkokerskwartier", "Spaarndam",
    ];
}
