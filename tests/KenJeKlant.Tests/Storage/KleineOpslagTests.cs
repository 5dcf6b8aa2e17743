using KenJeKlant.Abstractions.Bestand;
using KenJeKlant.Grains.Bestand;
using KenJeKlant.Host.Bestand;
using KenJeKlant.Tests.Klanten;
using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Host.Klantmanagers;
using KenJeKlant.Tests.Infrastructure;

namespace KenJeKlant.Tests.Storage;

/// <summary>The small stores against their tables: medewerkers, accounts and the import jobs.</summary>
public sealed class KleineOpslagTests() : DatabaseTest("kleineopslag")
{
    [Fact]
    public async Task Een_vervanging_wordt_gezet_en_weer_gewist()
    {
        var medewerkers = new PostgresMedewerkers(Db);
        await medewerkers.BewaarAsync(new Klantmanager("KM1", "Een"), default);
        await medewerkers.BewaarAsync(new Klantmanager("KM2", "Twee"), default);
        await medewerkers.BewaarAsync(new Klantmanager("KM3", "Drie", Actief: false), default);
        var tot = new DateOnly(2026, 4, 1);

        Assert.True(await medewerkers.ZetVervangingAsync("KM1", "KM2", tot, default));
        Assert.False(await medewerkers.ZetVervangingAsync("KM9", "KM2", tot, default));
        Assert.Equal(new Klantmanager("KM1", "Een", true, "KM2", tot), (await medewerkers.KlantmanagersAsync(default))[0]);
        Assert.Equal(["KM1"], await medewerkers.VervangenDoorAsync("KM2", tot, default));
        Assert.Empty(await medewerkers.VervangenDoorAsync("KM2", tot.AddDays(1), default));
        Assert.Equal(["KM1", "KM2"], (await medewerkers.KlantmanagerIdsAsync(default)).Order());

        Assert.True(await medewerkers.ZetVervangingAsync("KM1", null, null, default));
        Assert.Equal(new Klantmanager("KM1", "Een"), (await medewerkers.KlantmanagersAsync(default))[0]);
    }

