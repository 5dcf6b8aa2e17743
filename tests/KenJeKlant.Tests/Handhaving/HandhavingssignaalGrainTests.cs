using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Handhaving;
using KenJeKlant.Tests.Campagnes;
using KenJeKlant.Tests.Storage;
using Npgsql;

namespace KenJeKlant.Tests.Handhaving;

/// <summary>
/// The review grain on PostgreSQL with a real signal: a campaign in fake time where the client twice
/// does not come. Every step is stored with who, when (the domain clock) and why, and the signal's row follows.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class HandhavingssignaalGrainTests
{
    [Fact]
    public async Task Een_signaal_uit_de_campagne_doorloopt_de_beoordeling_in_volgorde_en_de_tabel_volgt()
    {
        await using var o = await CampagneOmgeving.StartAsync("hh-flow");
        var (klant, signaalId, gesprekId) = await TweeKeerNietVerschenenAsync(o);
        var signaal = o.Grains.GetGrain<IHandhavingssignaalGrain>(signaalId);

        var review = (await signaal.GetAsync())!;
        Assert.Equal((klant, "ik-doe-mee", gesprekId, SignaalStatus.Open), (review.Signaal.Klantnummer, review.Signaal.CampagneId, review.Signaal.GesprekId, review.Status));
        Assert.Contains("2 keer niet verschenen", review.Signaal.Reden, StringComparison.Ordinal);

        // Out of order: nothing is decided before a person has taken the signal and heard the client.
        var geweigerd = await Assert.ThrowsAsync<OvergangGeweigerdException>(() => signaal.NeemBesluitAsync(BesluitSoort.VoorstelMaatregel, 20, 1, "hh-jansen", "twee keer niet gekomen"));
        Assert.Equal("Neem het signaal eerst in behandeling.", geweigerd.Message);
        Assert.Equal(("open", 0L), (await StatusAsync(o, signaalId), await o.ScalarAsync<long>("SELECT count(*) FROM handhavingssignaal WHERE behandelaar IS NOT NULL")));

        await signaal.NeemInBehandelingAsync("hh-jansen", "signaal uit Ik doe mee");
        Assert.Equal("in-behandeling", await StatusAsync(o, signaalId));
        await Assert.ThrowsAsync<OvergangGeweigerdException>(() => signaal.RegistreerZienswijzeAsync(ZienswijzeSoort.Mondeling, "ziek", "hh-jansen", "telefoon"));
        await signaal.RegistreerBezorgingAsync(true, "hh-jansen", "adres klopt volgens BRP; geen retourpost");
        await signaal.RegistreerContactpogingAsync(Contactkanaal.Telefoon, false, "hh-jansen", "geen gehoor");
        var voornemen = await signaal.RegistreerContactpogingAsync(Contactkanaal.Brief, false, "hh-jansen", "voornemen met uitnodiging voor zienswijze");
        Assert.Equal(2, voornemen.Contactpogingen.Count);
        Assert.Equal(o.Silo.Klok.GetUtcNow().AddDays(14), voornemen.ZienswijzeTermijnTot);
        var tevroeg = await Assert.ThrowsAsync<OvergangGeweigerdException>(() => signaal.RegistreerZienswijzeAsync(ZienswijzeSoort.GeenReactie, null, "hh-jansen", "niets gehoord"));
        Assert.Contains("pas na die termijn", tevroeg.Message, StringComparison.Ordinal);

        o.Silo.Klok.Advance(TimeSpan.FromDays(15));
        await signaal.RegistreerZienswijzeAsync(ZienswijzeSoort.GeenReactie, null, "hh-jansen", "geen reactie binnen de termijn");
        await signaal.RegistreerBeoordelingAsync(Verwijtbaarheid.Verwijtbaar, false, "hh-de-boer", "geen reden gegeven, brief wel bezorgd");
        var buiten = await Assert.ThrowsAsync<OvergangGeweigerdException>(() => signaal.NeemBesluitAsync(BesluitSoort.VoorstelMaatregel, 30, 1, "hh-de-boer", "x"));
        Assert.Contains("afstemmingsverordening", buiten.Message, StringComparison.Ordinal);
        var besloten = await signaal.NeemBesluitAsync(BesluitSoort.VoorstelMaatregel, 20, 1, "hh-de-boer", "art. 18: 20% gedurende een maand");

        Assert.Equal(SignaalStatus.Besloten, besloten.Status);
        Assert.Equal(new Stap("hh-de-boer", o.Silo.Klok.GetLocalNow(), "art. 18: 20% gedurende een maand"), besloten.Besluit!.Stap);
        Assert.Empty(besloten.NogTeDoen);
        await using (var db = NpgsqlDataSource.Create(o.Database))
        await using (var cmd = db.CreateCommand("SELECT status, behandelaar, besluit, maatregel_percentage, maatregel_duur_maanden, besloten_door, besloten_op FROM handhavingssignaal WHERE id = $1"))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = signaalId });
            await using var l = await cmd.ExecuteReaderAsync();
            Assert.True(await l.ReadAsync());
            Assert.Equal(("besloten", "hh-jansen", "voorstel-maatregel", (short)20, (short)1, "hh-de-boer"),
                (l.GetString(0), l.GetString(1), l.GetString(2), l.GetInt16(3), l.GetInt16(4), l.GetString(5)));
            Assert.Equal(o.Silo.Klok.GetUtcNow(), l.GetFieldValue<DateTimeOffset>(6));
        }

        // A restart reads every step back from grain storage; the decision stays final.
        await o.Cluster.StopAllSilosAsync();
        await o.StartClusterAsync();
        var naHerstart = (await o.Grains.GetGrain<IHandhavingssignaalGrain>(signaalId).GetAsync())!;
        Assert.Equal(besloten with { Contactpogingen = naHerstart.Contactpogingen, NogTeDoen = naHerstart.NogTeDoen, Teruggaven = naHerstart.Teruggaven }, naHerstart);
        Assert.Empty(naHerstart.Teruggaven);
        Assert.Equal(besloten.Contactpogingen, naHerstart.Contactpogingen);
        Assert.Equal(ZienswijzeSoort.GeenReactie, naHerstart.Zienswijze!.Soort);
        await Assert.ThrowsAsync<OvergangGeweigerdException>(() =>
            o.Grains.GetGrain<IHandhavingssignaalGrain>(signaalId).NeemBesluitAsync(BesluitSoort.GeenMaatregel, null, null, "hh-jansen", "toch niet"));
    }

    [Fact]
    public async Task Een_teruggegeven_signaal_gaat_verder_bij_een_collega_een_niet_bezorgde_uitnodiging_sluit_zonder_maatregel()
    {
        await using var o = await CampagneOmgeving.StartAsync("hh-bezorging");
        var (_, signaalId, _) = await TweeKeerNietVerschenenAsync(o);
        var signaal = o.Grains.GetGrain<IHandhavingssignaalGrain>(signaalId);

        await signaal.NeemInBehandelingAsync("hh-jansen", "signaal");
        await signaal.RegistreerBezorgingAsync(false, "hh-jansen", "brief kwam retour: onbekend op adres");

        // Given back (leave, a conflict of interest): open again, the step taken stays, a colleague takes over.
        var nietVanJou = await Assert.ThrowsAsync<OvergangGeweigerdException>(() => signaal.GeefTerugAsync("hh-de-boer", "niet de mijne"));
        Assert.Contains("hh-jansen", nietVanJou.Message, StringComparison.Ordinal);
        var terug = await signaal.GeefTerugAsync("hh-jansen", "met verlof; graag overnemen");
        Assert.Equal((SignaalStatus.Open, (Stap?)null), (terug.Status, terug.InBehandeling));
        Assert.Equal(["hh-jansen"], terug.Teruggaven.Select(t => t.Door));
        Assert.False(terug.Bezorging!.Bezorgd);
        Assert.Equal(("open", 0L), (await StatusAsync(o, signaalId), await o.ScalarAsync<long>("SELECT count(*) FROM handhavingssignaal WHERE behandelaar IS NOT NULL")));
        await Assert.ThrowsAsync<OvergangGeweigerdException>(() => signaal.NeemBesluitAsync(BesluitSoort.GeenMaatregel, null, null, "hh-de-boer", "x"));
        await signaal.NeemInBehandelingAsync("hh-de-boer", "overgenomen van hh-jansen");

        var maatregel = await Assert.ThrowsAsync<OvergangGeweigerdException>(() => signaal.NeemBesluitAsync(BesluitSoort.Waarschuwing, null, null, "hh-de-boer", "x"));
        Assert.Contains("niet bezorgd", maatregel.Message, StringComparison.Ordinal);
        var besluit = await signaal.NeemBesluitAsync(BesluitSoort.GeenMaatregel, null, null, "hh-de-boer", "uitnodiging niet ontvangen; klantmanager zoekt het adres uit");
        Assert.Equal(BesluitSoort.GeenMaatregel, besluit.Besluit!.Soort);
        Assert.Equal("besloten", await StatusAsync(o, signaalId));

        var onbekend = o.Grains.GetGrain<IHandhavingssignaalGrain>(Guid.NewGuid());
        Assert.Null(await onbekend.GetAsync());
        var fout = await Assert.ThrowsAsync<NietGevondenException>(() => onbekend.NeemInBehandelingAsync("hh-jansen", "probeer"));
        Assert.Contains("geen handhavingssignaal", fout.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await o.ScalarAsync<long>("SELECT count(*) FROM handhavingssignaal"));
    }

    /// <summary>The path of the campaign tests: one client, two invitations, twice absent without reason.</summary>
    private static async Task<(string Klant, Guid SignaalId, Guid GesprekId)> TweeKeerNietVerschenenAsync(CampagneOmgeving o)
    {
        var klant = (await o.ImporteerAsync(1, "KM1"))[0];
        var campagne = await o.StartCampagneAsync(CampagneOmgeving.Definitie());
        var eerste = (await o.GesprekkenAsync()).Single();
        await o.SpringAsync(eerste.Eind - o.Silo.Klok.GetUtcNow(), campagne);
        var verwerking = await campagne.RegistreerUitkomstAsync(klant, eerste.Id, CampagneTests.NietVerschenen(AfwezigheidReden.GeenReden));
        await o.SpringAsync(verwerking.NieuwGesprek!.Eind - o.Silo.Klok.GetUtcNow(), campagne);
        var tweede = await campagne.RegistreerUitkomstAsync(klant, verwerking.NieuwGesprek.Id, CampagneTests.NietVerschenen(AfwezigheidReden.GeenReden));
        Assert.Equal(GesprekGevolg.Handhavingssignaal, tweede.Gevolg);
        var signaalId = await o.ScalarAsync<Guid>("SELECT id FROM handhavingssignaal WHERE klantnummer = $1", klant);
        return (klant, signaalId, tweede.Gesprek.Id);
    }

    private static Task<string> StatusAsync(CampagneOmgeving o, Guid id) =>
        o.ScalarAsync<string>("SELECT status FROM handhavingssignaal WHERE id = $1", id);
}
