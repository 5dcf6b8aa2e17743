using KenJeKlant.Abstractions;

namespace KenJeKlant.Bestand;

/// <summary>
/// The leefvorm as text. Systems differ in case, hyphens and underscores ("Alleenstaande-ouder",
/// "SAMENWONEND_MET_KINDEREN"), so those are folded to single spaces before comparing.
/// </summary>
internal static class HuishoudenTekst
{
    private static readonly Dictionary<string, Huishouden> Waarden = new(StringComparer.Ordinal)
    {
        ["alleenstaand"] = Huishouden.Alleenstaand,
        ["alleenstaande ouder"] = Huishouden.AlleenstaandeOuder,
        ["samenwonend"] = Huishouden.Samenwonend,
        ["samenwonend met kinderen"] = Huishouden.SamenwonendMetKinderen,
    };

    public const string Verwachting = "verwacht alleenstaand, alleenstaande ouder, samenwonend of samenwonend met kinderen";

    public static bool TryParse(string tekst, out Huishouden huishouden) =>
        Waarden.TryGetValue(Vouw(tekst), out huishouden);

    public static string Formatteer(Huishouden huishouden) =>
        Waarden.First(w => w.Value == huishouden).Key;

    private static string Vouw(string tekst)
    {
        var woorden = tekst.Replace('-', ' ').Replace('_', ' ')
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(' ', woorden).ToLowerInvariant();
    }
}
