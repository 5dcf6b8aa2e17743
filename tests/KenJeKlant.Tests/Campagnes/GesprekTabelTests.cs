using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Grains.Campagnes;
using KenJeKlant.Grains.Werklijsten;
using KenJeKlant.Host.Campagnes;
using KenJeKlant.Tests.Infrastructure;

namespace KenJeKlant.Tests.Campagnes;

/// <summary>
/// The campaign store against its tables: every column makes the round trip by name, and the array upserts
/// keep decision 9's idempotency (versions only move forward, a letter that went out stays out).
/// </summary>
public sealed class GesprekTabelTests() : DatabaseTest("gesprektabel")
{
    private static readonly DateTimeOffset Begin = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));

    private PostgresCampagneOpslag Opslag() => new(Db, KenJeKlant.Grains.Domeinklok.Systeem);

    private static GesprekRij Gesprek(string klantnummer, int versie = 1) => new()
    {
        Id = Guid.NewGuid(),
        CampagneId = "c1",
        Klantnummer = klantnummer,
        Naam = "Naam " + klantnummer,
        Klantmanager = "km1",
        Poging = 1,
        Start = Begin,
        Eind = Begin.AddMinutes(45),
        Status = GesprekStatus.Uitgenodigd,
        UitnodigingOp = Begin.AddDays(-14),
        Versie = versie,
    };

    [Fact]
    public async Task Elke_kolom_van_een_gesprek_komt_terug_zoals_hij_geschreven_is()
    {
        var opslag = Opslag();
        var leeg = Gesprek("K1");
        var vol = Gesprek("K2") with
        {
            Wijk = "Noord",
            Poging = 2,
            Status = GesprekStatus.NietVerschenen,
            UitnodigingVerzondenOp = Begin.AddDays(-14).AddMinutes(3),
            HerinneringVerzondenOp = Begin.AddDays(-2),
            ZonderUitkomstGemeld = true,
            Uitkomst = new GesprekUitkomst
            {
                Verschenen = false,
                Afwezigheid = AfwezigheidReden.GeenReden,
                Indeling = Indeling.OverbrugbareAfstand,
                Trede = 3,
                Route = "werk",
                Afspraken = "sollicitaties",
                OntheffingTot = new DateOnly(2026, 9, 1),
                OntheffingGrond = "zorg",
                UitstroomReden = "werk gevonden",
                Door = "km1",
            },
            UitkomstOp = Begin.AddHours(1),
            Gevolg = GesprekGevolg.GeenNieuweUitnodigingMogelijk,
            Versie = 7,
        };
        await opslag.SchrijfAsync(new Wijzigingen([leeg, vol], [], []));

        var gelezen = (await opslag.GesprekkenAsync("c1")).ToDictionary(g => g.Klantnummer);
        Assert.Equal(leeg, gelezen["K1"]);
        Assert.Equal(vol, gelezen["K2"]);
        Assert.Equal(TimeSpan.Zero, gelezen["K2"].Start.Offset);
    }

    [Fact]
    public async Task Een_oudere_versie_verandert_niets_en_een_nieuwere_wint()
    {
        var opslag = Opslag();
        var v2 = Gesprek("K1", versie: 2);
        await opslag.SchrijfAsync(new Wijzigingen([v2], [], []));

        await opslag.SchrijfAsync(new Wijzigingen([v2 with { Versie = 1, Naam = "oud" }], [], []));
        Assert.Equal(v2, Assert.Single(await opslag.GesprekkenAsync("c1")));

        var v3 = v2 with { Versie = 3, Status = GesprekStatus.Herinnerd };
        await opslag.SchrijfAsync(new Wijzigingen([v3], [], []));
        Assert.Equal(v3, Assert.Single(await opslag.GesprekkenAsync("c1")));
    }

    [Fact]
    public async Task Een_verzonden_brief_verandert_niet_meer_en_een_signaal_wordt_een_keer_gemaakt()
    {
        var opslag = Opslag();
        var leesmodel = new PostgresCampagneLeesmodel(Db);
        var gesprek = Gesprek("K1");
        await opslag.SchrijfCampagneAsync("c1", "Voorjaar", CampagneStatus.Actief, new DateOnly(2026, 3, 1), new DateOnly(2026, 6, 30));
        var brief = new BerichtRij(Guid.NewGuid(), gesprek.Id, "c1", "K1", BerichtSoort.Uitnodiging, Begin.AddDays(-14), BerichtStatus.Gepland, null);
        var signaal = new SignaalRij(Guid.NewGuid(), gesprek.Id, "c1", "K1", "twee keer niet verschenen", Begin);
        await opslag.SchrijfAsync(new Wijzigingen([gesprek], [brief], [signaal]));

        var verzonden = brief with { Status = BerichtStatus.Verzonden, VerzondenOp = Begin.AddDays(-14).AddMinutes(1) };
        await opslag.SchrijfAsync(new Wijzigingen([], [verzonden], [signaal with { Reden = "anders" }]));
        await opslag.SchrijfAsync(new Wijzigingen([], [brief with { Status = BerichtStatus.Ingetrokken }], []));

        var gelezen = await leesmodel.BriefAsync(brief.Id, default);
        Assert.NotNull(gelezen);
        Assert.Equal((BerichtStatus.Verzonden, verzonden.VerzondenOp, "Voorjaar", 1), (gelezen.Status, gelezen.VerzondenOp, gelezen.CampagneNaam, gelezen.Poging));
        var signalen = await new KenJeKlant.Host.Handhaving.PostgresHandhaving(Db).SignalenAsync((KenJeKlant.Abstractions.Handhaving.SignaalStatus?)null, default);
        Assert.Equal("twee keer niet verschenen", Assert.Single(signalen).Reden);

        var werklijst = await ((IGesprekWerklijstBron)opslag).GesprekkenAsync("km1", default);
        Assert.Equal("K1", Assert.Single(werklijst).Klantnummer);
    }
}
