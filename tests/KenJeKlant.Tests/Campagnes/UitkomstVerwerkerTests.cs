using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Grains.Campagnes;
using Microsoft.Extensions.Time.Testing;

namespace KenJeKlant.Tests.Campagnes;

/// <summary>Outcomes without a silo: the klant grain first, then the gesprek closed and the no-show policy; refusals change nothing.</summary>
public sealed class UitkomstVerwerkerTests
{
    /// <summary>Friday before the start: the gesprek has been held (or missed).</summary>
    private static readonly DateTimeOffset Geweest = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _klok = ZonderSilo.Klok();
    private readonly OpslagInGeheugen _opslag = new();
    private readonly CampagneGesprekken _gesprekken = new();
    private readonly OpgenomenWerklijsten _werklijsten = new();
    private readonly List<(string Klant, GesprekStand Stand, GesprekUitkomst Uitkomst)> _bijKlant = [];
    private readonly List<Guid> _signalen = [];
    private readonly UitkomstVerwerker _verwerker;
    private Exception? _klantWeigert;
    // The outcome the klant grain took in before (the campaign failed before storing it).
    private GesprekUitkomst? _klantHadAl;

    public UitkomstVerwerkerTests()
    {
        _verwerker = new(ZonderSilo.Campagne, _opslag, _gesprekken, _werklijsten.Berichtgeving(ZonderSilo.Beleid(), _klok), ZonderSilo.Traject(), _klok,
            (klant, stand, uitkomst) =>
            {
                if (_klantWeigert is { } fout) throw fout;
                _bijKlant.Add((klant, stand, uitkomst));
                return Task.FromResult(_klantHadAl ?? uitkomst);
            },
            signalen =>
            {
                _signalen.AddRange(signalen);
                return Task.CompletedTask;
            });
        ZonderSilo.Zet(_opslag, _gesprekken,
            ZonderSilo.Gesprek("K1", Geweest) with { Status = GesprekStatus.Uitgenodigd, UitnodigingVerzondenOp = Geweest.AddDays(-10) });
    }

    private static Guid Id(string klant, int poging = 1) => GesprekIds.Gesprek(ZonderSilo.Campagne, klant, poging);

    private async Task<(UitkomstVerwerking Verwerking, bool Gewijzigd)> RegistreerAsync(GesprekUitkomst uitkomst, int poging = 1, CampagneStatus status = CampagneStatus.Actief)
    {
        var (verwerking, gewijzigd, geweigerd) = await _verwerker.RegistreerAsync("K1", Id("K1", poging), uitkomst, ZonderSilo.Definitie(), status);
        Assert.Null(geweigerd);
        return (verwerking, gewijzigd);
    }

    [Fact]
    public async Task De_klant_legt_het_eerst_vast_daarna_sluit_het_gesprek_in_de_spelling_van_de_gemeente()
    {
        var (verwerking, gewijzigd) = await RegistreerAsync(CampagneTests.Gehouden() with { Route = " RE-INTEGRATIETRAJECT " });

        Assert.True(gewijzigd);
        var (klant, stand, uitkomst) = Assert.Single(_bijKlant);
        Assert.Equal(("K1", Id("K1"), 1, "re-integratietraject"), (klant, stand.Id, stand.Versie, uitkomst.Route));
        var rij = _opslag.Gesprekken[Id("K1")];
        Assert.Equal((GesprekStatus.Gehouden, ZonderSilo.Begin, 2, "re-integratietraject"), (rij.Status, rij.UitkomstOp, rij.Versie, rij.Uitkomst?.Route));
        Assert.Equal(rij, _gesprekken.Zoek(Id("K1")));
        Assert.Equal((GesprekGevolg.Geen, "Het gesprek en de afspraken zijn vastgelegd.", 2), (verwerking.Gevolg, verwerking.Toelichting, verwerking.Gesprek.Versie));
        Assert.Empty(_werklijsten.Aanroepen.Single().Meld); // off the werklijst
        Assert.Empty(_signalen);
    }

    [Fact]
    public async Task Dezelfde_uitkomst_nogmaals_geeft_hetzelfde_antwoord_en_verandert_niets_een_andere_wordt_geweigerd()
    {
        var (eerst, _) = await RegistreerAsync(CampagneTests.Gehouden());
        var geschreven = _opslag.Geschreven.Count;

        var (nogmaals, gewijzigd) = await RegistreerAsync(CampagneTests.Gehouden());
        var anders = await Assert.ThrowsAsync<KenJeKlant.Abstractions.Klanten.OvergangGeweigerdException>(
            () => RegistreerAsync(CampagneTests.NietVerschenen(AfwezigheidReden.GeenReden)));

        Assert.False(gewijzigd);
        Assert.Equal((eerst.Gesprek, eerst.Gevolg, eerst.Toelichting), (nogmaals.Gesprek, nogmaals.Gevolg, nogmaals.Toelichting));
        Assert.Contains("al vastgelegd", anders.Message, StringComparison.Ordinal);
        Assert.Single(_bijKlant);
        Assert.Equal(geschreven, _opslag.Geschreven.Count);
    }

