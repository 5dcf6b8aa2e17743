using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KenJeKlant.Abstractions;
using KenJeKlant.Bestand;

namespace KenJeKlant.Tests.Bestand;

public class SyntheticBestandGeneratorTests
{
    private static readonly DateOnly Peildatum = new(2026, 1, 15);
    private static readonly SyntheticBestandOpties Haarlem = new() { Aantal = 3_800, Seed = 2017, Peildatum = Peildatum };

    [Fact]
    public void ZelfdeSeedGeeftZelfdeBestandAndereSeedEenAnder()
    {
        var eerste = Bytes(Haarlem with { Aantal = 500 });
        var tweede = Bytes(Haarlem with { Aantal = 500 });
        var anders = Bytes(Haarlem with { Aantal = 500, Seed = 2018 });

        Assert.Equal(eerste, tweede);
        Assert.NotEqual(eerste, anders);
    }

    [Fact]
    public async Task AsynchroonSchrijvenGeeftDezelfdeBytes()
    {
        var opties = Haarlem with { Aantal = 300 };
        using var stream = new MemoryStream();

        await new SyntheticBestandGenerator(opties).SchrijfAsync(stream);

        Assert.Equal(Bytes(opties), stream.ToArray());
    }

    [Fact]
    public void FormaatIsPuntkommaUtf8MetBomEnNederlandseDatums()
    {
        var bytes = Bytes(Haarlem with { Aantal = 50 });

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var regels = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.Equal(
            "klantnummer;bsn;naam;geboortedatum;postcode;wijk;huishouden;startdatum_uitkering;statushouder;"
            + "schoolverlater_pro_vso;arbeidsbeperking;doelgroepregister;klantmanager;laatste_gesprek;"
            + "gemeente;einddatum_uitkering;reden_beeindiging",
            regels[0]);
        Assert.Equal(52, regels.Length); // kopregel, 50 clients, empty after the last CRLF
        Assert.Equal("", regels[^1]);
        Assert.All(regels[1..^1], regel =>
        {
            var velden = regel.Split(';');
            Assert.Equal(17, velden.Length);
            Assert.Matches(@"^\d{2}-\d{2}-\d{4}$", velden[3]);
            Assert.Matches(@"^\d{2}-\d{2}-\d{4}$", velden[7]);
            Assert.Matches(@"^(\d{2}-\d{2}-\d{4})?$", velden[13]);
        });
    }

    [Fact]
    public async Task AlleRijenDoorstaanDeValidatieVanDeLezer()
    {
        var rijen = await LeesTerugAsync(Haarlem);

        Assert.Equal(3_800, rijen.Count);
        Assert.All(rijen, r => Assert.True(r.IsGeldig, string.Join("; ", r.Fouten)));
    }

    [Fact]
    public async Task VerdelingVolgtDeHaarlemseCijfers()
    {
        var klanten = await KlantenAsync(Haarlem);

        AssertAandeel(0.68, 0.03, klanten, k => k.Huishouden == Huishouden.Alleenstaand);
        AssertAandeel(0.05, 0.015, klanten, k => k.Huishouden == Huishouden.AlleenstaandeOuder);
        AssertAandeel(0.27, 0.03, klanten, k => k.Huishouden is Huishouden.Samenwonend or Huishouden.SamenwonendMetKinderen);
        Assert.Contains(klanten, k => k.Huishouden == Huishouden.Samenwonend);
        Assert.Contains(klanten, k => k.Huishouden == Huishouden.SamenwonendMetKinderen);

        AssertAandeel(0.45, 0.03, klanten, k => Leeftijd(k) >= 45);
        Assert.All(klanten, k => Assert.InRange(Leeftijd(k), 18, 66));

        AssertAandeel(0.80, 0.03, klanten, k => k.StartdatumUitkering < Peildatum.AddYears(-1));
        AssertAandeel(0.32, 0.03, klanten, k => k.StartdatumUitkering < Peildatum.AddYears(-5));
        // The Participatiewet starts at 18.
        Assert.All(klanten, k => Assert.True(k.StartdatumUitkering >= k.Geboortedatum.AddYears(18)));

        AssertAandeel(0.85, 0.03, klanten, k => k.LaatsteGesprek is null);
        Assert.All(klanten.Where(k => k.LaatsteGesprek is not null), k =>
        {
            Assert.InRange(k.LaatsteGesprek!.Value, Peildatum.AddYears(-3), Peildatum);
            Assert.True(k.LaatsteGesprek >= k.StartdatumUitkering);
        });
    }

    [Fact]
    public async Task DoelgroepenKomenInKleineAandelenVoor()
    {
        var klanten = await KlantenAsync(Haarlem);

        AssertAandeel(0.10, 0.02, klanten, k => k.Doelgroepen.Statushouder);
        AssertAandeel(0.02, 0.01, klanten, k => k.Doelgroepen.SchoolverlaterProVso);
        AssertAandeel(0.15, 0.02, klanten, k => k.Doelgroepen.Arbeidsbeperking);
        AssertAandeel(0.05, 0.015, klanten, k => k.Doelgroepen.Doelgroepregister);
        Assert.All(klanten.Where(k => k.Doelgroepen.Doelgroepregister), k => Assert.True(k.Doelgroepen.Arbeidsbeperking));
        Assert.All(klanten.Where(k => k.Doelgroepen.SchoolverlaterProVso), k => Assert.True(Leeftijd(k) <= 27));
    }

