using KenJeKlant.Abstractions.Klanten;

namespace KenJeKlant.Grains.Klanten;

/// <summary>Names the fields a new export changed, so the history says what changed (not the values: no BSN in history).</summary>
internal static class ProfielVerschil
{
    public static IReadOnlyList<string> Velden(KlantProfiel oud, KlantProfiel nieuw)
    {
        var velden = new List<string>();
        void Vergelijk<T>(string naam, T a, T b)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b)) velden.Add(naam);
        }
        Vergelijk("bsn", oud.Bsn, nieuw.Bsn);
        Vergelijk("naam", oud.Naam, nieuw.Naam);
        Vergelijk("geboortedatum", oud.Geboortedatum, nieuw.Geboortedatum);
        Vergelijk("postcode", oud.Postcode, nieuw.Postcode);
        Vergelijk("wijk", oud.Wijk, nieuw.Wijk);
        Vergelijk("huishouden", oud.Huishouden, nieuw.Huishouden);
        Vergelijk("startdatum uitkering", oud.StartdatumUitkering, nieuw.StartdatumUitkering);
        Vergelijk("doelgroepen", oud.Doelgroepen, nieuw.Doelgroepen);
        Vergelijk("klantmanager", oud.Klantmanager, nieuw.Klantmanager);
        Vergelijk("laatste gesprek", oud.LaatsteGesprek, nieuw.LaatsteGesprek);
        Vergelijk("gemeente", oud.Gemeente, nieuw.Gemeente);
        return velden;
    }
}
