using KenJeKlant.Abstractions.PlanVanAanpak;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.PlanVanAanpak;

namespace KenJeKlant.Tests.PlanVanAanpak;

/// <summary>The plan's rules without a silo: which afspraak is which, what may change, how an afspraak is closed.</summary>
public sealed class PlanVanAanpakRegelsTests
{
    private static readonly DateOnly Vandaag = new(2026, 11, 30);
    private static readonly DateTimeOffset Nu = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly PlanVanAanpakBeleid Beleid = MaakBeleid();
    private int _volgende;

    private static PlanVanAanpakBeleid MaakBeleid()
    {
        var beleid = new PlanVanAanpakBeleid();
        beleid.VulStandaarden();
        return beleid;
    }

    private Guid NieuwId() => new($"00000000-0000-0000-0000-{++_volgende:D12}");

    private static AfspraakInvoer Invoer(string omschrijving, DateOnly deadline, Guid? id = null, AfspraakWie wie = AfspraakWie.Klant, string? partner = null, string? leefdomein = null) =>
        new(id, omschrijving, wie, partner, deadline, leefdomein);

    private PlanWijziging StelVast(Plan? huidig, params AfspraakInvoer[] afspraken) =>
        PlanVanAanpakRegels.StelVast("K1", huidig, new PlanInvoer("Werk vinden", afspraken, "km1"), Vandaag, Nu, Beleid, NieuwId);

    [Fact]
    public void Een_eerste_plan_is_versie_1_en_elke_afspraak_krijgt_een_id_en_een_rij()
    {
        var w = StelVast(null, Invoer(" Cv maken ", Vandaag.AddDays(10), leefdomein: "WERK"), Invoer("Intake", Vandaag, wie: AfspraakWie.Partner, partner: "Sociaal wijkteam"));

        Assert.Equal(1, w.Plan.Versie);
        Assert.Equal([new PlanVersie(1, "km1", Nu)], w.Plan.Versies);
        Assert.Equal(2, w.NieuweRijen.Count);
        Assert.Empty(w.Beeindigd);
        // Listed by deadline, in the policy's spelling, trimmed, open.
        Assert.Equal(["Intake", "Cv maken"], w.Plan.Afspraken.Select(a => a.Omschrijving));
        Assert.Equal(("sociaal wijkteam", "werk"), (w.Plan.Afspraken[0].Partner, w.Plan.Afspraken[1].Leefdomein));
        Assert.All(w.Plan.Afspraken, a => Assert.Equal(AfspraakStatus.Open, a.Status));
    }

    [Fact]
    public void Een_afspraak_met_haar_id_blijft_dezelfde_ongewijzigd_zonder_nieuwe_rij_gewijzigd_met_een_en_weggelaten_eindigt_ze()
    {
        var v1 = StelVast(null, Invoer("Cv maken", Vandaag.AddDays(5)), Invoer("Vacatures", Vandaag.AddDays(6)), Invoer("Budget", Vandaag.AddDays(7))).Plan;
        var (cv, vacatures, budget) = (v1.Afspraken[0].Id, v1.Afspraken[1].Id, v1.Afspraken[2].Id);

        var w = StelVast(v1, Invoer("Cv maken", Vandaag.AddDays(5), cv), Invoer("Vacatures", Vandaag.AddDays(9), vacatures), Invoer("Taalles", Vandaag.AddDays(8)));

        Assert.Equal(2, w.Plan.Versie);
        Assert.Equal([2, 1], w.Plan.Versies.Select(v => v.Versie));
        Assert.Equal([vacatures, w.NieuweRijen.Single(r => r.Omschrijving == "Taalles").Id], w.NieuweRijen.Select(r => r.Id).Order());
        Assert.Equal([vacatures, budget], w.Beeindigd.Order());
        Assert.Contains(w.Plan.Afspraken, a => a.Id == cv);
    }

    [Fact]
    public void Een_deadline_in_het_verleden_wordt_geweigerd_tenzij_ze_ongewijzigd_terugkomt()
    {
        var fout = Assert.Throws<OngeldigeInvoerException>(() => StelVast(null, Invoer("Cv", Vandaag), Invoer("Te laat", Vandaag.AddDays(-1))));
        Assert.Equal(["afspraken[1].deadline"], fout.Fouten.Keys);

        // An afspraak whose deadline passed since stays acceptable as it is, so the rest of the plan can change.
        var v1 = StelVast(null, Invoer("Cv", Vandaag)).Plan;
        var later = PlanVanAanpakRegels.StelVast("K1", v1, new PlanInvoer("Nieuw doel", [Invoer("Cv", Vandaag, v1.Afspraken[0].Id)], "km1"),
            Vandaag.AddDays(3), Nu.AddDays(3), Beleid, NieuwId);
        Assert.Equal("Nieuw doel", later.Plan.Doel);
        var verschoven = Assert.Throws<OngeldigeInvoerException>(() => PlanVanAanpakRegels.StelVast("K1", v1,
            new PlanInvoer("x", [Invoer("Cv", Vandaag.AddDays(1), v1.Afspraken[0].Id)], "km1"), Vandaag.AddDays(3), Nu.AddDays(3), Beleid, NieuwId));
        Assert.Equal(["afspraken[0].deadline"], verschoven.Fouten.Keys);
    }

