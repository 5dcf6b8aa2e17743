using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Werklijsten;
using KenJeKlant.Grains.Campagnes;
using Microsoft.Extensions.Time.Testing;

namespace KenJeKlant.Tests.Campagnes;

/// <summary>Time and cancelling without a silo: letters at their moment, a new slot when too late, withdrawing with the right letter.</summary>
public sealed class GespreksverloopTests
{
    /// <summary>Monday 7 December, two weeks after the start: invitation on Friday 27 November, herinnering on Saturday 5 December.</summary>
    private static readonly DateTimeOffset Slot = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _klok = ZonderSilo.Klok();
    private readonly OpslagInGeheugen _opslag = new();
    private readonly CampagneGesprekken _gesprekken = new();
    private readonly OpgenomenWerklijsten _werklijsten = new();
    private readonly Gespreksverloop _verloop;

    public GespreksverloopTests()
    {
        var beleid = ZonderSilo.Beleid();
        _verloop = new(ZonderSilo.Campagne, _opslag, _gesprekken, _werklijsten.Berichtgeving(beleid, _klok), beleid, _klok, ZonderSilo.Meters());
    }

    private GesprekRij Rij(string klantnummer, int poging = 1) => _gesprekken.Zoek(GesprekIds.Gesprek(ZonderSilo.Campagne, klantnummer, poging))!;

    private BerichtRij Brief(string klantnummer, BerichtSoort soort) => _opslag.Berichten[GesprekIds.Bericht(Rij(klantnummer).Id, soort)];

    private void ZetTijd(DateTimeOffset moment) => _klok.SetUtcNow(moment);

    [Fact]
    public async Task De_uitnodiging_en_de_herinnering_gaan_op_hun_moment_en_na_het_slot_vraagt_de_werklijst_om_de_uitkomst()
    {
        ZonderSilo.Zet(_opslag, _gesprekken, ZonderSilo.Gesprek("K1", Slot));
        var definitie = ZonderSilo.Definitie();

        await _verloop.VoerTijdstappenUitAsync(definitie, CampagneStatus.Actief);
        Assert.Empty(_opslag.Geschreven);

        ZetTijd(Slot.AddDays(-10));
        await _verloop.VoerTijdstappenUitAsync(definitie, CampagneStatus.Actief);
        Assert.Equal((GesprekStatus.Uitgenodigd, Slot.AddDays(-10), 2), (Rij("K1").Status, Rij("K1").UitnodigingVerzondenOp, Rij("K1").Versie));
        Assert.Equal(Rij("K1"), _opslag.Gesprekken[Rij("K1").Id]);
        Assert.Equal(BerichtStatus.Verzonden, Brief("K1", BerichtSoort.Uitnodiging).Status);

        ZetTijd(Slot.AddDays(-2));
        await _verloop.VoerTijdstappenUitAsync(definitie, CampagneStatus.Actief);
        Assert.Equal(GesprekStatus.Herinnerd, Rij("K1").Status);
        Assert.Equal(BerichtStatus.Verzonden, Brief("K1", BerichtSoort.Herinnering).Status);

        ZetTijd(Slot.AddHours(1));
        await _verloop.VoerTijdstappenUitAsync(definitie, CampagneStatus.Actief);
        await _verloop.VoerTijdstappenUitAsync(definitie, CampagneStatus.Actief); // nothing due twice
        Assert.True(Rij("K1").ZonderUitkomstGemeld);
        Assert.Equal(3, _opslag.Geschreven.Count);
        Assert.Equal(2, _opslag.Berichten.Count);
        Assert.Equal(
            [WerklijstSoort.Gesprek, WerklijstSoort.Gesprek, WerklijstSoort.GesprekZonderUitkomst],
            _werklijsten.Aanroepen.Select(a => Assert.Single(a.Meld).Soort));
    }

    [Fact]
    public async Task Gepauzeerd_gaat_er_niets_uit_en_wat_daarna_te_laat_is_krijgt_een_nieuw_vrij_slot()
    {
        // Hervat on Saturday 5 December: less than three days before the slot, too late for the invitation.
        // The first slot ten days on is Tuesday 15 December, where 09:00 and 09:45 are taken.
        var dinsdag = new DateTimeOffset(2026, 12, 15, 9, 0, 0, TimeSpan.Zero);
        ZonderSilo.Zet(_opslag, _gesprekken, ZonderSilo.Gesprek("K1", Slot), ZonderSilo.Gesprek("K2", dinsdag));
        _opslag.Elders.Add(new GeboektSlot("KM1", dinsdag.AddMinutes(45), dinsdag.AddMinutes(90)));
        ZetTijd(new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero));

        await _verloop.VoerTijdstappenUitAsync(ZonderSilo.Definitie(), CampagneStatus.Gepauzeerd);
        Assert.Empty(_opslag.Geschreven);

        await _verloop.VoerTijdstappenUitAsync(ZonderSilo.Definitie(), CampagneStatus.Actief);

