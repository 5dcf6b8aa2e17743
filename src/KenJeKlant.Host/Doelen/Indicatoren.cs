namespace KenJeKlant.Host.Doelen;

/// <summary>An indicator of the doelenboom: what is measured, in which unit, and how the report computes it.</summary>
public sealed record Indicator(string Code, string Naam, string Eenheid, string Uitleg);

/// <summary>
/// The indicators a target can be set for: the outcome indicators the seeds name (the share of the bestand spoken,
/// uitstroom naar werk, in- and uitstroom, herbeoordelingen on time). Fixed in code: each needs its computation.
/// </summary>
public static class Indicatoren
{
    public const string Procent = "procent";
    public const string Aantal = "aantal";

    public static IReadOnlyList<Indicator> Alle { get; } =
    [
        new("gesproken-12-maanden", "Bestand gesproken in de laatste 12 maanden", Procent,
            "Het deel van het bestand op de laatste peildatum van het jaar dat in de 12 maanden daarvoor een gesprek had."),
        new("uitstroom-werk", "Uitstroom naar werk", Aantal,
            "Klanten die in het jaar het bestand verlieten met een reden die werk is (Rapportages:WerkRedenen)."),
        new("uitstroom", "Uitstroom", Aantal, "Klanten die in het jaar het bestand verlieten, om welke reden ook."),
        new("instroom", "Instroom", Aantal, "Klanten die in het jaar in het bestand kwamen (nieuw of terug)."),
        new("herbeoordeling-op-tijd", "Herbeoordelingen op tijd", Procent,
            "Het deel van de in het jaar gehouden herbeoordelingen dat op tijd was (voor de datum plus de gratiedagen)."),
    ];

    public static Indicator? Zoek(string code) => Alle.FirstOrDefault(i => i.Code == code);
}
