using KenJeKlant.Abstractions.Handhaving;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Abstractions.Rechtmatigheid;

namespace KenJeKlant.Grains.Rechtmatigheid;

/// <summary>
/// The order of a rechtmatigheidssignaal as pure checks: onderzoek, then horen (the client is called before any
/// conclusie: hoor en wederhoor), then a conclusie. Each refusal says in plain Dutch why.
/// </summary>
public static class Rechtmatigheidsregels
{
    public static void ControleerOnderzoek(Rechtmatigheidszaak z, Stap stap)
    {
        ArgumentNullException.ThrowIfNull(z);
        VereistStap(stap);
        if (z.Status != RechtmatigheidStatus.Gemeld)
            throw new OvergangGeweigerdException($"Het onderzoek is al gestart op {z.Onderzoek?.Tijdstip:dd-MM-yyyy} door {z.Onderzoek?.Door}.");
    }

    public static void ControleerOproep(Rechtmatigheidszaak z, DateTimeOffset moment, Stap stap)
    {
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(stap);
        VereistStap(stap);
        if (z.Status == RechtmatigheidStatus.Gemeld)
            throw new OvergangGeweigerdException("Start eerst het onderzoek; daarna volgt de oproep om de klant te horen.");
        if (z.Status != RechtmatigheidStatus.InOnderzoek)
            throw new OvergangGeweigerdException($"De klant is al opgeroepen voor {z.Horen?.Moment:dd-MM-yyyy HH:mm}.");
        if (moment <= stap.Tijdstip)
            throw new OvergangGeweigerdException("Het moment van horen ligt in het verleden; kies een moment na vandaag.", "moment");
    }

    public static void ControleerConclusie(Rechtmatigheidszaak z, Stap stap)
    {
        ArgumentNullException.ThrowIfNull(z);
        VereistStap(stap);
        switch (z.Status)
        {
            case RechtmatigheidStatus.Afgerond:
                throw new OvergangGeweigerdException($"Er is al een conclusie vastgelegd op {z.Conclusie?.Stap.Tijdstip:dd-MM-yyyy} door {z.Conclusie?.Stap.Door}.");
            case not RechtmatigheidStatus.Horen:
                throw new OvergangGeweigerdException("Roep de klant eerst op om gehoord te worden; pas daarna volgt een conclusie.");
        }
    }

    private static void VereistStap(Stap stap)
    {
        ArgumentNullException.ThrowIfNull(stap);
        if (string.IsNullOrWhiteSpace(stap.Door)) throw new OvergangGeweigerdException("Vermeld wie deze stap zet.");
        if (string.IsNullOrWhiteSpace(stap.Toelichting))
            throw new OvergangGeweigerdException("Licht toe waarom: elke stap in een rechtmatigheidszaak heeft een reden.", "toelichting");
    }
}