    [Fact]
    public async Task Een_account_komt_terug_zoals_het_bewaard_is_en_wordt_na_te_veel_pogingen_geblokkeerd()
    {
        var gebruikers = new PostgresGebruikers(Db);
        Assert.True(await gebruikers.IsLeegAsync(default));
        var km = new Gebruiker("km1", "Klant Manager", ["klantmanager", "handhaving"], "KM1", "hash");
        await gebruikers.BewaarAsync(km, default);
        await gebruikers.BewaarAsync(new Gebruiker("beheer", "Beheer", ["beheerder"], null, "hash2"), default);
        Assert.False(await gebruikers.IsLeegAsync(default));

        var gelezen = await gebruikers.VindAsync("km1", default);
        Assert.NotNull(gelezen);
        Assert.Equal((km.Naam, km.Medewerker, km.WachtwoordHash, km.Actief), (gelezen.Naam, gelezen.Medewerker, gelezen.WachtwoordHash, gelezen.Actief));
        Assert.Equal(km.Rollen, gelezen.Rollen);
        Assert.Equal(["beheer", "km1"], (await gebruikers.AllemaalAsync(default)).Select(g => g.Gebruikersnaam));

        var tot = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1));
        Assert.Equal((1, (DateTimeOffset?)null), Stand(await gebruikers.TelMisluktAsync("km1", 2, tot, default)));
        Assert.Equal((2, (DateTimeOffset?)tot), Stand(await gebruikers.TelMisluktAsync("km1", 2, tot, default)));
        Assert.Null(await gebruikers.TelMisluktAsync("niemand", 2, tot, default));
        await gebruikers.HerstelPogingenAsync("km1", default);
        Assert.Equal((0, (DateTimeOffset?)null), Stand(await gebruikers.VindAsync("km1", default)));

        static (int, DateTimeOffset?) Stand(Gebruiker? g) => (g!.MisluktePogingen, g.GeblokkeerdTot);
    }

    [Fact]
    public async Task Er_loopt_een_import_tegelijk_en_een_geweigerde_upload_laat_niets_achter()
    {
        var opslag = new PostgresBestandImport(Db, new PostgresMedewerkers(Db));
        var eerste = Job();
        var inhoud = new byte[PostgresBestandImport.BlokGrootte + 10];
        Random.Shared.NextBytes(inhoud);

        Assert.Equal(Ontvangst.Ontvangen, await opslag.OntvangAsync(eerste, new MemoryStream(inhoud), inhoud.Length, default));
        Assert.Equal(eerste.Id, await opslag.LopendeAsync(default));
        Assert.Equal(Ontvangst.Bezet, await opslag.OntvangAsync(Job(), new MemoryStream([1, 2, 3]), 100, default));
        Assert.Equal(Ontvangst.TeGroot, await opslag.OntvangAsync(Job(), new MemoryStream(inhoud), inhoud.Length - 1, default));
        Assert.Equal(Ontvangst.Leeg, await opslag.OntvangAsync(Job(), new MemoryStream(), 100, default));
        Assert.Equal(2, await TelAsync("SELECT count(*) FROM bestand_import_blok")); // only the first upload's blocks
        await using (var bestand = await opslag.OpenBestandAsync(eerste.Id))
        {
            var terug = new MemoryStream();
            await bestand.CopyToAsync(terug);
            Assert.Equal(inhoud, terug.ToArray());
        }

        var gelezen = await opslag.LeesAsync(eerste.Id);
        Assert.Equal((ImportStatus.Bezig, ImportFase.Controleren, (long)inhoud.Length, "tester"), (gelezen!.Status, gelezen.Fase, gelezen.Bytes, gelezen.Door));
        eerste.Beeindig(ImportStatus.Afgebroken, "Afgebroken", null, DateTimeOffset.UtcNow);
        await opslag.RondAfAsync(eerste);
        Assert.Null(await opslag.LopendeAsync(default));
        Assert.Equal(0, await TelAsync("SELECT count(*) FROM bestand_import_blok"));
        Assert.Equal(Ontvangst.Ontvangen, await opslag.OntvangAsync(Job(), new MemoryStream([1, 2, 3]), 100, default));
    }

    [Fact]
    public async Task Het_effect_van_een_toegepaste_regel_telt_een_keer()
    {
        var opslag = new PostgresBestandImport(Db, new PostgresMedewerkers(Db));
        var job = Job();
        await opslag.OntvangAsync(job, new MemoryStream([1]), 10, default);
        var profiel = Profielen.Nieuw("KM1");
        job.Regels = job.Geldig = 2;
        await opslag.SchrijfGelezenAsync(job, new GelezenDeel(
            [new GelezenRij(2, "K1", profiel with { Klantnummer = "K1" }), new GelezenRij(3, "K2", null), new GelezenRij(4, "K3", profiel with { Klantnummer = "K3" })],
            0, [new ImportMelding(3, "bsn", "BSN voldoet niet aan de elfproef")], 0, [], Klaar: true));

        Assert.Equal([2, 4], (await opslag.TeVerwerkenAsync(job.Id, 0, 10)).Select(r => r.Regel));
        Assert.Equal("K3", (await opslag.TeVerwerkenAsync(job.Id, 2, 10)).Single().Profiel.Klantnummer);
        await opslag.SchrijfToegepastAsync(job, [(2, ImportEffect.Nieuw)]);
        await opslag.SchrijfToegepastAsync(job, [(2, ImportEffect.Ongewijzigd), (4, ImportEffect.TerugInBestand)]);

        Assert.Equal((2, 1, 0, 1), (job.Toegepast, job.Nieuw, job.Ongewijzigd, job.TerugInBestand));
        Assert.Empty(await opslag.TeVerwerkenAsync(job.Id, 0, 10));
        var opnieuw = await opslag.LeesAsync(job.Id);
        Assert.Equal((2, 1, 1), (opnieuw!.Toegepast, opnieuw.Nieuw, opnieuw.TerugInBestand));
        Assert.Equal([new ImportMelding(3, "bsn", "BSN voldoet niet aan de elfproef")], await opslag.MeldingenAsync(job.Id, MeldingSoort.Fout, 10));
    }

    private static ImportJob Job() => ImportJob.Maak(Guid.CreateVersion7(), "tester", null, gedeeltelijk: false, controle: false, new DateOnly(2026, 3, 2), DateTimeOffset.UtcNow);

    private async Task<long> TelAsync(string sql)
    {
        await using var cmd = Db.CreateCommand(sql);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
