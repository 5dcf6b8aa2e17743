namespace KenJeKlant.Abstractions.Peildata;

/// <summary>
/// Takes the nightly peildatum (key 0; one for the cluster): at its reminder it records yesterday's state of the
/// bestand when no silo did yet. The work is one transaction in PostgreSQL, so a doubled tick records nothing twice.
/// </summary>
[Alias("kjk.IPeildataGrain")]
public interface IPeildataGrain : IGrainWithIntegerKey
{
    /// <summary>Makes sure the reminder exists (every silo asks at start; asking again changes nothing).</summary>
    [Alias("Start")]
    Task StartAsync();

    /// <summary>Records the peildatum now when it is due; answers the run, or null when it was already taken.</summary>
    [Alias("Bij")]
    Task<PeildatumRun?> BijAsync();
}
