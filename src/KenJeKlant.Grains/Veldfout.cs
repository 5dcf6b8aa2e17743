namespace KenJeKlant.Grains;

/// <summary>
/// One reason a request is not acceptable, with the request field it is about (camelCase JSON path,
/// e.g. <c>capaciteit.slotMinuten</c>), so the API's problem+json <c>errors</c> name the field and a
/// form can show the message next to it.
/// </summary>
public sealed record Veldfout(string Veld, string Melding);

public static class Veldfouten
{
    /// <summary>Throws the fields' errors as one <see cref="KenJeKlant.Abstractions.Klanten.OngeldigeInvoerException"/> (400), if there are any.</summary>
    public static void Weiger(this IReadOnlyCollection<Veldfout> fouten, string titel)
    {
        if (fouten.Count == 0) return;
        throw new KenJeKlant.Abstractions.Klanten.OngeldigeInvoerException(titel,
            fouten.GroupBy(f => f.Veld).ToDictionary(g => g.Key, g => g.Select(f => f.Melding).ToArray()));
    }
}
