namespace KenJeKlant.Bestand;

/// <summary>
/// Column names of the bestand export. The reader matches them case-insensitively in any order;
/// the generator writes them in this order, in lower case.
/// </summary>
public static class BestandKolommen
{
    public const string Klantnummer = "klantnummer";
    public const string Bsn = "bsn";
    public const string Naam = "naam";
    public const string Geboortedatum = "geboortedatum";
    public const string Postcode = "postcode";
    public const string Wijk = "wijk";
    public const string Huishouden = "huishouden";
    public const string StartdatumUitkering = "startdatum_uitkering";
    public const string Statushouder = "statushouder";
    public const string SchoolverlaterProVso = "schoolverlater_pro_vso";
    public const string Arbeidsbeperking = "arbeidsbeperking";
    public const string Doelgroepregister = "doelgroepregister";
    public const string Klantmanager = "klantmanager";
    public const string LaatsteGesprek = "laatste_gesprek";
    /// <summary>The client's gemeente (CBS code); required when the dienst serves more than one.</summary>
    public const string Gemeente = "gemeente";
    /// <summary>Optional: the benefit ended on this date; the client leaves the bestand with it.</summary>
    public const string EinddatumUitkering = "einddatum_uitkering";
    /// <summary>Optional, with <see cref="EinddatumUitkering"/>: why the benefit ended, as the benefits system says it.</summary>
    public const string RedenBeeindiging = "reden_beeindiging";

    /// <summary>All known columns in export order.</summary>
    public static IReadOnlyList<string> Alle { get; } =
    [
        Klantnummer, Bsn, Naam, Geboortedatum, Postcode, Wijk, Huishouden, StartdatumUitkering,
        Statushouder, SchoolverlaterProVso, Arbeidsbeperking, Doelgroepregister, Klantmanager, LaatsteGesprek,
        Gemeente, EinddatumUitkering, RedenBeeindiging,
    ];

    /// <summary>Columns without which a file cannot be imported at all.</summary>
    public static IReadOnlyList<string> Verplicht { get; } =
    [
        Klantnummer, Naam, Geboortedatum, Postcode, Huishouden, StartdatumUitkering, Klantmanager,
    ];
}
