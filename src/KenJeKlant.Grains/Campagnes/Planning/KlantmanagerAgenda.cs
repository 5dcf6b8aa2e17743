namespace KenJeKlant.Grains.Campagnes.Planning;

/// <summary>
/// The free slots of one klantmanager, handed out earliest first and generated lazily, so a run costs
/// the slots it hands out plus the days it looks at, never a full calendar per klantmanager up front.
/// </summary>
internal sealed class KlantmanagerAgenda
{
    private readonly PlanningsCapaciteit _capaciteit;
    private readonly DateOnly _laatsteDag;
    private readonly HashSet<DateOnly> _geenWerkdag;
    private readonly Bezet[] _geboekt;
    private readonly Dictionary<DateOnly, int> _geboektPerDag;
    private int _geboektIndex;

    private DateOnly _dag;
    private bool _dagBegonnen;
    private bool _op;
    private int _resterendVandaag;
    private DateTime _volgende;
    private DateTime _einde;

    public KlantmanagerAgenda(
        PlanningsCapaciteit capaciteit, DateOnly eersteDag, DateOnly laatsteDag,
        IReadOnlySet<DateOnly> feestdagen, IReadOnlyList<Bezet> geboekt)
    {
        _capaciteit = capaciteit;
        _laatsteDag = laatsteDag;
        _dag = eersteDag;
        _op = eersteDag > laatsteDag;

        _geenWerkdag = [];
        foreach (var feestdag in feestdagen)
            if (feestdag >= eersteDag && feestdag <= laatsteDag) _geenWerkdag.Add(feestdag);
        foreach (var afwezig in capaciteit.Afwezigheden)
        {
            var van = afwezig.Van > eersteDag ? afwezig.Van : eersteDag;
            var tot = afwezig.Tot < laatsteDag ? afwezig.Tot : laatsteDag;
            for (var d = van; d <= tot; d = d.AddDays(1)) _geenWerkdag.Add(d);
        }

        _geboekt = [.. geboekt.OrderBy(b => b.Start)];
        _geboektPerDag = [];
        foreach (var (start, _) in _geboekt)
        {
            var dag = DateOnly.FromDateTime(start);
            _geboektPerDag[dag] = _geboektPerDag.GetValueOrDefault(dag) + 1;
        }
    }

    public TimeSpan SlotDuur => _capaciteit.SlotDuur;

    /// <summary>The earliest free slot not handed out yet; false once the period holds none.</summary>
    public bool TryNeemVolgende(out DateTime start)
    {
        var duur = _capaciteit.SlotDuur;
        while (!_op)
        {
            if (!_dagBegonnen && !BeginDag())
            {
                VolgendeDag();
                continue;
            }

            SlaGeboektOver(duur);
            if (_resterendVandaag == 0 || _volgende + duur > _einde)
            {
                VolgendeDag();
                continue;
            }

            start = _volgende;
            _volgende += duur;
            _resterendVandaag--;
            return true;
        }

        start = default;
        return false;
    }

    private bool BeginDag()
    {
        if (!_capaciteit.Werkdagen.Contains(_dag.DayOfWeek) || _geenWerkdag.Contains(_dag)) return false;
        _resterendVandaag = _capaciteit.GesprekkenPerDag - _geboektPerDag.GetValueOrDefault(_dag);
        if (_resterendVandaag <= 0) return false;
        _volgende = _dag.ToDateTime(_capaciteit.Begintijd);
        _einde = _dag.ToDateTime(_capaciteit.Eindtijd);
        _dagBegonnen = true;
        return true;
    }

    private void VolgendeDag()
    {
        _dagBegonnen = false;
        if (_dag >= _laatsteDag) _op = true;
        else _dag = _dag.AddDays(1);
    }

    /// <summary>Moves the candidate start past every booked gesprek it would overlap.</summary>
    private void SlaGeboektOver(TimeSpan duur)
    {
        while (true)
        {
            // By start; a long booking may reach past later ones, so one that ended is passed, one that did not is waited for.
            while (_geboektIndex < _geboekt.Length && _geboekt[_geboektIndex].Eind <= _volgende) _geboektIndex++;
            if (_geboektIndex == _geboekt.Length) return;
            var inDeWeg = _geboekt.Skip(_geboektIndex).TakeWhile(b => b.Start < _volgende + duur).Where(b => b.Eind > _volgende).Select(b => b.Eind).DefaultIfEmpty().Max();
            if (inDeWeg == default) return;
            _volgende = inDeWeg;
        }
    }
}
