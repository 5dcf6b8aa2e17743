using KenJeKlant.Abstractions.Handhaving;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Handhaving;

namespace KenJeKlant.Tests.Handhaving;

/// <summary>The order of a handhaving review as pure rules: every step out of order and every decision without its steps is refused, saying why.</summary>
public sealed class HandhavingsregelsTests
{
    private static readonly DateTimeOffset T0 = new(2027, 2, 1, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly HandhavingBeleid Beleid = KenJeKlant.Tests.Infrastructure.KlantSilo.StandaardHandhaving();

    private static Stap Stap(int dag = 0, string door = "hh-jansen", string toelichting = "zie dossier") => new(door, T0.AddDays(dag), toelichting);

    private static HandhavingssignaalState Open() => new()
    {
        Signaal = new SignaalBasis("K1", "ik-doe-mee", Guid.NewGuid(), "2 keer niet verschenen", T0.AddDays(-1)),
    };

    private static HandhavingssignaalState InBehandeling()
    {
        var s = Open();
        s.InBehandeling = Stap();
        s.Status = SignaalStatus.InBehandeling;
        return s;
    }

    private static HandhavingssignaalState Bezorgd(bool bezorgd = true)
    {
        var s = InBehandeling();
        s.Bezorging = new Bezorgingscontrole(bezorgd, Stap());
        return s;
    }

    private static HandhavingssignaalState Benaderd()
    {
        var s = Bezorgd();
        s.Contactpogingen.Add(new Contactpoging(Contactkanaal.Telefoon, true, Stap(1)));
        return s;
    }

    private static HandhavingssignaalState Gehoord()
    {
        var s = Benaderd();
        s.Zienswijze = new Zienswijze(ZienswijzeSoort.Mondeling, "Was de brief kwijt.", Stap(2));
        return s;
    }

    private static HandhavingssignaalState Beoordeeld(Verwijtbaarheid verwijtbaarheid = Verwijtbaarheid.Verwijtbaar, bool dringend = false)
    {
        var s = Gehoord();
        s.Beoordeling = new Beoordeling(verwijtbaarheid, dringend, Stap(3));
        return s;
    }

    private static Besluit Besluit(BesluitSoort soort, int? percentage = null, int? duur = null) => new(soort, percentage, duur, Stap(4));

    private static string Geweigerd(Action actie) => Assert.Throws<OvergangGeweigerdException>(actie).Message;

    [Fact]
    public void Een_volledige_rechtmatige_beoordeling_mag_eindigen_in_een_voorstel_maatregel()
    {
        var s = Open();
        Handhavingsregels.ControleerInBehandeling(s, Stap());
        s = InBehandeling();
        Handhavingsregels.ControleerBezorging(s, new Bezorgingscontrole(true, Stap()));
        s = Bezorgd();
        Handhavingsregels.ControleerContactpoging(s, new Contactpoging(Contactkanaal.Brief, false, Stap(1)));
        s = Benaderd();
        Handhavingsregels.ControleerContactpoging(s, new Contactpoging(Contactkanaal.Huisbezoek, true, Stap(1))); // several attempts are fine
        Handhavingsregels.ControleerZienswijze(s, new Zienswijze(ZienswijzeSoort.Schriftelijk, "Vergeten.", Stap(2)), Beleid);
        s = Gehoord();
        Handhavingsregels.ControleerBeoordeling(s, new Beoordeling(Verwijtbaarheid.Verwijtbaar, false, Stap(3)));
        s = Beoordeeld();
        Handhavingsregels.ControleerBesluit(s, Besluit(BesluitSoort.VoorstelMaatregel, 20, 1), Beleid);
        Assert.Equal(["Neem een besluit."], Handhavingsregels.NogTeDoen(s, Beleid));
    }

    [Theory]
    [InlineData(BesluitSoort.GeenMaatregel)]
    [InlineData(BesluitSoort.Waarschuwing)]
    [InlineData(BesluitSoort.Rechtmatigheidsonderzoek)]
    public void Na_de_volledige_beoordeling_kan_elk_besluit_zonder_maatregel(BesluitSoort soort) =>
        Handhavingsregels.ControleerBesluit(Beoordeeld(), Besluit(soort), Beleid);

    [Fact]
    public void Geen_stap_voordat_het_signaal_in_behandeling_is()
    {
        var s = Open();
        const string Reden = "Neem het signaal eerst in behandeling.";
        Assert.Equal(Reden, Geweigerd(() => Handhavingsregels.ControleerBezorging(s, new Bezorgingscontrole(true, Stap()))));
        Assert.Equal(Reden, Geweigerd(() => Handhavingsregels.ControleerContactpoging(s, new Contactpoging(Contactkanaal.Telefoon, true, Stap()))));
        Assert.Equal(Reden, Geweigerd(() => Handhavingsregels.ControleerZienswijze(s, new Zienswijze(ZienswijzeSoort.Mondeling, "x", Stap()), Beleid)));
        Assert.Equal(Reden, Geweigerd(() => Handhavingsregels.ControleerBeoordeling(s, new Beoordeling(Verwijtbaarheid.Verwijtbaar, false, Stap()))));
        Assert.Equal(Reden, Geweigerd(() => Handhavingsregels.ControleerBesluit(s, Besluit(BesluitSoort.GeenMaatregel), Beleid)));
    }

    [Fact]
    public void Twee_keer_in_behandeling_nemen_wordt_geweigerd_en_zegt_bij_wie()
    {
        Assert.Contains("al in behandeling bij hh-jansen", Geweigerd(() => Handhavingsregels.ControleerInBehandeling(InBehandeling(), Stap(door: "hh-pietersen"))),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Contact_zienswijze_en_beoordeling_wachten_op_de_controle_van_de_bezorging()
    {
        var s = InBehandeling();
        Assert.Contains("Controleer eerst of de uitnodiging is bezorgd",
            Geweigerd(() => Handhavingsregels.ControleerContactpoging(s, new Contactpoging(Contactkanaal.Telefoon, true, Stap()))), StringComparison.Ordinal);
        Assert.Contains("Controleer eerst of de uitnodiging is bezorgd",
            Geweigerd(() => Handhavingsregels.ControleerZienswijze(s, new Zienswijze(ZienswijzeSoort.Mondeling, "x", Stap()), Beleid)), StringComparison.Ordinal);
        Assert.Contains("Controleer eerst of de uitnodiging is bezorgd",
            Geweigerd(() => Handhavingsregels.ControleerBeoordeling(s, new Beoordeling(Verwijtbaarheid.Verwijtbaar, false, Stap()))), StringComparison.Ordinal);
        Assert.Contains("gecontroleerd of de uitnodiging is bezorgd",
            Geweigerd(() => Handhavingsregels.ControleerBesluit(s, Besluit(BesluitSoort.GeenMaatregel), Beleid)), StringComparison.Ordinal);
    }

    [Fact]
    public void Zonder_contactpoging_geen_zienswijze_en_zonder_zienswijze_geen_beoordeling()
    {
        Assert.Contains("Leg eerst een contactpoging vast",
            Geweigerd(() => Handhavingsregels.ControleerZienswijze(Bezorgd(), new Zienswijze(ZienswijzeSoort.Mondeling, "x", Stap()), Beleid)), StringComparison.Ordinal);
        Assert.Contains("Hoor de klant eerst",
            Geweigerd(() => Handhavingsregels.ControleerBeoordeling(Benaderd(), new Beoordeling(Verwijtbaarheid.Verwijtbaar, false, Stap()))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BesluitSoort.GeenMaatregel)]
    [InlineData(BesluitSoort.Waarschuwing)]
    [InlineData(BesluitSoort.VoorstelMaatregel)]
    public void Een_besluit_wacht_op_contact_zienswijze_en_beoordeling(BesluitSoort soort)
    {
        int? pct = soort == BesluitSoort.VoorstelMaatregel ? 20 : null;
        int? duur = soort == BesluitSoort.VoorstelMaatregel ? 1 : null;
        Assert.Contains("nog geen contact", Geweigerd(() => Handhavingsregels.ControleerBesluit(Bezorgd(), Besluit(soort, pct, duur), Beleid)), StringComparison.Ordinal);
        Assert.Contains("nog niet gehoord", Geweigerd(() => Handhavingsregels.ControleerBesluit(Benaderd(), Besluit(soort, pct, duur), Beleid)), StringComparison.Ordinal);
        Assert.Contains("Beoordeel eerst", Geweigerd(() => Handhavingsregels.ControleerBesluit(Gehoord(), Besluit(soort, pct, duur), Beleid)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Verwijtbaarheid.NietVerwijtbaar, false, "niet verwijtbaar")]
    [InlineData(Verwijtbaarheid.Verwijtbaar, true, "dringende redenen")]
    [InlineData(Verwijtbaarheid.VerminderdVerwijtbaar, true, "dringende redenen")]
    public void Geen_maatregel_als_het_niet_verwijtbaar_is_of_er_dringende_redenen_zijn(Verwijtbaarheid verwijtbaarheid, bool dringend, string reden)
    {
        var s = Beoordeeld(verwijtbaarheid, dringend);
        Assert.Contains(reden, Geweigerd(() => Handhavingsregels.ControleerBesluit(s, Besluit(BesluitSoort.VoorstelMaatregel, 20, 1), Beleid)), StringComparison.Ordinal);
        Handhavingsregels.ControleerBesluit(s, Besluit(BesluitSoort.GeenMaatregel), Beleid);
    }

    [Fact]
    public void Niet_verwijtbaar_geeft_ook_geen_waarschuwing_verminderd_verwijtbaar_wel_een_maatregel()
    {
        Assert.Contains("geen waarschuwing",
            Geweigerd(() => Handhavingsregels.ControleerBesluit(Beoordeeld(Verwijtbaarheid.NietVerwijtbaar), Besluit(BesluitSoort.Waarschuwing), Beleid)),
            StringComparison.Ordinal);
        Handhavingsregels.ControleerBesluit(Beoordeeld(Verwijtbaarheid.VerminderdVerwijtbaar), Besluit(BesluitSoort.VoorstelMaatregel, 10, 1), Beleid);
    }

    [Fact]
    public void Een_niet_bezorgde_uitnodiging_laat_alleen_geen_maatregel_toe_of_een_rechtmatigheidsonderzoek()
    {
        var s = Bezorgd(bezorgd: false);
        Assert.Contains("niet bezorgd", Geweigerd(() => Handhavingsregels.ControleerBesluit(s, Besluit(BesluitSoort.Waarschuwing), Beleid)), StringComparison.Ordinal);
        Assert.Contains("niet bezorgd", Geweigerd(() => Handhavingsregels.ControleerBesluit(s, Besluit(BesluitSoort.VoorstelMaatregel, 20, 1), Beleid)),
            StringComparison.Ordinal);
        Assert.Contains("niets te beoordelen",
            Geweigerd(() => Handhavingsregels.ControleerBeoordeling(s, new Beoordeling(Verwijtbaarheid.Verwijtbaar, false, Stap()))), StringComparison.Ordinal);
        // Nothing counts against the client, so dropping the signal needs no hearing.
        Handhavingsregels.ControleerBesluit(s, Besluit(BesluitSoort.GeenMaatregel), Beleid);
        Handhavingsregels.ControleerBesluit(s, Besluit(BesluitSoort.Rechtmatigheidsonderzoek), Beleid);
    }

    [Theory]
    [InlineData(25, 1, "25%")]
    [InlineData(0, 1, "0%")]
    [InlineData(120, 1, "120%")]
    [InlineData(20, 4, "4 maanden")]
    [InlineData(20, 0, "0 maanden")]
    public void Een_percentage_of_duur_buiten_de_afstemmingsverordening_wordt_geweigerd(int percentage, int duur, string genoemd)
    {
        var reden = Geweigerd(() => Handhavingsregels.ControleerBesluit(Beoordeeld(), Besluit(BesluitSoort.VoorstelMaatregel, percentage, duur), Beleid));
        Assert.Contains(genoemd, reden, StringComparison.Ordinal);
        Assert.Contains("afstemmingsverordening", reden, StringComparison.Ordinal);
    }

    [Fact]
    public void De_geconfigureerde_verordening_vervangt_de_standaard()
    {
        var eigen = new HandhavingBeleid { MaatregelPercentages = [25], MaatregelDuurMaanden = [2] };
        eigen.VulStandaarden();
        Handhavingsregels.ControleerBesluit(Beoordeeld(), Besluit(BesluitSoort.VoorstelMaatregel, 25, 2), eigen);
        Assert.Contains("toegestaan: 25%", Geweigerd(() => Handhavingsregels.ControleerBesluit(Beoordeeld(), Besluit(BesluitSoort.VoorstelMaatregel, 20, 2), eigen)),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Een_besluit_is_definitief_daarna_wordt_elke_stap_geweigerd()
    {
        var s = Beoordeeld();
        s.Besluit = Besluit(BesluitSoort.Waarschuwing);
        s.Status = SignaalStatus.Besloten;
        const string Reden = "al besloten";
        Assert.Contains(Reden, Geweigerd(() => Handhavingsregels.ControleerBesluit(s, Besluit(BesluitSoort.GeenMaatregel), Beleid)), StringComparison.Ordinal);
        Assert.Contains(Reden, Geweigerd(() => Handhavingsregels.ControleerInBehandeling(s, Stap())), StringComparison.Ordinal);
        Assert.Contains(Reden, Geweigerd(() => Handhavingsregels.ControleerContactpoging(s, new Contactpoging(Contactkanaal.Telefoon, true, Stap()))),
            StringComparison.Ordinal);
        Assert.Empty(Handhavingsregels.NogTeDoen(s, Beleid));
    }

    [Fact]
    public void Elke_stap_eenmaal_behalve_contactpogingen()
    {
        Assert.Contains("al gecontroleerd", Geweigerd(() => Handhavingsregels.ControleerBezorging(Bezorgd(), new Bezorgingscontrole(false, Stap()))),
            StringComparison.Ordinal);
        Assert.Contains("al vastgelegd",
            Geweigerd(() => Handhavingsregels.ControleerZienswijze(Gehoord(), new Zienswijze(ZienswijzeSoort.Mondeling, "x", Stap(5)), Beleid)), StringComparison.Ordinal);
        Assert.Contains("al vastgelegd",
            Geweigerd(() => Handhavingsregels.ControleerBeoordeling(Beoordeeld(), new Beoordeling(Verwijtbaarheid.NietVerwijtbaar, false, Stap(5)))),
            StringComparison.Ordinal);
        Assert.Contains("horen van de klant is afgerond",
            Geweigerd(() => Handhavingsregels.ControleerContactpoging(Gehoord(), new Contactpoging(Contactkanaal.Telefoon, true, Stap(5)))), StringComparison.Ordinal);
    }

    [Fact]
    public void Geen_reactie_kan_pas_na_de_zienswijzetermijn()
    {
        var s = Benaderd(); // first contact on day 1; term 14 days
        Assert.Equal(T0.AddDays(15), Handhavingsregels.ZienswijzeTermijnTot(s, Beleid));
        var reden = Geweigerd(() => Handhavingsregels.ControleerZienswijze(s, new Zienswijze(ZienswijzeSoort.GeenReactie, null, Stap(14)), Beleid));
        Assert.Contains("tot 16-02-2027 de tijd", reden, StringComparison.Ordinal);
        Handhavingsregels.ControleerZienswijze(s, new Zienswijze(ZienswijzeSoort.GeenReactie, null, Stap(15)), Beleid);
    }

    [Fact]
    public void Elke_stap_zegt_wie_en_waarom_en_een_zienswijze_wat_de_klant_zei()
    {
        Assert.Contains("Licht toe waarom", Geweigerd(() => Handhavingsregels.ControleerInBehandeling(Open(), Stap(toelichting: " "))), StringComparison.Ordinal);
        Assert.Contains("Vermeld wie", Geweigerd(() => Handhavingsregels.ControleerBesluit(Beoordeeld(), Besluit(BesluitSoort.GeenMaatregel) with { Stap = Stap(door: "") }, Beleid)),
            StringComparison.Ordinal);
        Assert.Contains("Vat samen", Geweigerd(() => Handhavingsregels.ControleerZienswijze(Benaderd(), new Zienswijze(ZienswijzeSoort.Mondeling, null, Stap(2)), Beleid)),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Percentage_en_duur_horen_alleen_bij_een_voorstel_maatregel()
    {
        Assert.Equal(2, Handhavingsregels.BesluitVormfouten(BesluitSoort.VoorstelMaatregel, null, null).Count);
        Assert.Single(Handhavingsregels.BesluitVormfouten(BesluitSoort.Waarschuwing, 20, null));
        Assert.Empty(Handhavingsregels.BesluitVormfouten(BesluitSoort.GeenMaatregel, null, null));
        Assert.Contains("alleen bij een voorstel maatregel",
            Geweigerd(() => Handhavingsregels.ControleerBesluit(Beoordeeld(), Besluit(BesluitSoort.Waarschuwing, 20, 1), Beleid)), StringComparison.Ordinal);
    }

    [Fact]
    public void Nog_te_doen_volgt_de_volgorde_van_de_wet()
    {
        Assert.Equal("Neem het signaal in behandeling.", Handhavingsregels.NogTeDoen(Open(), Beleid).Single());
        Assert.Contains("bezorgd", Handhavingsregels.NogTeDoen(InBehandeling(), Beleid).Single(), StringComparison.Ordinal);
        Assert.Contains("contact", Handhavingsregels.NogTeDoen(Bezorgd(), Beleid).Single(), StringComparison.Ordinal);
        Assert.Contains("16-02-2027", Handhavingsregels.NogTeDoen(Benaderd(), Beleid).Single(), StringComparison.Ordinal);
        Assert.Contains("verwijtbaarheid", Handhavingsregels.NogTeDoen(Gehoord(), Beleid).Single(), StringComparison.Ordinal);
        Assert.Contains("geen maatregel", Handhavingsregels.NogTeDoen(Bezorgd(bezorgd: false), Beleid).Single(), StringComparison.Ordinal);
    }
}
