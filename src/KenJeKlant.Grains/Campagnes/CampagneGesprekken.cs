namespace KenJeKlant.Grains.Campagnes;

/// <summary>
/// A campaign's gesprekken in memory, per client, with the progress counters kept in step: every
/// change subtracts what the client contributed before and adds what it contributes after, so a
/// request for progress never scans the clients.
/// </summary>
public sealed class CampagneGesprekken
{
    private readonly Dictionary<Guid, GesprekRij> _perId = [];
    private readonly Dictionary<string, List<GesprekRij>> _perKlant = new(StringComparer.Ordinal);

    public VoortgangTeller Teller { get; } = new();

    public int AantalKlanten => _perKlant.Count;

    public IEnumerable<GesprekRij> Alle => _perId.Values;

    public GesprekRij? Zoek(Guid id) => _perId.GetValueOrDefault(id);

    public bool HeeftKlant(string klantnummer) => _perKlant.ContainsKey(klantnummer);

    /// <summary>Any gesprek still to be held or to get its outcome.</summary>
    public bool HeeftOpen => _perId.Values.Any(r => r.IsOpen);

    /// <summary>The slots this campaign's open gesprekken hold, but for those being planned anew.</summary>
    public IEnumerable<GeboektSlot> Geboekt(IReadOnlySet<Guid>? behalve = null) =>
        _perId.Values.Where(r => r.IsOpen && behalve?.Contains(r.Id) != true).Select(r => new GeboektSlot(r.Klantmanager, r.Start, r.Eind));

    /// <summary>The client's gesprekken in this campaign, by poging.</summary>
    public IReadOnlyList<GesprekRij> VanKlant(string klantnummer) =>
        _perKlant.TryGetValue(klantnummer, out var rijen) ? rijen : [];

    /// <summary>Adds new gesprekken or replaces them by id; counters follow.</summary>
    public void Zet(IEnumerable<GesprekRij> rijen)
    {
        foreach (var groep in rijen.GroupBy(r => r.Klantnummer, StringComparer.Ordinal))
        {
            var lijst = _perKlant.GetValueOrDefault(groep.Key);
            if (lijst is not null) Teller.Verwerk(lijst, -1);
            else _perKlant[groep.Key] = lijst = [];
            foreach (var rij in groep)
            {
                var plek = lijst.FindIndex(r => r.Id == rij.Id);
                if (plek >= 0) lijst[plek] = rij;
                else lijst.Add(rij);
                _perId[rij.Id] = rij;
            }
            lijst.Sort((a, b) => a.Poging.CompareTo(b.Poging));
            Teller.Verwerk(lijst, +1);
        }
    }
}