    [Fact]
    public async Task Wat_de_klant_of_de_regels_weigeren_verandert_niets()
    {
        var voor = _opslag.Gesprekken[Id("K1")];
        _klantWeigert = new KenJeKlant.Abstractions.Klanten.OvergangGeweigerdException("De klant is uitgestroomd.");
        await Assert.ThrowsAsync<KenJeKlant.Abstractions.Klanten.OvergangGeweigerdException>(() => RegistreerAsync(CampagneTests.Gehouden()));
        _klantWeigert = null;
        await Assert.ThrowsAsync<KenJeKlant.Abstractions.Klanten.OngeldigeInvoerException>(() => RegistreerAsync(CampagneTests.Gehouden() with { Indeling = null }));
        await Assert.ThrowsAsync<KenJeKlant.Abstractions.Klanten.OvergangGeweigerdException>(
            () => _verwerker.RegistreerAsync("K2", Id("K1"), CampagneTests.Gehouden(), ZonderSilo.Definitie(), CampagneStatus.Actief));
        ZonderSilo.Zet(_opslag, _gesprekken, ZonderSilo.Gesprek("K5", ZonderSilo.Begin.AddDays(14)));
        var tevroeg = await Assert.ThrowsAsync<KenJeKlant.Abstractions.Klanten.OvergangGeweigerdException>(
            () => _verwerker.RegistreerAsync("K5", Id("K5"), CampagneTests.Gehouden(), ZonderSilo.Definitie(), CampagneStatus.Actief));

        Assert.StartsWith("Het gesprek begint pas op 07-12-2026 08:00", tevroeg.Message, StringComparison.Ordinal);
        Assert.Empty(_bijKlant);
        Assert.Empty(_opslag.Geschreven);
        Assert.Equal(voor, _gesprekken.Zoek(Id("K1")));
    }

    [Fact]
    public async Task Niet_verschenen_zonder_reden_geeft_een_nieuwe_uitnodiging_en_de_tweede_keer_een_signaal_en_geen_maatregel()
    {
        var (eerste, _) = await RegistreerAsync(CampagneTests.NietVerschenen(AfwezigheidReden.GeenReden));

        Assert.Equal(GesprekGevolg.NieuweUitnodiging, eerste.Gevolg);
        var nieuw = Assert.IsType<GesprekStand>(eerste.NieuwGesprek);
        Assert.Equal((Id("K1", 2), 2, GesprekStatus.Gepland), (nieuw.Id, nieuw.Poging, nieuw.Status));
        Assert.True(nieuw.Start >= ZonderSilo.Begin.AddDays(10), "a new invitation keeps the lead time");
        Assert.Equal(BerichtStatus.Gepland, _opslag.Berichten[GesprekIds.Bericht(nieuw.Id, BerichtSoort.Uitnodiging)].Status);
        Assert.Empty(_signalen);

        _klok.SetUtcNow(nieuw.Eind.AddHours(1));
        var (tweede, _) = await RegistreerAsync(CampagneTests.NietVerschenen(AfwezigheidReden.GeenReden), poging: 2);

        Assert.Equal(GesprekGevolg.Handhavingssignaal, tweede.Gevolg);
        Assert.Null(tweede.NieuwGesprek);
        Assert.Contains("geen maatregel", tweede.Toelichting, StringComparison.Ordinal);
        var signaal = Assert.Single(_opslag.Signalen.Values);
        Assert.Equal((GesprekIds.Signaal(Id("K1", 2)), "K1"), (signaal.Id, signaal.Klantnummer));
        Assert.StartsWith("2 keer niet verschenen zonder reden", signaal.Reden, StringComparison.Ordinal);
        Assert.Equal([signaal.Id], _signalen); // told after the commit
        Assert.Equal(2, _gesprekken.VanKlant("K1").Count);
    }

    [Fact]
    public async Task Afgemeld_telt_niet_voor_een_signaal_en_na_de_campagne_volgt_er_niets()
    {
        var (afgemeld, _) = await RegistreerAsync(CampagneTests.NietVerschenen(AfwezigheidReden.Afgemeld));
        Assert.Equal(GesprekGevolg.NieuweUitnodiging, afgemeld.Gevolg);

        _klok.SetUtcNow(afgemeld.NieuwGesprek!.Eind.AddHours(1));
        var (nagelaten, _) = await RegistreerAsync(CampagneTests.NietVerschenen(AfwezigheidReden.GeenReden), poging: 2, status: CampagneStatus.Geannuleerd);

        Assert.Equal(GesprekGevolg.Geen, nagelaten.Gevolg);
        Assert.Empty(_opslag.Signalen);
        Assert.Equal(2, _gesprekken.VanKlant("K1").Count);
    }

    [Fact]
    public async Task Een_uitkomst_die_alleen_de_klant_had_wordt_opgeslagen_en_een_andere_geweigerd()
    {
        _klantHadAl = CampagneTests.Gehouden() with { Door = "km-eerder" };

        var (verwerking, gewijzigd, geweigerd) = await _verwerker.RegistreerAsync(
            "K1", Id("K1"), CampagneTests.NietVerschenen(AfwezigheidReden.GeenReden), ZonderSilo.Definitie(), CampagneStatus.Actief);

        Assert.True(gewijzigd);
        Assert.Contains($"al vastgelegd op {TimeZoneInfo.ConvertTime(_klok.GetUtcNow(), _klok.LocalTimeZone):dd-MM-yyyy} door km-eerder", geweigerd, StringComparison.Ordinal);
        Assert.Equal((GesprekStatus.Gehouden, _klantHadAl), (verwerking.Gesprek.Status, verwerking.Gesprek.Uitkomst));
        Assert.Equal((GesprekStatus.Gehouden, "km-eerder"), (_opslag.Gesprekken[Id("K1")].Status, _opslag.Gesprekken[Id("K1")].Uitkomst!.Door));
        Assert.Empty(_opslag.Signalen);

        // The same outcome as the klant grain's again: nothing more to do.
        var (_, nogmaals, _) = await _verwerker.RegistreerAsync("K1", Id("K1"), _klantHadAl, ZonderSilo.Definitie(), CampagneStatus.Actief);
        Assert.False(nogmaals);
        Assert.Single(_opslag.Geschreven);
    }
}
