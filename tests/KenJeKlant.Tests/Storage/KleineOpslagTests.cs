using KenJeKlant.Host.Bestand;
using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Host.Klantmanagers;
using KenJeKlant.Tests.Infrastructure;
using Npgsql;

namespace KenJeKlant.Tests.Storage;

/// <summary>The small stores against their tables: medewerkers, accounts and the import slot.</summary>
public sealed class KleineOpslagTests : IAsyncLifetime
{
    private string _database = "";
    private NpgsqlDataSource? _db;

    private NpgsqlDataSource Db => _db ?? throw new InvalidOperationException("Niet gestart.");

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync("kleineopslag");
        _db = NpgsqlDataSource.Create(_database);
    }

    public async Task DisposeAsync()
    {
        if (_db is not null) await _db.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(_database);
    }

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
    public async Task Het_importslot_is_er_voor_een_tegelijk()
    {
        var slot = new PostgresImportSlot(Db);
        var eerste = await slot.ProbeerAsync(default);
        Assert.NotNull(eerste);
        Assert.Null(await new PostgresImportSlot(Db).ProbeerAsync(default));
        await eerste.DisposeAsync();
        var weer = await slot.ProbeerAsync(default);
        Assert.NotNull(weer);
        await weer.DisposeAsync();
    }
}
