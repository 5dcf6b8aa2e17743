namespace KenJeKlant.Abstractions.Klanten;

/// <summary>
/// A state change the domain does not allow (e.g. a route for a client without indeling). The message
/// says why in plain Dutch; the API turns it into a problem+json response.
/// </summary>
[GenerateSerializer, Alias("kjk.OvergangGeweigerdException")]
public sealed class OvergangGeweigerdException : Exception
{
    public OvergangGeweigerdException(string reden) : base(reden) { }
}
