using KenJeKlant.Abstractions.Herbeoordelingen;
using KenJeKlant.Abstractions.PlanVanAanpak;
using KenJeKlant.Abstractions.Werklijsten;
using KenJeKlant.Grains.PlanVanAanpak;
using KenJeKlant.Grains.Werklijsten;

namespace KenJeKlant.Tests.PlanVanAanpak;

/// <summary>The werklijst section "Afspraken te controleren": what arrives, changes and leaves.</summary>
public sealed class AfsprakenTeControlerenTests
{
    private static readonly DateOnly Vandaag = new(2026, 12, 1);

    private static WerklijstItem Item(Afspraak a, DateOnly vandaag) => AfspraakWerklijst.Item("K1", "Anna", a, vandaag);

    private static Afspraak Afspraak(DateOnly deadline, AfspraakStatus status = AfspraakStatus.Open) =>
        new() { Id = Guid.NewGuid(), Omschrijving = "Cv maken", Wie = AfspraakWie.Klant, Deadline = deadline, Status = status };

    [Fact]
    public void Alleen_een_open_afspraak_waarvan_de_deadline_kwam_is_te_controleren_en_na_de_deadline_te_laat()
    {
        Assert.False(AfspraakWerklijst.TeControleren(Afspraak(Vandaag.AddDays(1)), Vandaag));
        Assert.True(AfspraakWerklijst.TeControleren(Afspraak(Vandaag), Vandaag));
        Assert.False(AfspraakWerklijst.TeControleren(Afspraak(Vandaag, AfspraakStatus.Nagekomen), Vandaag));
        var a = Afspraak(Vandaag);
        Assert.Equal((WerklijstSoort.Afspraak, HerbeoordelingStatus.AanDeBeurt, a.Id), (Item(a, Vandaag).Soort, Item(a, Vandaag).Status, Item(a, Vandaag).AfspraakId!.Value));
        Assert.Equal(HerbeoordelingStatus.TeLaat, Item(a, Vandaag.AddDays(1)).Status);
    }

    [Fact]
    public void Het_verschil_meldt_nieuwe_en_gewijzigde_afspraken_en_haalt_verdwenen_weg()
    {
        var (blijft, verandert, gaat) = (Afspraak(Vandaag), Afspraak(Vandaag), Afspraak(Vandaag));
        var herbeoordeling = new WerklijstItem("K1", "Anna", WerklijstSoort.Herbeoordeling, Vandaag, HerbeoordelingStatus.AanDeBeurt, "");
        WerklijstItem[] nu = [Item(blijft, Vandaag), Item(verandert, Vandaag), Item(gaat, Vandaag), herbeoordeling];
        var nieuw = Afspraak(Vandaag);

        var (meld, weg) = AfsprakenTeControleren.Verschil(nu, [Item(blijft, Vandaag), Item(verandert, Vandaag.AddDays(1)), Item(nieuw, Vandaag)]);

        Assert.Equal(new[] { verandert.Id, nieuw.Id }.Order(), meld.Select(i => i.AfspraakId!.Value).Order());
        Assert.Equal([gaat.Id], weg.Select(i => i.AfspraakId!.Value)); // the herbeoordeling is not the section's
        var lijst = new AfsprakenTeControleren();
        Assert.True(lijst.MoetLezen(Vandaag));
        lijst.Gelezen(Vandaag);
        Assert.False(lijst.MoetLezen(Vandaag));
        Assert.True(lijst.MoetLezen(Vandaag.AddDays(1)));
    }
}
