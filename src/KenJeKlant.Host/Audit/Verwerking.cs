namespace KenJeKlant.Host.Audit;

/// <summary>
/// Endpoint metadata: this endpoint reads or changes personal data as part of a processing activity.
/// The betrokkene is the route's klantnummer when it has one, else <paramref name="Betrokkene"/> with the
/// route's id (a werklijst, a letter, a signal), else <paramref name="Betrokkene"/> itself.
/// </summary>
public sealed record Verwerking(string Activiteit, AuditActie Actie, string Betrokkene = "klant");

/// <summary>Endpoint metadata: no personal data here (aggregates, health, the OpenAPI document).</summary>
public sealed record GeenPersoonsgegevens;

public static class VerwerkingExtensions
{
    public static TBuilder Verwerkt<TBuilder>(this TBuilder builder, string activiteit, AuditActie actie, string betrokkene = "klant")
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new Verwerking(activiteit, actie, betrokkene));

    public static TBuilder ZonderPersoonsgegevens<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new GeenPersoonsgegevens());
}
