namespace KenJeKlant.Bestand;

/// <summary>
/// Hands out valid, distinct BSNs without remembering the ones already given, so a generator of
/// 400,000 clients needs no set. It walks the eight-digit prefixes in the order of the permutation
/// p(i) = (a·i + b) mod 10⁸ — a bijection because a is coprime to 10⁸ (odd and not a multiple of 5) —
/// and skips prefixes that have no check digit.
/// </summary>
internal sealed class UniekeBsnReeks
{
    private const long AantalPrefixen = 100_000_000;
    private readonly long _factor;
    private readonly long _verschuiving;
    private long _index;

    public UniekeBsnReeks(Random random)
    {
        _factor = KiesFactor(random);
        _verschuiving = random.NextInt64(AantalPrefixen);
    }

    public string Volgende()
    {
        while (_index < AantalPrefixen)
        {
            var prefix = (int)((_factor * _index + _verschuiving) % AantalPrefixen);
            _index++;
            if (Bsn.MetControlecijfer(prefix) is { } bsn)
            {
                return bsn;
            }
        }

        throw new InvalidOperationException("Alle BSN's in de reeks zijn uitgegeven.");
    }

    // A large factor spreads consecutive clients over the whole number range instead of counting up.
    private static long KiesFactor(Random random)
    {
        while (true)
        {
            var kandidaat = random.NextInt64(10_000_000, AantalPrefixen) | 1;
            if (kandidaat % 5 != 0)
            {
                return kandidaat;
            }
        }
    }
}
