using System.Diagnostics.Metrics;
using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Campagnes;
using KenJeKlant.Grains.Telemetrie;
using KenJeKlant.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace KenJeKlant.Tests.Campagnes;

/// <summary>What the campaign's plain classes need around them in a test without a silo: clock, policies, meters, clients and gesprekken.</summary>
internal static class ZonderSilo
{
    public const string Campagne = "ik-doe-mee";

    /// <summary>The campaign tests' Monday morning, in UTC like their silo.</summary>
    public static DateTimeOffset Begin => CampagneOmgeving.Begin;

    public static FakeTimeProvider Klok() => new(Begin);

    public static VeranderlijkBeleid<CampagneBeleid> Beleid(Action<CampagneBeleid>? aanpassing = null)
    {
        var beleid = KlantSilo.SnelleCampagne();
        aanpassing?.Invoke(beleid);
        return new(beleid);
    }

    public static VeranderlijkBeleid<TrajectBeleid> Traject()
    {
        var beleid = new TrajectBeleid();
        beleid.VulStandaarden();
        return new(beleid);
    }

    public static KenJeKlantMeters Meters() => new(new LosseMeters());

    /// <summary>The campaign tests' set-up: 4 gesprekken a day per klantmanager, invitations 10 days ahead, herinnering 2 days ahead, a signal after 2 no-shows, at most 3 invitations.</summary>
    public static CampagneDefinitie Definitie(Func<CampagneDefinitie, CampagneDefinitie>? aanpassing = null) => CampagneOmgeving.Definitie(aanpassing);

    public static Kandidaat Klant(int nummer, string klantmanager = "KM1", string? wijk = "Centrum") =>
        new($"K{nummer:D3}", $"Klant {nummer}", klantmanager, null, new DateOnly(2020, 1, 1), wijk);

    /// <summary>A gesprek as the fan-out writes it (invitation 10 days before the slot), already known to the klant grain.</summary>
    public static GesprekRij Gesprek(string klantnummer, DateTimeOffset start, int poging = 1, string klantmanager = "KM1") => new()
    {
        Id = GesprekIds.Gesprek(Campagne, klantnummer, poging),
        CampagneId = Campagne,
        Klantnummer = klantnummer,
        Naam = $"Klant {klantnummer}",
        Klantmanager = klantmanager,
        Wijk = "Centrum",
        Poging = poging,
        Start = start,
        Eind = start.AddMinutes(45),
        Status = GesprekStatus.Gepland,
        UitnodigingOp = start.AddDays(-10),
        Versie = 1,
    };

    /// <summary>Puts gesprekken in the table and in the campaign's memory, as after an activation.</summary>
    public static void Zet(OpslagInGeheugen opslag, CampagneGesprekken gesprekken, params GesprekRij[] rijen)
    {
        foreach (var rij in rijen) opslag.Gesprekken[rij.Id] = rij;
        gesprekken.Zet(rijen);
    }

    private sealed class LosseMeters : IMeterFactory
    {
        public Meter Create(MeterOptions options) => new(options);

        public void Dispose()
        {
        }
    }
}

/// <summary>What the werklijsten were told, per klantmanager, in order.</summary>
internal sealed class OpgenomenWerklijsten
{
    public List<(string Klantmanager, IReadOnlyList<Abstractions.Werklijsten.WerklijstItem> Meld, IReadOnlyList<Abstractions.Werklijsten.WerklijstVerwijdering> Weg)> Aanroepen { get; } = [];

    public WerklijstBerichtgeving Berichtgeving(VeranderlijkBeleid<CampagneBeleid> beleid, TimeProvider klok) =>
        new(beleid, klok, (km, meld, weg) =>
        {
            lock (Aanroepen) Aanroepen.Add((km, meld, weg));
            return Task.CompletedTask;
        });
}
