namespace KenJeKlant.Abstractions.Klanten;

/// <summary>
/// Input that breaks a rule of the domain, per field (camelCase JSON path → messages): the rule is checked
/// once, where it lives (a grain or its rule class), and the API answers 400 with these <c>errors</c>,
/// exactly as for a malformed body. A refused change of state is <see cref="OvergangGeweigerdException"/> (409).
/// </summary>
[GenerateSerializer, Alias("kjk.OngeldigeInvoerException")]
public sealed class OngeldigeInvoerException : Exception
{
    public OngeldigeInvoerException(string titel, IReadOnlyDictionary<string, string[]> fouten) : base(titel) => Fouten = fouten;

    [Id(0)]
    public IReadOnlyDictionary<string, string[]> Fouten { get; private set; }
}
