using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Herbeoordelingen;
using KenJeKlant.Abstractions.Werklijsten;
using KenJeKlant.Grains.Campagnes;
using KenJeKlant.Host.Infrastructuur.Realtime;
using KenJeKlant.Host.Werklijsten;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Abstractions;

namespace KenJeKlant.Tests.Realtime;

/// <summary>Coalescing without a cluster: the werklijst buffer and the campaign's "did it change" test.</summary>
public sealed class CoalescingTests
{
    [Fact]
    public async Task Werklijstwijzigingen_gaan_per_klantmanager_als_een_bericht_en_per_item_telt_de_laatste()
    {
        var hub = new OpgenomenHub();
        var doorgever = new WerklijstDoorgever(null!, hub, NullLogger<WerklijstDoorgever>.Instance);
        doorgever.WerklijstGewijzigd(Wijziging("KM001", "K1", "eerst"));
        doorgever.WerklijstGewijzigd(Wijziging("KM001", "K2", "blijft"));
        doorgever.WerklijstGewijzigd(Wijziging("KM002", "K3", "ander"));
        doorgever.WerklijstGewijzigd(Wijziging("KM001", "K1", "weg", verwijderd: true));

        await doorgever.SpoelDoorAsync();
        await doorgever.SpoelDoorAsync(); // nothing new: nothing sent

        Assert.Equal(["werklijst:KM001", "werklijst:KM002"], hub.Verstuurd.Select(v => v.Groep).Order(StringComparer.Ordinal));
        var km001 = hub.Verstuurd.Single(v => v.Groep == "werklijst:KM001").Wijzigingen;
        Assert.Equal([("K1", "weg", true), ("K2", "blijft", false)], km001.Select(w => (w.Item.Klantnummer, w.Item.Omschrijving, w.Verwijderd)));
    }

    [Fact]
    public void Een_voortgang_met_dezelfde_cijfers_in_andere_lijsten_is_gelijk_een_andere_telling_niet()
    {
        static Voortgang Maak(int aantal) => new("c", CampagneStatus.Actief, new Funnel { Ingepland = 3 }, [new Telling("zonder-afstand", aantal)], [], new Uitkomsten(1, 0, [], [], 0), [], [], [], [], []);

        Assert.True(VoortgangVergelijking.Gelijk(Maak(1), Maak(1)));
        Assert.False(VoortgangVergelijking.Gelijk(Maak(1), Maak(2)));
        Assert.False(VoortgangVergelijking.Gelijk(Maak(1), Maak(1) with { Status = CampagneStatus.Gepauzeerd }));
        Assert.False(VoortgangVergelijking.Gelijk(Maak(1), Maak(1) with { PerWijk = [new WijkVoortgang("Centrum", 1, 0, 0, 0, 0)] }));
        Assert.False(VoortgangVergelijking.Gelijk(Maak(1), null));
    }

    private static WerklijstWijziging Wijziging(string klantmanager, string klantnummer, string omschrijving, bool verwijderd = false) =>
        new(klantmanager, new WerklijstItem(klantnummer, "Naam", WerklijstSoort.Gesprek, new DateOnly(2026, 12, 7), HerbeoordelingStatus.Gepland, omschrijving), verwijderd);

    /// <summary>Records what is sent to groups; nothing else is used by the doorgever.</summary>
    private sealed class OpgenomenHub : IHubContext<WerklijstHub, IWerklijstClient>
    {
        public OpgenomenHub() => Clients = new GroepenAlleen(this);

        public List<(string Groep, IReadOnlyList<WerklijstWijziging> Wijzigingen)> Verstuurd { get; } = [];

        public IHubClients<IWerklijstClient> Clients { get; }

        public IGroupManager Groups => throw new NotSupportedException();
    }

    private sealed class GroepenAlleen(OpgenomenHub hub) : IHubClients<IWerklijstClient>
    {
        public IWerklijstClient All => throw new NotSupportedException();
        public IWerklijstClient Group(string groupName) => new Groep(hub, groupName);
        public IWerklijstClient AllExcept(IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();
        public IWerklijstClient Client(string connectionId) => throw new NotSupportedException();
        public IWerklijstClient Clients(IReadOnlyList<string> connectionIds) => throw new NotSupportedException();
        public IWerklijstClient GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();
        public IWerklijstClient Groups(IReadOnlyList<string> groupNames) => throw new NotSupportedException();
        public IWerklijstClient User(string userId) => throw new NotSupportedException();
        public IWerklijstClient Users(IReadOnlyList<string> userIds) => throw new NotSupportedException();
    }

    private sealed class Groep(OpgenomenHub hub, string naam) : IWerklijstClient
    {
        public Task Werklijst(Werklijst werklijst) => throw new NotSupportedException();

        public Task WerklijstGewijzigd(IReadOnlyList<WerklijstWijziging> wijzigingen)
        {
            hub.Verstuurd.Add((naam, wijzigingen));
            return Task.CompletedTask;
        }
    }
}
