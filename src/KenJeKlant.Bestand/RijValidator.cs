using KenJeKlant.Abstractions;

namespace KenJeKlant.Bestand;

/// <summary>
/// Turns one record into a <see cref="KlantProfiel"/> or the full list of what is wrong with it.
/// Every field is checked even after an error, so the beheerder can fix a row in one go.
/// Values are echoed in reasons only when they are short codes; a BSN or name never is, because
/// error reports get mailed around and logged.
/// </summary>
internal sealed class RijValidator(KolomIndeling kolommen, DateOnly importdatum, IReadOnlyCollection<string> gemeenten)
{
    private const int MaxRedenLengte = 100;

    private const int MinLeeftijd = 15;
    private const int MaxLeeftijd = 110;
    private const int MaxNaamLengte = 200;
    private const int MaxKlantmanagerLengte = 50;
    private const int MaxKlantnummerLengte = 20;
    private const int MaxGetoondeLengte = 30;

    // The columns whose text is kept as given and shown or exported later; the other columns are parsed
    // into dates, codes and yes/no, and a value starting with '=' there is already an error.
    private static readonly (string Kolom, string Label)[] TekstKolommen =
    [
        (BestandKolommen.Klantnummer, "Klantnummer"),
        (BestandKolommen.Naam, "Naam"),
        (BestandKolommen.Wijk, "Wijk"),
        (BestandKolommen.Klantmanager, "Klantmanager"),
        (BestandKolommen.RedenBeeindiging, "Reden beëindiging"),
    ];

    public BestandRij Valideer(CsvRecord record)
    {
        if (StructuurFout(record) is { } structuur)
        {
            var fout = new RijFout(record.Regel, RijFout.HeleRij, structuur);
            return new BestandRij(record.Regel, null, null, null, [fout]);
        }

        var rij = new Rij(record, kolommen);
        var klantnummer = Klantnummer(rij);
        var bsn = BsnVeld(rij);
        var naam = Verplicht(rij, BestandKolommen.Naam, "Naam", MaxNaamLengte);
        var geboortedatum = Geboortedatum(rij);
        var postcode = Postcode(rij);
        var wijk = rij.Waarde(BestandKolommen.Wijk);
        var huishouden = HuishoudenVeld(rij);
        var startdatum = Startdatum(rij, geboortedatum);
        var doelgroepen = DoelgroepenVeld(rij);
        var klantmanager = Verplicht(rij, BestandKolommen.Klantmanager, "Klantmanager", MaxKlantmanagerLengte);
        var laatsteGesprek = OptioneleDatum(rij, BestandKolommen.LaatsteGesprek, "Laatste gesprek");
        var gemeente = GemeenteVeld(rij);
        var (einddatum, reden) = Beeindiging(rij, startdatum);
        var waarschuwingen = FormuleWaarschuwingen(rij);

        if (rij.Fouten.Count > 0)
        {
            return new BestandRij(record.Regel, klantnummer, klantmanager, null, rij.Fouten) { Waarschuwingen = waarschuwingen };
        }

        var klant = new KlantProfiel
        {
            Klantnummer = klantnummer!,
            Bsn = bsn,
            Naam = naam!,
            Geboortedatum = geboortedatum!.Value,
            Postcode = postcode!,
            Wijk = wijk.Length == 0 ? null : wijk,
            Huishouden = huishouden!.Value,
            StartdatumUitkering = startdatum!.Value,
            Doelgroepen = doelgroepen,
            Klantmanager = klantmanager!,
            LaatsteGesprek = laatsteGesprek,
            Gemeente = gemeente,
            EinddatumUitkering = einddatum,
            RedenBeeindiging = reden,
        };
        return new BestandRij(record.Regel, klantnummer, klantmanager, klant, []) { Waarschuwingen = waarschuwingen };
    }

    /// <summary>
    /// Text that a spreadsheet would run as a formula (see <see cref="CsvSchrijver"/>): our exports
    /// neutralise it, but in a benefits system it is either a data error or an attempt to attack whoever
    /// opens an export of it, and the beheerder should know. Judged on the value as kept (trimmed), since
    /// spreadsheets skip leading spaces too. A warning, not an error: the row is still a real client, and
    /// our exports write the value harmlessly.
    /// </summary>
    private static List<RijWaarschuwing> FormuleWaarschuwingen(Rij rij)
    {
        List<RijWaarschuwing> waarschuwingen = [];
        foreach (var (kolom, label) in TekstKolommen)
        {
            var waarde = rij.Waarde(kolom);
            if (CsvSchrijver.BegintAlsFormule(waarde))
            {
                waarschuwingen.Add(new RijWaarschuwing(rij.Regel, kolom,
                    $"{label} begint met '{waarde[0]}': een spreadsheet kan dit als formule uitvoeren"));
            }
        }
        return waarschuwingen;
    }

