using KenJeKlant.Bestand;

namespace KenJeKlant.Tests.Bestand;

/// <summary>
/// A national-size bestand (~400,000 clients) through generator and reader: both must stream.
/// Kept to one test because it writes ~46 MB to a temporary file.
/// </summary>
public class BestandGrootTests
{
    private const int Aantal = 400_000;
    private const int Meetpunt = 50_000;
    // Rows are not kept anywhere; what the heap may grow by between the two measurements is noise.
    private const long MaxGroei = 8 * 1024 * 1024;

    [Fact]
    public async Task VierhonderdDuizendRijenMetVlakGeheugen()
    {
        var peildatum = new DateOnly(2026, 1, 15);
        var pad = Path.GetTempFileName();
        try
        {
            await using (var uit = File.Create(pad))
            {
                await new SyntheticBestandGenerator(new SyntheticBestandOpties { Aantal = Aantal, Seed = 7, Peildatum = peildatum })
                    .SchrijfAsync(uit);
            }

            await using var invoer = File.OpenRead(pad);
            using var bestand = await BestandLezer.OpenAsync(invoer, new BestandLeesOpties { Importdatum = peildatum });
            var (aantal, geldig, geheugenBijMeetpunt, geheugenAanEinde) = await TelAsync(bestand);

            Assert.Equal(Aantal, aantal);
            Assert.Equal(Aantal, geldig);
            Assert.InRange(geheugenAanEinde - geheugenBijMeetpunt, long.MinValue, MaxGroei);
        }
        finally
        {
            File.Delete(pad);
        }
    }

    private static async Task<(int Aantal, int Geldig, long BijMeetpunt, long AanEinde)> TelAsync(GeopendBestand bestand)
    {
        var (aantal, geldig, bijMeetpunt) = (0, 0, 0L);
        await foreach (var rij in bestand.RijenAsync())
        {
            aantal++;
            geldig += rij.IsGeldig ? 1 : 0;
            if (aantal == Meetpunt)
            {
                bijMeetpunt = GC.GetTotalMemory(forceFullCollection: true);
            }
        }
        return (aantal, geldig, bijMeetpunt, GC.GetTotalMemory(forceFullCollection: true));
    }
}
