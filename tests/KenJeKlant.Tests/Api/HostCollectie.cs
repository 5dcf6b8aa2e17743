namespace KenJeKlant.Tests.Api;

/// <summary>
/// Host tests run one at a time: each starts a silo, and on two cores parallel silos only make
/// every test slower and timing-sensitive.
/// </summary>
[CollectionDefinition(Naam, DisableParallelization = true)]
public sealed class HostCollectie
{
    public const string Naam = "host";
}
