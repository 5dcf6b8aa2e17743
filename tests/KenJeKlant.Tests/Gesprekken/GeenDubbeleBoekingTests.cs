using System.Net;
using System.Net.Http.Json;
using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Campagnes;
using KenJeKlant.Grains.Gesprekken;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Infrastructure;
using KenJeKlant.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KenJeKlant.Tests.Gesprekken;

/// <summary>
/// No klantmanager is ever booked twice at one moment. As a property over random sequences of what books time —
/// planning an own gesprek, moving one, a campaign's fan-out — with the rule classes the grains use; and on
/// PostgreSQL, where a campaign and an agenda meet: bookings that race for the same time leave exactly one.
/// </summary>
public sealed class GeenDubbeleBoekingTests
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private static readonly DateTimeOffset Nu = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Vandaag = new(2026, 11, 30);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Geen_reeks_van_plannen_verzetten_en_campagnes_boekt_een_klantmanager_dubbel(int seed)
    {
        var kans = new Random(seed);
        var beleid = new CampagneBeleid();
        beleid.VulStandaarden();
        var werktijden = Werkagenda.Werktijden(beleid);
        var geboekt = new List<(Guid Id, string Km, Moment Moment)>();
        string[] klantmanagers = ["KM1", "KM2"];
        var geweigerd = 0;

        AgendaStand Stand(string km, Guid? behalve) => new(werktijden,
            [.. geboekt.Where(g => g.Km == km && g.Id != behalve).Select(g => g.Moment)], [], Nu, Werkagenda.Vroegst(Vandaag, 3, Zone), Zone);
        Moment Willekeurig()
        {
            var dag = Vandaag.AddDays(kans.Next(0, 21));
            var start = Werkagenda.Tijdstip(dag, new TimeOnly(8, 0), Zone).AddMinutes(15 * kans.Next(0, 36));
            return new Moment(start, start.AddMinutes(15 * kans.Next(1, 8)));
        }
        bool Probeer(Moment moment, string km, Guid? behalve)
        {
            try
            {
                AgendaRegels.Controleer(moment, "moment", Stand(km, behalve));
                return true;
            }
            catch (Exception e) when (e is OngeldigeInvoerException or OvergangGeweigerdException)
            {
                geweigerd++;
                return false;
            }
        }

        for (var stap = 0; stap < 300; stap++)
        {
            var km = klantmanagers[kans.Next(klantmanagers.Length)];
            switch (kans.Next(10))
            {
                case < 5: // a klantmanager plans an own gesprek
                    var moment = Willekeurig();
                    if (Probeer(moment, km, null)) geboekt.Add((Guid.NewGuid(), km, moment));
                    break;
                case < 8 when geboekt.Count > 0: // one is moved, the agenda checked without itself
                    var plek = kans.Next(geboekt.Count);
                    var (id, eigenaar, oud) = geboekt[plek];
                    var nieuw = Willekeurig();
                    nieuw = new Moment(nieuw.Start, nieuw.Start + (oud.Eind - oud.Start));
                    if (Probeer(nieuw, eigenaar, id)) geboekt[plek] = (id, eigenaar, nieuw);
                    break;
                default: // a campaign fans out around everything booked
                    var definitie = beleid.Definitie($"c{stap}", null, Vandaag, periodeTot: Vandaag.AddDays(20), uitnodigingDagenVooraf: kans.Next(3, 8));
                    var kandidaten = Enumerable.Range(0, kans.Next(1, 12))
                        .Select(i => new Kandidaat($"K{stap}-{i}", "Naam", klantmanagers[kans.Next(2)], null, new DateOnly(2020, 1, 1), null)).ToList();
                    var plan = CampagnePlanning.Plan(definitie, kandidaten, geboekt.Select(g => new GeboektSlot(g.Km, g.Moment.Start, g.Moment.Eind)), Vandaag, Zone);
                    foreach (var slot in plan.Ingepland)
                    {
                        var rij = CampagnePlanning.NieuwGesprek($"c{stap}", kandidaten.Single(k => k.Klantnummer == slot.Klantnummer), 1, slot, definitie, Zone);
                        geboekt.Add((rij.Id, rij.Klantmanager, new Moment(rij.Start, rij.Eind)));
                    }
                    break;
            }
            foreach (var perKm in geboekt.GroupBy(g => g.Km))
            {
                var lijst = perKm.OrderBy(g => g.Moment.Start).ToList();
                for (var i = 1; i < lijst.Count; i++)
                    Assert.False(lijst[i - 1].Moment.Overlapt(lijst[i].Moment) || lijst.Take(i).Any(a => a.Moment.Overlapt(lijst[i].Moment)),
                        $"seed {seed}, stap {stap}: {perKm.Key} dubbel geboekt op {lijst[i].Moment.Start:u}");
            }
        }
        // The property would hold trivially if nothing were booked or nothing refused.
        Assert.True(geboekt.Count > 40, $"maar {geboekt.Count} boekingen");
        Assert.True(geweigerd > 10, $"maar {geweigerd} weigeringen");
    }
}