        var k1 = Rij("K1");
        Assert.Equal((GesprekStatus.Gepland, dinsdag.AddMinutes(90), dinsdag.AddMinutes(90 - 10 * 24 * 60), 2, 1),
            (k1.Status, k1.Start, k1.UitnodigingOp, k1.Versie, k1.Poging));
        Assert.Equal((BerichtStatus.Gepland, k1.UitnodigingOp), (Brief("K1", BerichtSoort.Uitnodiging).Status, Brief("K1", BerichtSoort.Uitnodiging).VerzendOp));
        Assert.Equal(1, Rij("K2").Versie); // its invitation is not due yet
        Assert.Equal(("KM1", "Participatiegesprek 10:30–11:15 (Ik doe mee, uitnodiging 1)"),
            _werklijsten.Aanroepen.Select(a => (a.Klantmanager, Assert.Single(a.Meld).Omschrijving)).Single());
    }

    [Fact]
    public async Task Wie_te_laat_is_en_nergens_meer_in_de_periode_past_wordt_ingetrokken()
    {
        ZonderSilo.Zet(_opslag, _gesprekken, ZonderSilo.Gesprek("K1", Slot));
        ZetTijd(new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero));

        await _verloop.VoerTijdstappenUitAsync(ZonderSilo.Definitie(d => d with { PeriodeTot = new DateOnly(2026, 12, 11) }), CampagneStatus.Actief);

        Assert.Equal((GesprekStatus.Geannuleerd, GesprekGevolg.GeenNieuweUitnodigingMogelijk), (Rij("K1").Status, Rij("K1").Gevolg));
        Assert.Equal(BerichtStatus.Ingetrokken, Brief("K1", BerichtSoort.Uitnodiging).Status);
        Assert.Empty(_werklijsten.Aanroepen.Single().Meld);
    }

    [Fact]
    public async Task Annuleren_trekt_in_wat_nog_komt_met_een_afzegging_voor_wie_al_uitgenodigd_was()
    {
        var uitgenodigd = ZonderSilo.Gesprek("K1", Slot) with { Status = GesprekStatus.Uitgenodigd, UitnodigingVerzondenOp = ZonderSilo.Begin.AddDays(-1) };
        var gepland = ZonderSilo.Gesprek("K2", Slot.AddHours(1));
        var gehouden = ZonderSilo.Gesprek("K3", ZonderSilo.Begin.AddDays(-3)) with { Status = GesprekStatus.Gehouden, Uitkomst = CampagneTests.Gehouden() };
        var wachtOpUitkomst = ZonderSilo.Gesprek("K4", ZonderSilo.Begin.AddDays(-1)) with { Status = GesprekStatus.Uitgenodigd, UitnodigingVerzondenOp = ZonderSilo.Begin.AddDays(-11) };
        ZonderSilo.Zet(_opslag, _gesprekken, uitgenodigd, gepland, gehouden, wachtOpUitkomst);

        await _verloop.TrekOpenGesprekkenInAsync(ZonderSilo.Definitie());

        Assert.Equal(
            [("K1", GesprekStatus.Geannuleerd), ("K2", GesprekStatus.Geannuleerd), ("K3", GesprekStatus.Gehouden), ("K4", GesprekStatus.Uitgenodigd)],
            _opslag.Gesprekken.Values.OrderBy(g => g.Klantnummer, StringComparer.Ordinal).Select(g => (g.Klantnummer, g.Status)));
        Assert.Equal((BerichtStatus.Verzonden, ZonderSilo.Begin), (Brief("K1", BerichtSoort.Annulering).Status, Brief("K1", BerichtSoort.Annulering).VerzendOp));
        Assert.Equal(BerichtStatus.Ingetrokken, Brief("K2", BerichtSoort.Uitnodiging).Status);
        Assert.Equal(2, _opslag.Berichten.Count);
        Assert.Empty(_werklijsten.Aanroepen.Single().Meld);
    }

    [Fact]
    public async Task Wie_vertrok_krijgt_zijn_open_gesprek_afgezegd_en_de_rest_blijft()
    {
        var voorbij = ZonderSilo.Gesprek("K4", ZonderSilo.Begin.AddDays(-1)) with { Status = GesprekStatus.Uitgenodigd, UitnodigingVerzondenOp = ZonderSilo.Begin.AddDays(-11) };
        ZonderSilo.Zet(_opslag, _gesprekken, ZonderSilo.Gesprek("K1", Slot), ZonderSilo.Gesprek("K2", Slot.AddHours(1)), voorbij);
        _opslag.Vertrokken.UnionWith(["K2", "K4"]);

        await _verloop.TrekInVoorVertrokkenKlantenAsync(ZonderSilo.Definitie());

        Assert.Equal([GesprekStatus.Gepland, GesprekStatus.Geannuleerd, GesprekStatus.Geannuleerd], new[] { "K1", "K2", "K4" }.Select(k => Rij(k).Status));
        // K2 never had its invitation: it is withdrawn. K4's slot has passed: no letter at all.
        Assert.Equal([(Rij("K2").Id, BerichtSoort.Uitnodiging, BerichtStatus.Ingetrokken)], _opslag.Berichten.Values.Select(b => (b.GesprekId, b.Soort, b.Status)));
    }
}