    /// <summary>
    /// A record that cannot be split into our columns: fields would be misaligned, so checking them
    /// one by one would only produce confusing errors. Trailing empty fields are tolerated because
    /// spreadsheets append separators to short rows.
    /// </summary>
    private string? StructuurFout(CsvRecord record)
    {
        if (record.Fout is not null)
        {
            return record.Fout;
        }

        var aantal = record.Velden.Count;
        while (aantal > kolommen.AantalKolommen && record.Velden[aantal - 1].Trim().Length == 0)
        {
            aantal--;
        }
        return aantal == kolommen.AantalKolommen
            ? null
            : $"Rij heeft {aantal} velden, de kopregel {kolommen.AantalKolommen}";
    }

    private static string? Klantnummer(Rij rij)
    {
        var waarde = Verplicht(rij, BestandKolommen.Klantnummer, "Klantnummer", MaxKlantnummerLengte);
        if (waarde is null)
        {
            return null;
        }
        if (!waarde.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            rij.Fout(BestandKolommen.Klantnummer, "Klantnummer mag alleen letters, cijfers en '-' bevatten");
            return null;
        }
        return waarde;
    }

    private static string? BsnVeld(Rij rij)
    {
        var waarde = rij.Waarde(BestandKolommen.Bsn);
        if (waarde.Length == 0)
        {
            return null;
        }
        if (!waarde.All(char.IsAsciiDigit) || waarde.Length is not (8 or 9))
        {
            rij.Fout(BestandKolommen.Bsn, "BSN moet uit 9 cijfers bestaan");
            return null;
        }

        var bsn = Bsn.Normaliseer(waarde);
        if (bsn is null)
        {
            rij.Fout(BestandKolommen.Bsn, "BSN voldoet niet aan de elfproef");
        }
        return bsn;
    }

    private DateOnly? Geboortedatum(Rij rij)
    {
        var datum = VerplichteDatum(rij, BestandKolommen.Geboortedatum, "Geboortedatum");
        if (datum is null)
        {
            return null;
        }

        var leeftijd = BestandDatum.Leeftijd(datum.Value, importdatum);
        if (leeftijd is < MinLeeftijd or > MaxLeeftijd)
        {
            rij.Fout(BestandKolommen.Geboortedatum,
                $"Leeftijd is {leeftijd} jaar; verwacht {MinLeeftijd} tot en met {MaxLeeftijd}");
            return null;
        }
        return datum;
    }

    private DateOnly? Startdatum(Rij rij, DateOnly? geboortedatum)
    {
        var datum = VerplichteDatum(rij, BestandKolommen.StartdatumUitkering, "Startdatum uitkering");
        if (datum is not null && geboortedatum is not null && datum < geboortedatum)
        {
            rij.Fout(BestandKolommen.StartdatumUitkering, "Startdatum uitkering ligt vóór de geboortedatum");
            return null;
        }
        return datum;
    }

    private static string? Postcode(Rij rij)
    {
        var waarde = Verplicht(rij, BestandKolommen.Postcode, "Postcode", int.MaxValue);
        if (waarde is null)
        {
            return null;
        }

        var postcode = PostcodeNotatie.Normaliseer(waarde);
        if (postcode is null)
        {
            rij.Fout(BestandKolommen.Postcode, "Postcode moet de vorm 1234 AB hebben");
        }
        return postcode;
    }

    private static Huishouden? HuishoudenVeld(Rij rij)
    {
        var waarde = Verplicht(rij, BestandKolommen.Huishouden, "Huishouden", int.MaxValue);
        if (waarde is null)
        {
            return null;
        }
        if (HuishoudenTekst.TryParse(waarde, out var huishouden))
        {
            return huishouden;
        }

        rij.Fout(BestandKolommen.Huishouden, $"Onbekend huishouden '{Kort(waarde)}' ({HuishoudenTekst.Verwachting})");
        return null;
    }

