namespace KenJeKlant.Abstractions.Klanten;

/// <summary>Leefvorm as the benefits system records it; it decides e.g. art. 9a cadences for alleenstaande ouders.</summary>
[GenerateSerializer, Alias("kjk.Huishouden")]
public enum Huishouden
{
    Alleenstaand = 0,
    AlleenstaandeOuder = 1,
    Samenwonend = 2,
    SamenwonendMetKinderen = 3,
}
