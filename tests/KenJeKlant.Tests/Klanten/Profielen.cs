using KenJeKlant.Abstractions.Klanten;

namespace KenJeKlant.Tests.Klanten;

/// <summary>Test clients with unique klantnummers, so tests sharing one cluster never meet.</summary>
internal static class Profielen
{
    private static int _volgnummer;

    public static KlantProfiel Nieuw(string klantmanager = "KM001") => new()
    {
        Klantnummer = $"T{Interlocked.Increment(ref _volgnummer):D6}",
        Bsn = "111222333",
        Naam = "Anna de Vries",
        Geboortedatum = new DateOnly(1975, 4, 12),
        Postcode = "2011AB",
        Wijk = "Centrum",
        Huishouden = Huishouden.Alleenstaand,
        StartdatumUitkering = new DateOnly(2019, 3, 1),
        Klantmanager = klantmanager,
    };
}
