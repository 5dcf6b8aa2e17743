namespace KenJeKlant.Host.Infrastructuur.Klok;

/// <summary>
/// A clock that runs at real speed but a fixed offset ahead (or behind). Only "now" moves: timers
/// and timestamps are durations and stay real, so a reminder due in a minute still fires a minute later.
/// </summary>
public sealed class VerschovenKlok(TimeProvider basis, TimeSpan verschuiving) : TimeProvider
{
    public TimeSpan Verschuiving { get; } = verschuiving;

    public override DateTimeOffset GetUtcNow() => basis.GetUtcNow() + Verschuiving;

    public override TimeZoneInfo LocalTimeZone => basis.LocalTimeZone;

    public override long TimestampFrequency => basis.TimestampFrequency;

    public override long GetTimestamp() => basis.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        basis.CreateTimer(callback, state, dueTime, period);
}