    [Fact]
    public void Onbekende_partners_leefdomeinen_en_ids_worden_per_veld_geweigerd()
    {
        var v1 = StelVast(null, Invoer("Cv", Vandaag)).Plan;
        var id = v1.Afspraken[0].Id;
        var fout = Assert.Throws<OngeldigeInvoerException>(() => StelVast(v1,
            Invoer("a", Vandaag, wie: AfspraakWie.Partner, partner: "Bureau X"),
            Invoer("b", Vandaag, leefdomein: "sport"),
            Invoer("c", Vandaag, Guid.NewGuid()),
            Invoer("Cv", Vandaag, id),
            Invoer("Cv", Vandaag, id)));
        Assert.Equal(["afspraken[0].partner", "afspraken[1].leefdomein", "afspraken[2].id", "afspraken[4].id"], fout.Fouten.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Een_afgeronde_afspraak_mag_ongewijzigd_terug_of_weg_maar_niet_veranderen()
    {
        var v1 = StelVast(null, Invoer("Cv", Vandaag.AddDays(2)), Invoer("Budget", Vandaag.AddDays(3))).Plan;
        var cv = v1.Afspraken[0].Id;
        var (plan, afgerond) = PlanVanAanpakRegels.RondAf(v1, cv, new AfrondingInvoer(AfspraakStatus.Nagekomen, null, "km1"), Nu);
        Assert.Equal(AfspraakStatus.Nagekomen, afgerond.Status);
        Assert.Equal(new AfspraakAfronding(null, "km1", Nu), afgerond.Afronding);

        var geweigerd = Assert.Throws<OvergangGeweigerdException>(() => StelVast(plan, Invoer("Cv", Vandaag.AddDays(4), cv)));
        Assert.Equal("afspraken[0].deadline", geweigerd.Veld);
        var ongewijzigd = StelVast(plan, Invoer("Cv", Vandaag.AddDays(2), cv), Invoer("Budget", Vandaag.AddDays(3), v1.Afspraken[1].Id));
        Assert.Equal(AfspraakStatus.Nagekomen, ongewijzigd.Plan.Afspraken.Single(a => a.Id == cv).Status);
        Assert.Empty(ongewijzigd.NieuweRijen);
        var weg = StelVast(plan, Invoer("Budget", Vandaag.AddDays(3), v1.Afspraken[1].Id));
        Assert.Equal([cv], weg.Beeindigd);
    }

    [Fact]
    public void Afronden_kan_een_keer_en_alleen_een_afspraak_uit_het_huidige_plan()
    {
        var v1 = StelVast(null, Invoer("Cv", Vandaag.AddDays(2))).Plan;
        var id = v1.Afspraken[0].Id;
        Assert.Throws<NietGevondenException>(() => PlanVanAanpakRegels.RondAf(v1, Guid.NewGuid(), new AfrondingInvoer(AfspraakStatus.Nagekomen, null, "km1"), Nu));
        Assert.Throws<NietGevondenException>(() => PlanVanAanpakRegels.RondAf(null, id, new AfrondingInvoer(AfspraakStatus.Nagekomen, null, "km1"), Nu));
        Assert.Equal(["status"], Assert.Throws<OngeldigeInvoerException>(() =>
            PlanVanAanpakRegels.RondAf(v1, id, new AfrondingInvoer(AfspraakStatus.Open, null, "km1"), Nu)).Fouten.Keys);

        var (plan, _) = PlanVanAanpakRegels.RondAf(v1, id, new AfrondingInvoer(AfspraakStatus.NietNagekomen, " Ziek ", "km1"), Nu);
        Assert.Equal("Ziek", plan.Afspraken[0].Afronding!.Toelichting);
        Assert.Equal("status", Assert.Throws<OvergangGeweigerdException>(() =>
            PlanVanAanpakRegels.RondAf(plan, id, new AfrondingInvoer(AfspraakStatus.Vervallen, "x", "km1"), Nu)).Veld);
        // Not kept is information for the klantmanager, never a sanction by itself.
        Assert.Contains("geen handhavingssignaal", PlanVanAanpakRegels.Melding(AfspraakStatus.NietNagekomen));
    }
}
