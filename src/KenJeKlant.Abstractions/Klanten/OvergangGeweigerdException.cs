namespace KenJeKlant.Abstractions.Klanten;

/// <summary>
/// A state change the domain does not allow (e.g. a route for a client without indeling). The message
/// says why in plain Dutch; the API turns it into a problem+json response. <see cref="Veld"/> names the
/// request field the refusal is about, when there is one, so a form can show it next to that field.
/// </summary>
[GenerateSerializer, Alias("kjk.OvergangGeweigerdException")]
public sealed class OvergangGeweigerdException : Exception
{
    public OvergangGeweigerdException(string reden, string? veld = null) : base(reden) => Veld = veld;

    [Id(0)]
    public string? Veld { get; private set; }
}
