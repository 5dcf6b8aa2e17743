namespace KenJeKlant.Host.Rapportages;

/// <summary>The reports there are, with the title the raad reads.</summary>
public static class Rapportsoorten
{
    public static IReadOnlyDictionary<string, string> Alle { get; } = new Dictionary<string, string>
    {
        ["bestand"] = "Het bestand op de peildatum",
        ["stromen"] = "In- en uitstroom per maand",
        ["gesprekken"] = "Gesproken klanten en gehouden gesprekken",
        ["ladder"] = "Beweging op de participatieladder",
        ["herbeoordeling"] = "Herbeoordelingen op tijd en te laat",
        ["handhaving"] = "Handhaving: signalen en besluiten",
        ["uitkomsten"] = "Uitkomsten per route",
        ["doelenboom"] = "Doelenboom: doelen en resultaten",
    };
}
