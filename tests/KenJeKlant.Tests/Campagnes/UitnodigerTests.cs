using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Grains.Campagnes;

namespace KenJeKlant.Tests.Campagnes;

/// <summary>The fan-out without a silo: plan everyone, write in batches, carry on after a failed write or a restart, stop when cancelled.</summary>
public sealed class UitnodigerTests
{
    private readonly OpslagInGeheugen _opslag = new();
    private readonly OpgenomenWerklijsten _opgenomen = new();
    private readonly WerklijstBerichtgeving _werklijsten;

    public UitnodigerTests()
    {
        _werklijsten = _opgenomen.Berichtgeving(ZonderSilo.Beleid(), ZonderSilo.Klok());
        for (var i = 1; i <= 25; i++) _opslag.Bestand.Add(ZonderSilo.Klant(i, i % 2 == 0 ? "KM2" : "KM1"));
    }

    private Uitnodiger Nieuw(CampagneGesprekken gesprekken) => new(ZonderSilo.Campagne, _opslag, gesprekken, _werklijsten, ZonderSilo.Meters());

    private static Task<int> BereidVoorAsync(Uitnodiger uitnodiger, CampagneDefinitie? definitie = null) =>
        uitnodiger.BereidVoorAsync(definitie ?? ZonderSilo.Definitie(), DateOnly.FromDateTime(ZonderSilo.Begin.UtcDateTime), TimeZoneInfo.Utc);

    [Fact]
    public async Task Iedereen_wordt_gepland_en_in_batches_geschreven_met_een_uitnodiging_per_gesprek()
    {
        var gesprekken = new CampagneGesprekken();
        var uitnodiger = Nieuw(gesprekken);

        Assert.Equal(25, await BereidVoorAsync(uitnodiger));
        Assert.True(uitnodiger.IsBezig);
        Assert.Empty(_opslag.Gesprekken); // planning writes nothing
        var batches = new List<int>();
        while (uitnodiger.HeeftTeSchrijven) batches.Add((await uitnodiger.SchrijfBatchAsync(10)).Count);

        Assert.Equal([10, 10, 5], batches);
        Assert.Equal(3, _opslag.Geschreven.Count); // one transaction per batch
        Assert.True(uitnodiger.IsGeschreven);
        Assert.Equal(25, _opslag.Gesprekken.Count);
        Assert.All(_opslag.Gesprekken.Values, g => Assert.Equal((1, GesprekStatus.Gepland, GesprekIds.Gesprek(ZonderSilo.Campagne, g.Klantnummer, 1)), (g.Poging, g.Status, g.Id)));
        Assert.All(_opslag.Berichten.Values, b => Assert.Equal((BerichtSoort.Uitnodiging, BerichtStatus.Gepland), (b.Soort, b.Status)));
        Assert.Equal(_opslag.Gesprekken.Keys.Order(), _opslag.Berichten.Values.Select(b => b.GesprekId).Order());
        Assert.All(_opslag.Gesprekken.Values.GroupBy(g => (g.Klantmanager, g.Start)), slot => Assert.Single(slot));
        // In memory as written, and the werklijsten all at once afterwards.
        Assert.Equal(25, gesprekken.AantalKlanten);
        Assert.True(_werklijsten.AllesOpnieuw);
        Assert.Empty(_opgenomen.Aanroepen);

        var klaar = uitnodiger.RondAf();
        Assert.Equal((25, 0), (klaar.Geselecteerd, klaar.NietIngepland.Count));
        Assert.False(uitnodiger.IsBezig);
    }

    [Fact]
    public async Task Een_mislukte_batch_blijft_in_de_rij_en_gaat_daarna_met_dezelfde_ids()
    {
        var gesprekken = new CampagneGesprekken();
        var uitnodiger = Nieuw(gesprekken);
        await BereidVoorAsync(uitnodiger);
        _opslag.Mislukt = 1;

        await Assert.ThrowsAsync<InvalidOperationException>(() => uitnodiger.SchrijfBatchAsync(10));
        Assert.Equal(25, uitnodiger.TeSchrijven);
        Assert.Equal(0, gesprekken.AantalKlanten);
        Assert.False(_werklijsten.AllesOpnieuw);

        var batch = await uitnodiger.SchrijfBatchAsync(10);
        Assert.Equal(15, uitnodiger.TeSchrijven);
        Assert.Equal(batch.Select(g => g.Id).Order(), _opslag.Gesprekken.Keys.Order());
    }

    [Fact]
    public async Task Na_een_herstart_gaat_het_uitnodigen_verder_zonder_iemand_twee_keer_of_een_slot_dubbel()
    {
        var voor = Nieuw(new CampagneGesprekken());
        await BereidVoorAsync(voor);
        await voor.SchrijfBatchAsync(10);

        // A new activation: memory from the table, then the fan-out prepared again.
        var gesprekken = new CampagneGesprekken();
        gesprekken.Zet(await _opslag.GesprekkenAsync(ZonderSilo.Campagne));
        var na = Nieuw(gesprekken);
        Assert.Equal(25, await BereidVoorAsync(na));
        Assert.Equal(15, na.TeSchrijven);
        while (na.HeeftTeSchrijven) await na.SchrijfBatchAsync(10);

        Assert.Equal(25, _opslag.Gesprekken.Values.Select(g => g.Klantnummer).Distinct().Count());
        Assert.All(_opslag.Gesprekken.Values, g => Assert.Equal(1, g.Poging));
        Assert.All(_opslag.Gesprekken.Values.GroupBy(g => (g.Klantmanager, g.Start)), slot => Assert.Single(slot));
        Assert.Equal(25, na.RondAf().Geselecteerd);
    }

    [Fact]
    public async Task Wie_niet_in_de_periode_past_wordt_per_reden_geteld()
    {
        // Invitations go out 10 days ahead, so the first slot is Thursday 3 December; the period ends Friday:
        // two days of four gesprekken for each klantmanager.
        var definitie = ZonderSilo.Definitie(d => d with { PeriodeTot = new DateOnly(2026, 12, 4) });
        var uitnodiger = Nieuw(new CampagneGesprekken());

        Assert.Equal(25, await BereidVoorAsync(uitnodiger, definitie));
        Assert.Equal(16, uitnodiger.TeSchrijven);
        var klaar = uitnodiger.RondAf();
        Assert.Equal(9, klaar.NietIngepland.Values.Sum());
    }

    [Fact]
    public async Task Annuleren_stopt_waar_het_uitnodigen_is_en_telt_wie_niet_geschreven_is()
    {
        var uitnodiger = Nieuw(new CampagneGesprekken());
        Assert.Null(uitnodiger.Stop()); // nothing under way: nothing to record
        await BereidVoorAsync(uitnodiger);
        await uitnodiger.SchrijfBatchAsync(10);

        var gestopt = uitnodiger.Stop();

        Assert.NotNull(gestopt);
        Assert.Equal(25, gestopt.Geselecteerd);
        Assert.Equal(15, gestopt.NietIngepland[Uitnodiger.NietIngeplandGeannuleerd]);
        Assert.False(uitnodiger.IsBezig);
        Assert.Empty(await uitnodiger.SchrijfBatchAsync(10));
        Assert.Equal(10, _opslag.Gesprekken.Count);
    }
}
