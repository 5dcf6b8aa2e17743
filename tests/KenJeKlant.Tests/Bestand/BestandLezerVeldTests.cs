using KenJeKlant.Abstractions;
using KenJeKlant.Bestand;
using static KenJeKlant.Tests.Bestand.BestandTestHulp;

namespace KenJeKlant.Tests.Bestand;

/// <summary>Field-by-field validation of one row.</summary>
public class BestandLezerVeldTests
{
    [Fact]
    public async Task GeldigeRijWordtEenKlantProfiel()
    {
        var rij = await EnigeRijAsync(GeldigeRij().Met("laatste_gesprek", "2025-11-03"));

        Assert.Empty(rij.Fouten);
        Assert.Equal(2, rij.Regel);
        var verwacht = new KlantProfiel
        {
            Klantnummer = "K0000001",
            Bsn = "123456782",
            Naam = "Anna de Vries",
            Geboortedatum = new DateOnly(1980, 3, 12),
            Postcode = "2011AB",
            Wijk = "Centrum",
            Huishouden = Huishouden.Alleenstaand,
            StartdatumUitkering = new DateOnly(2019, 6, 1),
            Doelgroepen = new Doelgroepen { Arbeidsbeperking = true },
            Klantmanager = "KM001",
            LaatsteGesprek = new DateOnly(2025, 11, 3),
        };
        Assert.Equal(verwacht, rij.Klant);
    }

    [Fact]
    public async Task LegeOptioneleVeldenWordenNull()
    {
        var rij = await EnigeRijAsync(GeldigeRij()
            .Met("bsn", "").Met("wijk", " ").Met("laatste_gesprek", "")
            .Met("statushouder", "").Met("arbeidsbeperking", ""));

        var klant = Assert.IsType<KlantProfiel>(rij.Klant);
        Assert.Null(klant.Bsn);
        Assert.Null(klant.Wijk);
        Assert.Null(klant.LaatsteGesprek);
        Assert.Equal(Doelgroepen.Geen, klant.Doelgroepen);
    }

    [Fact]
    public async Task BsnVanAchtCijfersKrijgtVoorloopnul()
    {
        var rij = await EnigeRijAsync(GeldigeRij().Met("bsn", "12345672"));
        Assert.Equal("012345672", rij.Klant?.Bsn);
    }