    /// <summary>
    /// The CBS gemeentecode, four digits; a spreadsheet that dropped the leading zero (453) is read as 0453. Required
    /// when the dienst serves several gemeenten, and then one of them; with one, empty means that one.
    /// </summary>
    private string? GemeenteVeld(Rij rij)
    {
        var waarde = rij.Waarde(BestandKolommen.Gemeente);
        if (waarde.Length == 0)
        {
            if (gemeenten.Count > 1) rij.Fout(BestandKolommen.Gemeente, "Gemeente ontbreekt (de CBS-gemeentecode, bijvoorbeeld 0453)");
            return null;
        }
        var code = waarde.Length is > 0 and < 4 && waarde.All(char.IsAsciiDigit) ? waarde.PadLeft(4, '0') : waarde;
        if (code.Length != 4 || !code.All(char.IsAsciiDigit))
        {
            rij.Fout(BestandKolommen.Gemeente, $"'{Kort(waarde)}' is geen CBS-gemeentecode (vier cijfers)");
            return null;
        }
        if (gemeenten.Count > 0 && !gemeenten.Contains(code))
        {
            rij.Fout(BestandKolommen.Gemeente, $"Gemeente {code} hoort niet bij deze dienst ({string.Join(", ", gemeenten)})");
            return null;
        }
        return code;
    }

    private (DateOnly? Einddatum, string? Reden) Beeindiging(Rij rij, DateOnly? startdatum)
    {
        var einddatum = OptioneleDatum(rij, BestandKolommen.EinddatumUitkering, "Einddatum uitkering");
        if (einddatum is not null && startdatum is not null && einddatum < startdatum)
        {
            rij.Fout(BestandKolommen.EinddatumUitkering, "Einddatum uitkering ligt vóór de startdatum uitkering");
            einddatum = null;
        }
        var reden = rij.Waarde(BestandKolommen.RedenBeeindiging);
        if (reden.Length == 0) return (einddatum, null);
        if (reden.Length > MaxRedenLengte)
        {
            rij.Fout(BestandKolommen.RedenBeeindiging, $"Reden beëindiging is langer dan {MaxRedenLengte} tekens");
            return (einddatum, null);
        }
        if (rij.Waarde(BestandKolommen.EinddatumUitkering).Length == 0)
        {
            rij.Fout(BestandKolommen.RedenBeeindiging, "Reden beëindiging zonder einddatum uitkering");
            return (null, null);
        }
        return (einddatum, reden);
    }

    private static Doelgroepen DoelgroepenVeld(Rij rij) => new()
    {
        Statushouder = JaNeeVeld(rij, BestandKolommen.Statushouder),
        SchoolverlaterProVso = JaNeeVeld(rij, BestandKolommen.SchoolverlaterProVso),
        Arbeidsbeperking = JaNeeVeld(rij, BestandKolommen.Arbeidsbeperking),
        Doelgroepregister = JaNeeVeld(rij, BestandKolommen.Doelgroepregister),
    };

    private static bool JaNeeVeld(Rij rij, string kolom)
    {
        var waarde = rij.Waarde(kolom);
        if (JaNee.TryParse(waarde, out var ja))
        {
            return ja;
        }

        rij.Fout(kolom, $"'{Kort(waarde)}' is geen ja of nee (ja, nee, j, n, true, false, 1 of 0)");
        return false;
    }

    private DateOnly? VerplichteDatum(Rij rij, string kolom, string label)
    {
        if (rij.Waarde(kolom).Length == 0)
        {
            rij.Fout(kolom, $"{label} ontbreekt");
            return null;
        }
        return OptioneleDatum(rij, kolom, label);
    }

    private DateOnly? OptioneleDatum(Rij rij, string kolom, string label)
    {
        var waarde = rij.Waarde(kolom);
        if (waarde.Length == 0)
        {
            return null;
        }
        if (!BestandDatum.TryParse(waarde, out var datum))
        {
            rij.Fout(kolom, $"{label} is geen geldige datum ({BestandDatum.Verwachting})");
            return null;
        }
        if (datum > importdatum)
        {
            rij.Fout(kolom, $"{label} ligt in de toekomst");
            return null;
        }
        return datum;
    }

    private static string? Verplicht(Rij rij, string kolom, string label, int maxLengte)
    {
        var waarde = rij.Waarde(kolom);
        if (waarde.Length == 0)
        {
            rij.Fout(kolom, $"{label} ontbreekt");
            return null;
        }
        if (waarde.Length > maxLengte)
        {
            rij.Fout(kolom, $"{label} is langer dan {maxLengte} tekens");
            return null;
        }
        return waarde;
    }

    private static string Kort(string waarde) =>
        waarde.Length <= MaxGetoondeLengte ? waarde : waarde[..MaxGetoondeLengte] + "…";

    /// <summary>One record's trimmed values and the errors found so far.</summary>
    private sealed class Rij(CsvRecord record, KolomIndeling kolommen)
    {
        public List<RijFout> Fouten { get; } = [];

        public int Regel => record.Regel;

        public string Waarde(string kolom) => kolommen.Waarde(record.Velden, kolom).Trim();

        public void Fout(string kolom, string reden) => Fouten.Add(new RijFout(record.Regel, kolom, reden));
    }
}
