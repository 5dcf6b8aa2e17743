using KenJeKlant.Abstractions.Bestand;

namespace KenJeKlant.Grains.Bestand;

/// <summary>
/// One row of <c>bestand_import</c>: the job's set-up, where it stands and its counters. The row is the
/// job's one home; the grain running it keeps this copy and writes it at every checkpoint.
/// </summary>
public sealed class ImportJob
{
    public Guid Id { get; set; }
    public ImportStatus Status { get; set; }
    public ImportFase Fase { get; set; }
    public bool Controle { get; set; }
    public bool Gedeeltelijk { get; set; }
    /// <summary>The charset the upload's Content-Type named, or null: detected from the content.</summary>
    public string? Codering { get; set; }
    public string Door { get; set; } = "";
    public long Bytes { get; set; }
    /// <summary>The domain day of the upload: rows are judged against it, also when the job is resumed later.</summary>
    public DateOnly Importdatum { get; set; }
    public DateTimeOffset GestartOp { get; set; }
    public DateTimeOffset BijgewerktOp { get; set; }
    public DateTimeOffset? BeeindigdOp { get; set; }
    public int Regels { get; set; }
    public int Geldig { get; set; }
    public int Afgewezen { get; set; }
    public int AantalFouten { get; set; }
    public int AantalWaarschuwingen { get; set; }
    public int Toegepast { get; set; }
    public int Nieuw { get; set; }
    public int Gewijzigd { get; set; }
    public int Ongewijzigd { get; set; }
    public int TerugInBestand { get; set; }
    public int UitBestandTeDoen { get; set; }
    public int UitBestand { get; set; }
    public string? Titel { get; set; }
    public string? Melding { get; set; }

    public static ImportJob Maak(Guid id, string door, string? codering, bool gedeeltelijk, bool controle, DateOnly importdatum, DateTimeOffset nu) => new()
    {
        Id = id,
        Status = ImportStatus.Bezig,
        Fase = ImportFase.Controleren,
        Door = door,
        Codering = codering,
        Gedeeltelijk = gedeeltelijk,
        Controle = controle,
        Importdatum = importdatum,
        GestartOp = nu,
        BijgewerktOp = nu,
    };

    /// <summary>Reading starts (again) from the top: what an interrupted read counted is forgotten.</summary>
    public void BeginControle()
    {
        Fase = ImportFase.Controleren;
        Regels = Geldig = Afgewezen = AantalFouten = AantalWaarschuwingen = 0;
    }

    /// <summary>The job has ended; its heading and message say how.</summary>
    public void Beeindig(ImportStatus status, string titel, string? melding, DateTimeOffset nu)
    {
        Status = status;
        Titel = titel;
        Melding = melding;
        BeeindigdOp = nu;
        if (status == ImportStatus.Klaar) Fase = ImportFase.Afgerond;
    }

    /// <summary>
    /// The current step and how far it is: reading is measured in bytes of the file (<paramref name="bytesGelezen"/>
    /// so far), applying in rows, marking who left in clients.
    /// </summary>
    public (int Stap, long Gedaan, long Totaal) Stap(long bytesGelezen) => Fase switch
    {
        ImportFase.Controleren => (1, Status is ImportStatus.Klaar or ImportStatus.Mislukt ? Bytes : bytesGelezen, Bytes),
        ImportFase.Toepassen => (2, Toegepast, Geldig),
        ImportFase.UitBestand => (3, UitBestand, UitBestandTeDoen),
        _ => (Controle ? 1 : 3, 1, 1),
    };

    public ImportRapport Rapport(IReadOnlyList<ImportMelding> fouten, IReadOnlyList<ImportMelding> waarschuwingen) => new()
    {
        ImportId = Id,
        Geimporteerd = Status == ImportStatus.Klaar && !Controle,
        Gedeeltelijk = Gedeeltelijk,
        Controle = Controle,
        Regels = Regels,
        Nieuw = Nieuw,
        Gewijzigd = Gewijzigd,
        Ongewijzigd = Ongewijzigd,
        TerugInBestand = TerugInBestand,
        Afgewezen = Afgewezen,
        UitBestand = UitBestand,
        AantalFouten = AantalFouten,
        Fouten = fouten,
        AantalWaarschuwingen = AantalWaarschuwingen,
        Waarschuwingen = waarschuwingen,
        Melding = Melding,
    };

    public ImportStand Stand(IReadOnlyList<ImportMelding> fouten, IReadOnlyList<ImportMelding> waarschuwingen, ImportVoortgang voortgang) => new()
    {
        Id = Id,
        Status = Status,
        Fase = Fase,
        Controle = Controle,
        Gedeeltelijk = Gedeeltelijk,
        Door = Door,
        GestartOp = GestartOp,
        BeeindigdOp = BeeindigdOp,
        Bytes = Bytes,
        RegelsGelezen = Regels,
        RegelsGeldig = Geldig,
        RegelsToegepast = Toegepast,
        Afgewezen = Afgewezen,
        AantalFouten = AantalFouten,
        AantalWaarschuwingen = AantalWaarschuwingen,
        Fouten = fouten.Count <= ImportStand.MaxFoutenTijdensImport ? fouten : [.. fouten.Take(ImportStand.MaxFoutenTijdensImport)],
        Voortgang = voortgang,
        Titel = Titel,
        Melding = Melding,
        Rapport = Status == ImportStatus.Bezig ? null : Rapport(fouten, waarschuwingen),
    };
}
