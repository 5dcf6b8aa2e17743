namespace KenJeKlant.Grains;

/// <summary>
/// The one clock the domain runs on: lead times, herinneringen, slots passing, herbeoordelingen and the
/// "today" of every registration, in grains and endpoints alike. It is its own type, registered once, so
/// the compiler rules out taking "today" from the wrong clock; tests and the demo replace that one
/// registration (a fake or accelerated clock). Orleans' membership and messaging keep the system clock:
/// moving domain time must not make the cluster think its silos died.
/// </summary>
public sealed class Domeinklok(TimeProvider tijd) : TimeProvider
{
    public static Domeinklok Systeem { get; } = new(System);

    /// <summary>What drives this clock (the system clock, a fake one in tests, the demo's accelerated one).</summary>
    public TimeProvider Tijd => tijd;

    /// <summary>Now, in the gemeente's local time: dates in histories and refusals read as the gemeente's dates.</summary>
    public DateTimeOffset Nu => tijd.GetLocalNow();

    public DateOnly Vandaag => DateOnly.FromDateTime(tijd.GetLocalNow().DateTime);

    public override DateTimeOffset GetUtcNow() => tijd.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => tijd.LocalTimeZone;

    public override long TimestampFrequency => tijd.TimestampFrequency;

    public override long GetTimestamp() => tijd.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        tijd.CreateTimer(callback, state, dueTime, period);
}
