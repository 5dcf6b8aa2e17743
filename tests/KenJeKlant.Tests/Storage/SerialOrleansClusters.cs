namespace KenJeKlant.Tests.Storage;

/// <summary>
/// Tests that start Orleans silos run one after another: on two cores, parallel silos slow each other
/// down enough to hit Orleans' own timeouts.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SerialOrleansClusters
{
    public const string Name = "Orleans clusters on PostgreSQL";
}
