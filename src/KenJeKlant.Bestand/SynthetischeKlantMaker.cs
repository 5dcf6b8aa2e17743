using KenJeKlant.Abstractions;

namespace KenJeKlant.Bestand;

/// <summary>
/// Draws one synthetic client at a time, in export column order. The proportions follow the
/// Haarlem figures (Ik doe mee, 2017) and national Participatiewet statistics; each is a named
/// constant so a reader can check them against the source. All draws come from one seeded
/// <see cref="Random"/>, in a fixed order, which is what makes a seed reproduce its file.
/// </summary>
internal sealed class SynthetischeKlantMaker
{
    // Leefvorm: ~68% alleenstaand, 5% alleenstaande ouder, the rest samenwonend with or without children.
    private const double KansAlleenstaand = 0.68;
    private const double KansAlleenstaandeOuder = 0.05;
    private const double KansSamenwonendZonderKinderen = 0.12;

    // 45% is 45 or older; everyone is between 18 and the AOW age (66 as a whole number of years).
    private const double KansVijfenveertigPlus = 0.45;
    private const int MinLeeftijd = 18;
    private const int MaxLeeftijd = 66;

    // 80% longer than a year on benefit, 32% longer than five years (at most fifteen here).
    private const double KansKorterDanEenJaar = 0.20;
    private const double KansLangerDanVijfJaar = 0.32;
    private const int MaxDuurJaren = 15;

    // Haarlem: 3,200 of 3,800 had had no contact; the others were spoken in the last three years.
    private const double KansOoitGesproken = 0.15;
    private const int GesprekHooguitJarenGeleden = 3;

    private const double KansStatushouder = 0.10;
    private const double KansArbeidsbeperking = 0.15;
    // Doelgroepregister implies an arbeidsbeperking: a third of them gives 5% overall.
    private const double KansDoelgroepregisterBijBeperking = 1.0 / 3;
    // Pro/vso school leavers are young: 17% of those up to 27 gives about 2% overall.
    private const int SchoolverlaterTotLeeftijd = 27;
    private const double KansSchoolverlaterBijJong = 0.17;

    private const double KansBsn = 0.97;
    private const double KansWijk = 0.97;
    private const double KansDubbeleAchternaam = 0.05;

    private readonly Random _random;
    private readonly SyntheticBestandOpties _opties;
    private readonly UniekeBsnReeks _bsns;
    private int _klantnummer;

    public SynthetischeKlantMaker(SyntheticBestandOpties opties)
    {
        _opties = opties;
        _random = new Random(opties.Seed);
        _bsns = new UniekeBsnReeks(_random);
        // Numbering starts somewhere in the range and skips a few: real bestanden have gaps from uitstroom.
        _klantnummer = _random.Next(1_000_000, 2_000_000);
    }

    /// <summary>The fields of the next client, in <see cref="BestandKolommen.Alle"/> order.</summary>
    public string[] Volgende()
    {
        _klantnummer += _random.Next(1, 4);
        var duurDagen = UitkeringsduurInDagen();
        var leeftijd = Leeftijd(duurDagen);
        var geboortedatum = _opties.Peildatum.AddYears(-leeftijd).AddDays(-_random.Next(0, 365));
        var startdatum = _opties.Peildatum.AddDays(-duurDagen);
        var arbeidsbeperking = Kans(KansArbeidsbeperking);

        return
        [
            $"K{_klantnummer:D7}",
            Kans(KansBsn) ? _bsns.Volgende() : "",
            Naam(),
            BestandDatum.Formatteer(geboortedatum),
            Postcode(),
            Kans(KansWijk) ? Kies(_opties.Wijken) : "",
            HuishoudenTekst.Formatteer(Huishouden()),
            BestandDatum.Formatteer(startdatum),
            JaNee.Formatteer(Kans(KansStatushouder)),
            JaNee.Formatteer(leeftijd <= SchoolverlaterTotLeeftijd && Kans(KansSchoolverlaterBijJong)),
            JaNee.Formatteer(arbeidsbeperking),
            JaNee.Formatteer(arbeidsbeperking && Kans(KansDoelgroepregisterBijBeperking)),
            Kies(_opties.Klantmanagers),
            LaatsteGesprek(startdatum),
            // Drawn last and only with several gemeenten, so the other columns of a seed stay as they were.
            _opties.Gemeenten.Count switch { 0 => "", 1 => _opties.Gemeenten[0], _ => Kies(_opties.Gemeenten) },
            "", // einddatum_uitkering: a synthetic export holds the clients with a running benefit
            "", // reden_beeindiging
        ];
    }

    private int UitkeringsduurInDagen()
    {
        var trek = _random.NextDouble();
        if (trek < KansKorterDanEenJaar)
        {
            return _random.Next(1, 365);
        }
        if (trek < 1 - KansLangerDanVijfJaar)
        {
            return _random.Next(366, 5 * 365);
        }
        return _random.Next(5 * 365 + 2, MaxDuurJaren * 365);
    }

    /// <summary>
    /// Age bracket first (to keep the 45+ share), then an age old enough to have been 18 when the
    /// benefit started, since the Participatiewet starts at 18.
    /// </summary>
    private int Leeftijd(int duurDagen)
    {
        var minimum = MinLeeftijd + duurDagen / 365 + 1;
        return Kans(KansVijfenveertigPlus)
            ? _random.Next(45, MaxLeeftijd + 1)
            : _random.Next(Math.Min(minimum, 44), 45);
    }

    private Huishouden Huishouden()
    {
        var trek = _random.NextDouble();
        return trek switch
        {
            < KansAlleenstaand => Abstractions.Klanten.Huishouden.Alleenstaand,
            < KansAlleenstaand + KansAlleenstaandeOuder => Abstractions.Klanten.Huishouden.AlleenstaandeOuder,
            < KansAlleenstaand + KansAlleenstaandeOuder + KansSamenwonendZonderKinderen => Abstractions.Klanten.Huishouden.Samenwonend,
            _ => Abstractions.Klanten.Huishouden.SamenwonendMetKinderen,
        };
    }

    private string LaatsteGesprek(DateOnly startdatum)
    {
        if (!Kans(KansOoitGesproken))
        {
            return "";
        }

        var vroegst = _opties.Peildatum.AddYears(-GesprekHooguitJarenGeleden);
        var van = startdatum > vroegst ? startdatum : vroegst;
        var dagen = _opties.Peildatum.DayNumber - van.DayNumber;
        return BestandDatum.Formatteer(van.AddDays(_random.Next(0, dagen + 1)));
    }

    private string Naam()
    {
        var achternaam = Kies(SynthetischeNamen.Achternamen);
        if (Kans(KansDubbeleAchternaam))
        {
            achternaam += "-" + Kies(SynthetischeNamen.Achternamen);
        }
        return Kies(SynthetischeNamen.Voornamen) + " " + achternaam;
    }

    /// <summary>Haarlem's postcode area 2011–2037; PostNL does not use the letter pairs SA, SD and SS.</summary>
    private string Postcode()
    {
        while (true)
        {
            var letters = string.Concat((char)('A' + _random.Next(26)), (char)('A' + _random.Next(26)));
            if (letters is not ("SA" or "SD" or "SS"))
            {
                return PostcodeNotatie.MetSpatie($"{_random.Next(2011, 2038)}{letters}");
            }
        }
    }

    private bool Kans(double kans) => _random.NextDouble() < kans;

    private T Kies<T>(IReadOnlyList<T> lijst) => lijst[_random.Next(lijst.Count)];
}
