using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Grains.Campagnes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace KenJeKlant.Tests.Campagnes;

/// <summary>The live push without a silo: only to subscribers, only when the numbers changed, at most every 250 ms unless it must go now.</summary>
public sealed class VoortgangPublicatieTests
{
    private readonly FakeTimeProvider _tijd = new(ZonderSilo.Begin);
    private Voortgang? _voortgang = Maak(1);
    private int _gemaakt;

    private static Voortgang Maak(int ingepland) =>
        new("c", CampagneStatus.Actief, new Funnel { Ingepland = ingepland }, [], [], new Uitkomsten(0, 0, [], [], 0), [], [], [], [], []);

    private VoortgangPublicatie Publicatie() => new(() =>
    {
        _gemaakt++;
        return _voortgang;
    }, NullLogger.Instance, _tijd);

    [Fact]
    public void Zonder_abonnees_wordt_er_niets_gemaakt_of_gepusht()
    {
        var publicatie = Publicatie();

        Assert.False(publicatie.Publiceer());
        Assert.False(publicatie.Publiceer(altijd: true));
        Assert.Equal(0, _gemaakt);
    }

    [Fact]
    public async Task Hoogstens_eens_per_250_ms_en_alleen_als_de_cijfers_veranderden()
    {
        var publicatie = Publicatie();
        var host = new Host();
        await publicatie.AbonneerAsync(host);

        Assert.True(publicatie.Publiceer());
        _voortgang = Maak(2);
        Assert.False(publicatie.Publiceer()); // held back
        _tijd.Advance(TimeSpan.FromMilliseconds(249));
        Assert.False(publicatie.Publiceer());
        Assert.Equal(1, _gemaakt); // too soon: not even assembled
        _tijd.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(publicatie.Publiceer()); // what was held back goes with the next push
        _tijd.Advance(TimeSpan.FromSeconds(1));
        Assert.False(publicatie.Publiceer()); // same numbers (a new, equal object): nothing to send

        Assert.Equal([1, 2], host.Ontvangen.Select(v => v.Funnel.Ingepland));
    }

    [Fact]
    public async Task Altijd_gaat_meteen_maar_nooit_zonder_verandering_of_zonder_campagne()
    {
        var publicatie = Publicatie();
        var host = new Host();
        await publicatie.AbonneerAsync(host);
        publicatie.Publiceer();

        _voortgang = Maak(5);
        Assert.True(publicatie.Publiceer(altijd: true));
        Assert.False(publicatie.Publiceer(altijd: true));
        _voortgang = null;
        Assert.False(publicatie.Publiceer(altijd: true));

        Assert.Equal([1, 5], host.Ontvangen.Select(v => v.Funnel.Ingepland));
    }

    [Fact]
    public async Task Elke_host_krijgt_het_eenmaal_en_wie_opzegt_niet_meer()
    {
        var publicatie = Publicatie();
        var a = new Host();
        var b = new Host();
        await publicatie.AbonneerAsync(a);
        await publicatie.AbonneerAsync(b);
        await publicatie.AbonneerAsync(b); // renewing is no second subscription
        Assert.Equal(2, publicatie.Abonnees);

        publicatie.Publiceer();
        await publicatie.OpzeggenAsync(a);
        _voortgang = Maak(3);
        publicatie.Publiceer(altijd: true);

        Assert.Equal([1], a.Ontvangen.Select(v => v.Funnel.Ingepland));
        Assert.Equal([1, 3], b.Ontvangen.Select(v => v.Funnel.Ingepland));
    }

    private sealed class Host : ICampagneObserver
    {
        public List<Voortgang> Ontvangen { get; } = [];

        public void VoortgangGewijzigd(Voortgang voortgang) => Ontvangen.Add(voortgang);
    }
}
