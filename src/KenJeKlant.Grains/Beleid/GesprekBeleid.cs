using System.ComponentModel.DataAnnotations;
using KenJeKlant.Abstractions.Campagnes;

namespace KenJeKlant.Grains.Beleid;

/// <summary>
/// The gemeente's rules for gesprekken a klantmanager plans (section <c>Beleid:Gesprekken</c>): per soort when the
/// herinnering goes out and after how many no-shows without reason handhaving gets a signal (a herbeoordeling may
/// have its own), and how often one gesprek may be moved. Campaigns keep their own set-up for their gesprekken;
/// the invitation lead time and working hours are the campaign policy's (one home: <see cref="CampagneBeleid"/>).
/// </summary>
public sealed class GesprekBeleid
{
    public const string Sectie = "Beleid:Gesprekken";

    /// <summary>How often one gesprek may be moved (at anyone's request); then the klantmanager decides.</summary>
    [Range(0, 20)]
    public int MaximaalVerzetten { get; set; } = 2;

    [Required]
    public GesprekSoortBeleid Participatiegesprek { get; set; } = new();

    [Required]
    public GesprekSoortBeleid Herbeoordeling { get; set; } = new();

    [Required]
    public GesprekSoortBeleid Voortgang { get; set; } = new() { SignaalNaAantal = 3 };

    public GesprekSoortBeleid Van(GesprekSoort soort) => soort switch
    {
        GesprekSoort.Herbeoordeling => Herbeoordeling,
        GesprekSoort.Voortgang => Voortgang,
        _ => Participatiegesprek,
    };

    /// <summary>
    /// The set-up the shared lifecycle (<c>Tijdstappen</c>, <c>UitkomstVerwerker</c>) reads for a soort of own
    /// gesprekken: herinnering and no-show policy. An own gesprek is invited when it is planned and never
    /// re-invited automatically: after a no-show the klantmanager plans the next one.
    /// </summary>
    public CampagneDefinitie Definitie(GesprekSoort soort, DateOnly vandaag)
    {
        var s = Van(soort);
        return new CampagneDefinitie
        {
            Naam = Naam(soort),
            Selectie = CampagneSelectie.HeleBestand,
            PeriodeVan = vandaag,
            PeriodeTot = vandaag,
            Volgorde = CampagneVolgorde.OpKlantnummer,
            Capaciteit = new CapaciteitInstelling { GesprekkenPerDag = 1, SlotMinuten = 45, Begintijd = new(9, 0), Eindtijd = new(17, 0), Werkdagen = [] },
            UitnodigingDagenVooraf = 0,
            HerinneringDagenVooraf = s.HerinneringDagenVooraf,
            NietVerschenen = new NietVerschenenBeleid { SignaalNaAantal = s.SignaalNaAantal, MaximaalUitnodigingen = 1 },
        };
    }

    public static string Naam(GesprekSoort soort) => soort switch
    {
        GesprekSoort.Herbeoordeling => "herbeoordelingsgesprek",
        GesprekSoort.Voortgang => "voortgangsgesprek",
        _ => "participatiegesprek",
    };

    /// <summary>The soort as the start of a line: "Herbeoordelingsgesprek".</summary>
    public static string Titel(GesprekSoort soort)
    {
        var naam = Naam(soort);
        return $"{char.ToUpperInvariant(naam[0])}{naam[1..]}";
    }

    /// <summary>Who a gesprek belongs to, as people read it: its campaign's name, or for a klantmanager's own gesprek its soort.</summary>
    public static string EigenaarNaam(string eigenaar, GesprekSoort soort, string campagneNaam) =>
        Campagnes.GesprekIds.IsAgenda(eigenaar) ? Naam(soort) : campagneNaam;
}

public sealed class GesprekSoortBeleid
{
    [Range(0, 30)]
    public int HerinneringDagenVooraf { get; set; } = 2;

    /// <summary>No-shows without reason (of this soort, with this klantmanager) before handhaving gets a signal for a human to judge.</summary>
    [Range(1, 10)]
    public int SignaalNaAantal { get; set; } = 2;
}