/// <summary>On PostgreSQL: bookings that race for one klantmanager's time, through the agenda and through the store a campaign uses.</summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class GelijktijdigBoekenTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Begin = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Donderdag10 = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _klok = new(Begin);
    private KenJeKlantApp _app = null!;
    private HttpClient _km = null!;

    public async Task InitializeAsync()
    {
        _app = MaakApp(await PostgresServer.CreateDatabaseAsync("gelijktijdig-boeken"), _klok);
        var beheerder = await _app.AlsAsync("beheerder");
        await beheerder.ZetKlantmanagersAsync("KM001");
        await beheerder.ImporteerGoedAsync(Csv.Bestand([.. Enumerable.Range(1, 8).Select(i => Csv.Regel($"K{i}"))]));
        _km = await _app.KlantmanagerAsync("KM001");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static KenJeKlantApp MaakApp(string db, FakeTimeProvider klok) => new(db, $"test-{Guid.NewGuid():N}") { DomeinKlok = klok };

    [Fact]
    public async Task Acht_gelijktijdige_aanvragen_voor_overlappende_momenten_geven_een_gesprek_en_zeven_weigeringen()
    {
        var antwoorden = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => _km.PostAsJsonAsync($"/api/v1/klanten/K{i}/gesprekken",
            new { moment = Donderdag10.AddMinutes(5 * i), duurMinuten = 45, vorm = "telefonisch", soort = "voortgang" })));
        Assert.Single(antwoorden, a => a.StatusCode == HttpStatusCode.Created);
        Assert.Equal(7, antwoorden.Count(a => a.StatusCode == HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Een_campagne_en_een_agenda_die_tegelijk_dezelfde_tijd_boeken_houden_er_een_over()
    {
        var opslag = _app.Services.GetRequiredService<ICampagneOpslag>();
        GesprekRij Rij(string eigenaar, string klant, int minuten) => new()
        {
            Id = Guid.NewGuid(), CampagneId = eigenaar, Klantnummer = klant, Naam = "Naam", Klantmanager = "KM001", Poging = 1,
            Start = Donderdag10.AddMinutes(minuten), Eind = Donderdag10.AddMinutes(minuten + 45), Status = GesprekStatus.Gepland,
            UitnodigingOp = Begin, Versie = 1,
        };
        // Twenty bookings by different owners, all overlapping 10:00–10:45 or one another, written at once.
        var rijen = Enumerable.Range(0, 20).Select(i => Rij(i % 2 == 0 ? $"campagne-{i}" : GesprekIds.Agenda("KM001"), $"K{i}", i % 5)).ToList();
        var uitkomsten = await Task.WhenAll(rijen.Select(r => opslag.BoekAsync(new Wijzigingen([r], [Tijdstappen.Bericht(r, BerichtSoort.Uitnodiging, Begin, BerichtStatus.Gepland)], []))));
        Assert.Equal(19, uitkomsten.Sum(u => u.Count));
        var dossiers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => opslag.GesprekkenAsync(i % 2 == 0 ? $"campagne-{i}" : GesprekIds.Agenda("KM001"))));
        Assert.Single(dossiers.SelectMany(d => d).Where(g => g.Klantmanager == "KM001").DistinctBy(g => g.Id));
    }
}
