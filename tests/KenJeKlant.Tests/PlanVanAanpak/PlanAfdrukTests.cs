using System.Text;
using KenJeKlant.Abstractions.PlanVanAanpak;
using KenJeKlant.Host.PlanVanAanpak;
using PdfSharp.Pdf.IO;

namespace KenJeKlant.Tests.PlanVanAanpak;

/// <summary>The printable plan without a host: a long plan breaks over pages; a missing font is named, not guessed.</summary>
public sealed class PlanAfdrukTests
{
    private static Plan Plan(int afspraken) => new()
    {
        Klantnummer = "K1",
        Versie = 3,
        Doel = "Binnen een jaar betaald werk, met een ingewikkelde naam als Łukasz Çelik erbij.",
        VastgesteldDoor = "km1",
        VastgesteldOp = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero),
        Afspraken = [.. Enumerable.Range(1, afspraken).Select(i => new Afspraak
        {
            Id = Guid.NewGuid(),
            Omschrijving = $"Afspraak {i}: " + string.Join(" ", Enumerable.Repeat("een lange omschrijving die over meer regels loopt", 3)),
            Wie = AfspraakWie.Partner,
            Partner = "re-integratiepartner",
            Deadline = new DateOnly(2026, 12, 1).AddDays(i),
            Leefdomein = "werk",
            Status = i % 2 == 0 ? AfspraakStatus.NietNagekomen : AfspraakStatus.Open,
        })],
    };

    [Fact]
    public void Een_lang_plan_loopt_over_meer_paginas_door()
    {
        Lettertypen.Installeer(new AfdrukInstellingen());
        var pdf = PlanAfdrukPdf.Maak(new PlanAfdruk(Plan(12), "Łukasz Çelik", "Klantmanager KM001"));

        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        Assert.True(document.PageCount >= 2, $"{document.PageCount} pagina's");
        Assert.Contains("Niet gelukt. Hier praten we samen over.", PlanAfdrukHtml.Maak(new PlanAfdruk(Plan(2), "Anna", null)));
    }

    [Fact]
    public void Een_ontbrekend_lettertype_wordt_genoemd()
    {
        var melding = AfdrukInstellingen.Ontbreekt(new AfdrukInstellingen { Lettertype = "/bestaat/niet.ttf" });
        Assert.NotNull(melding);
        Assert.Contains("Afdruk:Lettertype", melding);
        Assert.Contains("fonts-liberation2", melding);
        Assert.Null(AfdrukInstellingen.Ontbreekt(new AfdrukInstellingen()));
    }
}
