namespace KenJeKlant.Host.Infrastructuur.Klok;

/// <summary>
/// The demo's domain clock: starts at the real now and runs <see cref="Factor"/> times as fast, so a
/// campaign of weeks plays in minutes. Only the keyed domain clock is replaced; Orleans' own clock,
/// membership and timers keep real time.
/// </summary>
public sealed class VersneldeKlok(TimeProvider echt, double factor) : TimeProvider
{
    private readonly DateTimeOffset _begin = echt.GetUtcNow();
    private readonly long _beginTik = echt.GetTimestamp();

    public double Factor { get; } = factor;

    public override DateTimeOffset GetUtcNow() => _begin + echt.GetElapsedTime(_beginTik) * Factor;

    public override TimeZoneInfo LocalTimeZone => echt.LocalTimeZone;
}
