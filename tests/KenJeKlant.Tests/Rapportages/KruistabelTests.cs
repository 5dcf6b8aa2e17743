using KenJeKlant.Host.Rapportages;

namespace KenJeKlant.Tests.Rapportages;

/// <summary>Counts per gemeente made into one table.</summary>
public sealed class KruistabelTests
{
    [Fact]
    public void Zonder_gegevens_houdt_de_tabel_zijn_vorm_met_nullen()
    {
        var tabel = new Kruistabel("Besluiten", "Besluit", ["waarschuwing"], ["Aantal"]) { KolomTotaal = true, Aandeel = true }.Maak(["0453"]);

        Assert.Equal(["Aantal", "%"], tabel.Kolommen);
        Assert.Equal(["waarschuwing: 0 –", "Totaal: 0 –"], tabel.Rijen.Select(r => $"{r.Label}: {string.Join(' ', r.Cellen.Select(c => c.Weergave))}"));
    }

    [Fact]
    public void Samen_telt_de_gemeenten_op_en_toont_het_aandeel()
    {
        var tabel = new Kruistabel("Trede", "Trede", null, ["Aantal"]) { KolomTotaal = true, Aandeel = true }
            .Tel("0453", "trede 1", "Aantal", 30).Tel("0375", "trede 1", "Aantal", 10)
            .Tel("0453", "trede 2", "Aantal", 40).Tel("0375", "trede 2", "Aantal", 20)
            .Tel("0396", "trede 2", "Aantal", 99) // not asked for
            .Maak(["0453", "0375"]);

        Assert.Equal(["trede 1: 40 40,0 %", "trede 2: 60 60,0 %", "Totaal: 100 100,0 %"],
            tabel.Rijen.Select(r => $"{r.Label}: {string.Join(' ', r.Cellen.Select(c => c.Weergave))}"));
    }
}
