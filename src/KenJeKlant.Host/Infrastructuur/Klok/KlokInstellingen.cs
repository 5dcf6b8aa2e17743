namespace KenJeKlant.Host.Infrastructuur.Klok;

/// <summary>
/// Test and demo only: moves the domain's "now" (and the reminder service's, which must agree with
/// it) by a fixed offset, so a process test or a demo can let weeks pass across a restart.
/// Orleans' membership and messaging keep the real clock: a moved system clock makes silos think
/// each other dead.
/// </summary>
public sealed class KlokInstellingen
{
    public const string Sectie = "Klok";

    /// <summary>Offset added to the domain and reminder clocks (e.g. <c>8.00:00:00</c>); zero in production.</summary>
    public TimeSpan Verschuiving { get; set; }

    /// <summary>
    /// Demo only: real seconds per domain day (the accelerated clock of the demo simulation); 0 = real time.
    /// Reminders stay on real time then: the demo campaign does not depend on them.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, 86_400)]
    public double DagInSeconden { get; set; }
}