    [Theory]
    [InlineData("klantnummer")]
    [InlineData("naam")]
    [InlineData("geboortedatum")]
    [InlineData("postcode")]
    [InlineData("huishouden")]
    [InlineData("startdatum_uitkering")]
    [InlineData("klantmanager")]
    public async Task OntbrekendVerplichtVeldIsEenFout(string kolom)
    {
        var rij = await EnigeRijAsync(GeldigeRij().Met(kolom, "  "));

        Assert.Null(rij.Klant);
        var fout = Assert.Single(rij.Fouten);
        Assert.Equal(new RijFout(2, kolom, fout.Reden), fout);
        Assert.EndsWith("ontbreekt", fout.Reden, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("123456789", "BSN voldoet niet aan de elfproef")]
    [InlineData("000000000", "BSN voldoet niet aan de elfproef")]
    [InlineData("1234567", "BSN moet uit 9 cijfers bestaan")]
    [InlineData("12345678X", "BSN moet uit 9 cijfers bestaan")]
    public async Task OngeldigBsnWordtGemeld(string bsn, string reden)
    {
        var rij = await EnigeRijAsync(GeldigeRij().Met("bsn", bsn));

        Assert.Equal(new RijFout(2, "bsn", reden), Assert.Single(rij.Fouten));
        Assert.DoesNotContain(bsn, reden, StringComparison.Ordinal); // a BSN never ends up in an error report
    }

    [Theory]
    [InlineData("31-02-1980")]
    [InlineData("1980/03/12")]
    [InlineData("12-03-80")]
    [InlineData("gisteren")]
    [InlineData("03/12/1980")]
    public async Task OngeldigeDatumWordtGemeld(string datum)
    {
        var rij = await EnigeRijAsync(GeldigeRij().Met("geboortedatum", datum));

        var fout = Assert.Single(rij.Fouten);
        Assert.Equal("geboortedatum", fout.Veld);
        Assert.Equal("Geboortedatum is geen geldige datum (verwacht dd-mm-jjjj of jjjj-mm-dd)", fout.Reden);
    }

    [Theory]
    [InlineData("12-03-1980")]
    [InlineData("2-3-1980")]
    [InlineData("1980-03-02")]
    public async Task NederlandseEnIsoDatumsWordenGelezen(string datum)
    {
        var rij = await EnigeRijAsync(GeldigeRij().Met("geboortedatum", datum));

        Assert.Equal(1980, rij.Klant?.Geboortedatum.Year);
        Assert.Equal(3, rij.Klant?.Geboortedatum.Month);
    }

    /// <summary>
    /// The rule for a date is DateOnly.TryParseExact with the two formats the reader names; the reader takes a faster road
    /// for the usual shapes, and this checks on thousands of seeded strings, near-misses included, that it reads every
    /// one exactly as that rule does: the same date, or the same refusal.
    /// </summary>
    [Fact]
    public async Task DatumLeestAlsTryParseExact()
    {
        var random = new Random(20261204);
        var teksten = Enumerable.Range(0, 3000).Select(_ => WillekeurigeDatum(random)).Where(t => t.Trim().Length > 0).ToList();
        var rijen = teksten.Select((t, i) => GeldigeRij($"K{i + 1:D7}").Met("laatste_gesprek", t)).ToArray();

        var gelezen = await LeesRijenAsync(Csv(';', rijen));

        Assert.Equal(teksten.Count, gelezen.Count);
        var gelukt = 0;
        foreach (var (tekst, rij) in teksten.Zip(gelezen))
        {
            var fouten = rij.Fouten.Where(f => f.Veld == "laatste_gesprek").Select(f => f.Reden).ToList();
            if (!DateOnly.TryParseExact(tekst.Trim(), ["d-M-yyyy", "yyyy-M-d"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var verwacht))
                Assert.True(fouten.SequenceEqual(["Laatste gesprek is geen geldige datum (verwacht dd-mm-jjjj of jjjj-mm-dd)"]), $"'{tekst}': {string.Join(", ", fouten)}");
            else if (verwacht > Importdatum)
                Assert.True(fouten.SequenceEqual(["Laatste gesprek ligt in de toekomst"]), $"'{tekst}': {string.Join(", ", fouten)}");
            else
            {
                Assert.True(fouten.Count == 0, $"'{tekst}': {string.Join(", ", fouten)}");
                Assert.Equal(verwacht, rij.Klant?.LaatsteGesprek);
                gelukt++;
            }
        }
        // The generator hits both sides often: most strings are dates, many are not.
        Assert.InRange(gelukt, teksten.Count / 4, teksten.Count * 3 / 4);
    }

    // Dutch and ISO shapes with numbers of 1 to 5 digits (0 and impossible days and months included), now and then another
    // separator, a letter instead of a digit, or spaces around it.
    private static string WillekeurigeDatum(Random random)
    {
        string Getal(int max, int minCijfers, int maxCijfers) => random.Next(max).ToString(System.Globalization.CultureInfo.InvariantCulture)
            .PadLeft(random.Next(minCijfers, maxCijfers + 1), '0');
        var jaar = random.Next(10) == 0 ? Getal(100_000, 1, 5) : (1900 + random.Next(130)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (dag, maand) = (Getal(random.Next(6) == 0 ? 40 : 32, 1, 2), Getal(random.Next(6) == 0 ? 20 : 13, 1, 2));
        var tekst = random.Next(2) == 0 ? $"{dag}-{maand}-{jaar}" : $"{jaar}-{maand}-{dag}";
        var tekens = tekst.ToCharArray();
        if (random.Next(8) == 0) tekens[random.Next(tekens.Length)] = "/. x0"[random.Next(5)];
        tekst = new string(tekens);
        return random.Next(8) == 0 ? $" {tekst}  " : tekst;
    }

    [Theory]
    [InlineData("startdatum_uitkering", "16-01-2026", "Startdatum uitkering ligt in de toekomst")]
    [InlineData("laatste_gesprek", "2026-02-01", "Laatste gesprek ligt in de toekomst")]
    [InlineData("geboortedatum", "01-01-2030", "Geboortedatum ligt in de toekomst")]
    public async Task DatumInDeToekomstWordtGemeld(string kolom, string datum, string reden)
    {
        var rij = await EnigeRijAsync(GeldigeRij().Met(kolom, datum));
        Assert.Equal(new RijFout(2, kolom, reden), Assert.Single(rij.Fouten));
    }

    [Fact]
    public async Task DatumOpDeImportdagIsNietInDeToekomst()
    {
        var rij = await EnigeRijAsync(GeldigeRij().Met("startdatum_uitkering", "15-01-2026").Met("laatste_gesprek", "2026-01-15"));
        Assert.True(rij.IsGeldig);
    }

    [Theory]
    [InlineData("16-01-2011", "Leeftijd is 14 jaar; verwacht 15 tot en met 110")]
    [InlineData("14-01-1915", "Leeftijd is 111 jaar; verwacht 15 tot en met 110")]
    public async Task LeeftijdBuitenGrenzenWordtGemeld(string geboortedatum, string reden)
    {
        var rij = await EnigeRijAsync(GeldigeRij().Met("geboortedatum", geboortedatum).Met("startdatum_uitkering", "01-01-2026"));
        Assert.Equal(new RijFout(2, "geboortedatum", reden), Assert.Single(rij.Fouten));
    }

    [Theory]
    [InlineData("15-01-2011")] // 15 today
    [InlineData("16-01-1915")] // still 110
    public async Task LeeftijdOpDeGrensIsGeldig(string geboortedatum)
    {
        var rij = await EnigeRijAsync(GeldigeRij().Met("geboortedatum", geboortedatum).Met("startdatum_uitkering", "01-01-2026"));
        Assert.True(rij.IsGeldig, string.Join("; ", rij.Fouten));
    }

    [Fact]
    public async Task StartdatumVoorGeboortedatumWordtGemeld()
    {
        var rij = await EnigeRijAsync(GeldigeRij().Met("startdatum_uitkering", "01-01-1979"));
        Assert.Equal(new RijFout(2, "startdatum_uitkering", "Startdatum uitkering ligt vóór de geboortedatum"), Assert.Single(rij.Fouten));
    }

    [Theory]
    [InlineData("2011 AB", "2011AB")]
    [InlineData("2011ab", "2011AB")]
    [InlineData(" 2037 zz ", "2037ZZ")]
    public async Task PostcodeWordtGenormaliseerd(string postcode, string verwacht)
    {
        var rij = await EnigeRijAsync(GeldigeRij().Met("postcode", postcode));
        Assert.Equal(verwacht, rij.Klant?.Postcode);
    }

    [Theory]
    [InlineData("201AB")]
    [InlineData("0123AB")]
    [InlineData("2011 A")]
    [InlineData("2011-AB")]
    [InlineData("AB 2011")]
    [InlineData("2011ÄB")]
    public async Task OngeldigePostcodeWordtGemeld(string postcode)
    {
        var rij = await EnigeRijAsync(GeldigeRij().Met("postcode", postcode));
        Assert.Equal(new RijFout(2, "postcode", "Postcode moet de vorm 1234 AB hebben"), Assert.Single(rij.Fouten));
    }

    [Theory]
    [InlineData("alleenstaand", Huishouden.Alleenstaand)]
    [InlineData("Alleenstaande ouder", Huishouden.AlleenstaandeOuder)]
    [InlineData("alleenstaande-ouder", Huishouden.AlleenstaandeOuder)]
    [InlineData("SAMENWONEND", Huishouden.Samenwonend)]
    [InlineData("samenwonend_met_kinderen", Huishouden.SamenwonendMetKinderen)]
    [InlineData("Samenwonend-met kinderen", Huishouden.SamenwonendMetKinderen)]
    public async Task HuishoudenVariantenWordenHerkend(string tekst, Huishouden verwacht)
    {
        var rij = await EnigeRijAsync(GeldigeRij().Met("huishouden", tekst));
        Assert.Equal(verwacht, rij.Klant?.Huishouden);
    }

    [Fact]
    public async Task OnbekendHuishoudenWordtGemeld()
    {
        var rij = await EnigeRijAsync(GeldigeRij().Met("huishouden", "gehuwd"));

        var fout = Assert.Single(rij.Fouten);
        Assert.Equal("huishouden", fout.Veld);
        Assert.StartsWith("Onbekend huishouden 'gehuwd'", fout.Reden, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja", true)]
    [InlineData("J", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("Nee", false)]
    [InlineData("n", false)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("", false)]
    public async Task JaNeeVariantenWordenHerkend(string tekst, bool verwacht)
    {
        var rij = await EnigeRijAsync(GeldigeRij().Met("statushouder", tekst).Met("doelgroepregister", tekst));

        Assert.Equal(verwacht, rij.Klant?.Doelgroepen.Statushouder);
        Assert.Equal(verwacht, rij.Klant?.Doelgroepen.Doelgroepregister);
    }

    [Fact]
    public async Task OngeldigeJaNeeWaardeWordtGemeld()
    {
        var rij = await EnigeRijAsync(GeldigeRij().Met("schoolverlater_pro_vso", "misschien"));

        var fout = Assert.Single(rij.Fouten);
        Assert.Equal("schoolverlater_pro_vso", fout.Veld);
        Assert.StartsWith("'misschien' is geen ja of nee", fout.Reden, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("K 001", "Klantnummer mag alleen letters, cijfers en '-' bevatten")]
    [InlineData("K_001", "Klantnummer mag alleen letters, cijfers en '-' bevatten")]
    [InlineData("K12345678901234567890", "Klantnummer is langer dan 20 tekens")]
    public async Task OngeldigKlantnummerWordtGemeld(string klantnummer, string reden)
    {
        var rij = await EnigeRijAsync(GeldigeRij().Met("klantnummer", klantnummer));

        Assert.Equal(new RijFout(2, "klantnummer", reden), Assert.Single(rij.Fouten));
        Assert.Null(rij.Klantnummer);
    }

    [Fact]
    public async Task KlantnummerMetStreepjeIsGeldig()
    {
        var rij = await EnigeRijAsync(GeldigeRij().Met("klantnummer", "HLM-2017-00042"));
        Assert.Equal("HLM-2017-00042", rij.Klant?.Klantnummer);
    }

    [Fact]
    public async Task AlleFoutenVanEenRijWordenGemeld()
    {
        var rij = await EnigeRijAsync(GeldigeRij()
            .Met("bsn", "123456789")
            .Met("naam", "")
            .Met("geboortedatum", "32-01-1980")
            .Met("postcode", "20AB")
            .Met("huishouden", "kamerbewoner")
            .Met("arbeidsbeperking", "soms"));

        Assert.Null(rij.Klant);
        Assert.Equal(
            ["bsn", "naam", "geboortedatum", "postcode", "huishouden", "arbeidsbeperking"],
            rij.Fouten.Select(f => f.Veld));
        Assert.All(rij.Fouten, f => Assert.Equal(2, f.Regel));
        // The row still names its client, so the beheerder can find it.
        Assert.Equal("K0000001", rij.Klantnummer);
    }
}
