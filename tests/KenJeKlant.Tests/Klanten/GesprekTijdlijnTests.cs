using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Grains.Klanten;

namespace KenJeKlant.Tests.Klanten;

public sealed class GesprekTijdlijnTests
{
    private static readonly TimeZoneInfo Nl = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private static readonly DateTimeOffset Gepland = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);

    private static GesprekStand Stand(GesprekStatus status) => new()
    {
        Id = Guid.NewGuid(),
        CampagneId = "ik-doe-mee",
        CampagneNaam = "Ik doe mee",
        Klantnummer = "K1",
        Poging = 2,
        Klantmanager = "KM1",
        Start = Start,
        Eind = Start.AddMinutes(45),
        Status = status,
        Versie = 1,
    };

    [Fact]
    public void Elke_stap_van_een_gesprek_staat_een_keer_op_de_tijdlijn_op_zijn_eigen_moment()
    {
        var uitgenodigd = Gepland.AddDays(1);
        var herinnerd = Start.AddDays(-2);
        var gesprek = Stand(GesprekStatus.Geannuleerd) with { UitnodigingVerzondenOp = uitgenodigd, HerinneringVerzondenOp = herinnerd };
        var afgezegd = Start.AddDays(-1);

        var regels = GesprekTijdlijn.Van([new KlantGesprek(gesprek, Gepland, afgezegd, null)], Nl).ToList();

        Assert.Equal(
            [(Gepland, "gesprek gepland"), (uitgenodigd, "uitgenodigd"), (herinnerd, "herinnerd"), (afgezegd, "gesprek geannuleerd")],
            regels.Select(r => (r.Tijdstip, r.Gebeurtenis)));
        // Dutch time in the text: 09:30 UTC is 10:30 in Haarlem in December.
        Assert.Equal("Participatiegesprek gepland op 07-12-2026 om 10:30 bij KM1 (Ik doe mee, uitnodiging 2).", regels[0].Omschrijving);
        Assert.Contains("de klant krijgt een afzegging", regels[3].Omschrijving, StringComparison.Ordinal);
        Assert.All(regels, r => Assert.Equal(GesprekTijdlijn.Door, r.Door));
    }

    [Fact]
    public void Een_signaal_staat_op_het_moment_van_de_uitkomst_en_zegt_dat_er_geen_maatregel_is()
    {
        var uitkomstOp = Start.AddHours(2);
        var gesprek = Stand(GesprekStatus.NietVerschenen) with { UitnodigingVerzondenOp = Gepland.AddDays(1), Gevolg = GesprekGevolg.Handhavingssignaal };

        var regels = GesprekTijdlijn.Van([new KlantGesprek(gesprek, Gepland, uitkomstOp, uitkomstOp)], Nl).ToList();

        var signaal = Assert.Single(regels, r => r.Gebeurtenis == "handhavingssignaal");
        Assert.Equal(uitkomstOp, signaal.Tijdstip);
        Assert.Contains("er is geen maatregel genomen", signaal.Omschrijving, StringComparison.Ordinal);
        Assert.DoesNotContain(regels, r => r.Gebeurtenis is "herinnerd" or "gesprek geannuleerd");
    }
}
