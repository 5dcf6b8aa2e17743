namespace KenJeKlant.Grains.Herbeoordelingen;

/// <summary>
/// Clients are spread over <see cref="Aantal"/> fixed buckets (the generated column <c>klant_overzicht.vak</c>:
/// the klantnummer's hash, low six bits); the scanners divide the buckets among themselves, so changing the
/// number of scanners moves no client and needs no migration.
/// </summary>
public static class HerbeoordelingVakken
{
    public const int Aantal = 64;

    /// <summary>The buckets of scanner <paramref name="scanner"/> of <paramref name="scanners"/>: every bucket belongs to exactly one.</summary>
    public static short[] VanScanner(int scanner, int scanners)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scanners, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scanners, Aantal);
        ArgumentOutOfRangeException.ThrowIfNegative(scanner);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(scanner, scanners);
        return [.. Enumerable.Range(0, Aantal).Where(v => v % scanners == scanner).Select(v => (short)v)];
    }
}
