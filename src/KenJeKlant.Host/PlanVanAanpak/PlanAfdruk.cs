using System.Globalization;
using KenJeKlant.Abstractions.PlanVanAanpak;

namespace KenJeKlant.Host.PlanVanAanpak;

/// <summary>
/// The plan as the client reads it, in plain Dutch (B1): short sentences, "u", what, who, by when. The HTML and the
/// PDF say the same words (from here). An afspraak not kept reads as something to talk about, never as a threat.
/// </summary>
public sealed record PlanAfdruk(Plan Plan, string KlantNaam, string? KlantmanagerNaam)
{
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    public const string Titel = "Uw plan van aanpak";

    public string Aanhef => $"Beste {KlantNaam},";

    public const string Inleiding =
        "Dit is het plan dat u en uw klantmanager samen hebben gemaakt. Hierin staat wat u wilt bereiken. " +
        "En wat we hebben afgesproken: wie wat doet, en wanneer.";

    public const string KopDoel = "Wat u wilt bereiken";

    public const string KopAfspraken = "Wat we hebben afgesproken";

    public const string GeenAfspraken = "Er staan nog geen afspraken in dit plan.";

    public string Afsluiting =>
        "Lukt een afspraak niet? Of heeft u een vraag? Neem dan contact op met uw klantmanager" +
        (KlantmanagerNaam is { } km ? $", {km}." : ".") +
        " Dan kijken we samen wat er nodig is.";

    public string Voetregel =>
        $"Klantnummer {Plan.Klantnummer} · Versie {Plan.Versie} van {Plan.VastgesteldOp.ToString("d MMMM yyyy", Nl)}";

    /// <summary>The lines of one afspraak: label and text.</summary>
    public static IReadOnlyList<(string Label, string Tekst)> Regels(Afspraak afspraak)
    {
        ArgumentNullException.ThrowIfNull(afspraak);
        var regels = new List<(string, string)>
        {
            ("Wat", afspraak.Omschrijving),
            ("Wie doet het", afspraak.Wie switch
            {
                AfspraakWie.Klant => "U",
                AfspraakWie.Klantmanager => "Uw klantmanager",
                _ => afspraak.Partner is { } p ? Hoofdletter(p) : "Een partner",
            }),
            ("Klaar op", afspraak.Deadline.ToString("dddd d MMMM yyyy", Nl)),
        };
        if (afspraak.Leefdomein is { } domein) regels.Add(("Onderwerp", Hoofdletter(domein)));
        regels.Add(("Hoe staat het", afspraak.Status switch
        {
            AfspraakStatus.Open => "Nog te doen",
            AfspraakStatus.Nagekomen => "Gedaan",
            AfspraakStatus.NietNagekomen => "Niet gelukt. Hier praten we samen over.",
            _ => "Gaat niet meer door",
        }));
        return regels;
    }

    private static string Hoofdletter(string tekst) => tekst.Length == 0 ? tekst : char.ToUpper(tekst[0], Nl) + tekst[1..];
}
