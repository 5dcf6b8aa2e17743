namespace KenJeKlant.Bestand;

/// <summary>A file-level problem with a message the beheerder can act on.</summary>
public sealed record BestandProbleem(BestandProbleemSoort Soort, string Melding);