    [Fact]
    public async Task BsnsZijnGeldigUniekEnMeestalAanwezig()
    {
        var klanten = await KlantenAsync(Haarlem);
        var bsns = klanten.Select(k => k.Bsn).OfType<string>().ToList();

        AssertAandeel(0.97, 0.01, klanten, k => k.Bsn is not null);
        Assert.All(bsns, bsn => Assert.True(Bsn.IsGeldig(bsn), bsn));
        Assert.Equal(bsns.Count, bsns.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task KlantnummersPostcodesNamenEnWijkenZijnPlausibel()
    {
        var klanten = await KlantenAsync(Haarlem);

        Assert.All(klanten, k => Assert.Matches(@"^K\d{7}$", k.Klantnummer));
        Assert.Equal(klanten.Count, klanten.Select(k => k.Klantnummer).Distinct(StringComparer.Ordinal).Count());
        Assert.All(klanten, k => Assert.InRange(int.Parse(k.Postcode[..4], CultureInfo.InvariantCulture), 2011, 2037));
        Assert.All(klanten, k => Assert.Matches("^[0-9]{4}[A-Z]{2}$", k.Postcode));
        Assert.All(klanten, k => Assert.Contains(" ", k.Naam, StringComparison.Ordinal));
        Assert.Contains(klanten, k => k.Naam.Any(c => c > 127)); // diacritics are there to be round-tripped
        Assert.Contains(klanten, k => k.Naam.Contains(" van ", StringComparison.Ordinal) || k.Naam.Contains(" de ", StringComparison.Ordinal));
        Assert.All(klanten.Select(k => k.Wijk).OfType<string>(), w => Assert.Contains(w, SyntheticBestandOpties.HaarlemseWijken));
        Assert.Equal(50, klanten.Select(k => k.Klantmanager).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task KlantmanagersEnWijkenZijnInTeStellen()
    {
        // A wijk with the separator and quotes must come back whole: the generator quotes per RFC 4180.
        const string Wijk = "Zandvoort \"Centrum\"; Noord";
        var opties = Haarlem with { Aantal = 400, Klantmanagers = ["KM100", "KM200"], Wijken = [Wijk] };

        var klanten = await KlantenAsync(opties);

        Assert.Equal(["KM100", "KM200"], klanten.Select(k => k.Klantmanager).Distinct().Order(StringComparer.Ordinal));
        Assert.All(klanten.Select(k => k.Wijk).OfType<string>(), w => Assert.Equal(Wijk, w));
    }

    [Fact]
    public void LegeLijstenWordenGeweigerd()
    {
        Assert.Throws<ArgumentException>(() => new SyntheticBestandGenerator(Haarlem with { Klantmanagers = [] }));
        Assert.Throws<ArgumentException>(() => new SyntheticBestandGenerator(Haarlem with { Wijken = [] }));
    }

    private static byte[] Bytes(SyntheticBestandOpties opties)
    {
        using var stream = new MemoryStream();
        new SyntheticBestandGenerator(opties).Schrijf(stream);
        return stream.ToArray();
    }

    private static async Task<List<BestandRij>> LeesTerugAsync(SyntheticBestandOpties opties)
    {
        using var stream = new MemoryStream(Bytes(opties));
        using var bestand = await BestandLezer.OpenAsync(stream, new BestandLeesOpties { Importdatum = opties.Peildatum });
        Assert.Null(bestand.Probleem);
        var validatie = new BestandValidatie(opties.Klantmanagers.ToHashSet(StringComparer.Ordinal));
        var rijen = new List<BestandRij>();
        await foreach (var rij in bestand.RijenAsync())
        {
            rijen.Add(validatie.Controleer(rij));
        }
        return rijen;
    }

    private static async Task<List<KlantProfiel>> KlantenAsync(SyntheticBestandOpties opties)
    {
        var rijen = await LeesTerugAsync(opties);
        return [.. rijen.Select(r => r.Klant ?? throw new InvalidOperationException(string.Join("; ", r.Fouten)))];
    }

    private static int Leeftijd(KlantProfiel klant)
    {
        var jaren = Peildatum.Year - klant.Geboortedatum.Year;
        return Peildatum < klant.Geboortedatum.AddYears(jaren) ? jaren - 1 : jaren;
    }

    private static void AssertAandeel(double verwacht, double marge, List<KlantProfiel> klanten, Func<KlantProfiel, bool> kenmerk)
    {
        var aandeel = (double)klanten.Count(kenmerk) / klanten.Count;
        Assert.InRange(aandeel, verwacht - marge, verwacht + marge);
    }
}
