using System.ComponentModel.DataAnnotations;
using KenJeKlant.Abstractions.Campagnes;

namespace KenJeKlant.Grains.Beleid;

/// <summary>
/// Defaults for a new campaign (a programmaleider may override each one) and how the campaign
/// machinery paces itself. Configuration section <c>Beleid:Campagne</c>.
/// </summary>
public sealed class CampagneBeleid
{
    public const string Sectie = "Beleid:Campagne";

    // Defaults for a campaign's set-up.
    public int PeriodeMaanden { get; set; } = 18;
    public CampagneVolgorde Volgorde { get; set; } = CampagneVolgorde.LangstNietGesprokenEerst;
    public int GesprekkenPerDag { get; set; } = 4;
    public int SlotMinuten { get; set; } = 45;
    public TimeOnly Begintijd { get; set; } = new(9, 0);
    public TimeOnly Eindtijd { get; set; } = new(16, 30);
    public List<DayOfWeek> Werkdagen { get; set; } = [];
    /// <summary>Gemeente-wide days without gesprekken; filled with the national holidays 2026–2028 when empty.</summary>
    public List<DateOnly> Feestdagen { get; set; } = [];
    public int UitnodigingDagenVooraf { get; set; } = 10;
    public int HerinneringDagenVooraf { get; set; } = 2;
    public int SignaalNaAantal { get; set; } = 2;
    public int MaximaalUitnodigingen { get; set; } = 3;

    // Pacing of the machinery.
    /// <summary>
    /// An invitation that can no longer go out this many days before its slot (or half the campaign's own
    /// lead time, when that is shorter) gets a new slot instead.
    /// </summary>
    [Range(0, 60)]
    public int UitnodigingMinimaalDagenVooraf { get; set; } = 3;
    /// <summary>Gesprekken (with their invitations) written per transaction during the fan-out.</summary>
    [Range(1, 100_000)]
    public int Batchgrootte { get; set; } = 1000;
    /// <summary>Klantmanager werklijsten told of a batch at the same time (each may activate and read the database).</summary>
    [Range(1, 1024)]
    public int WerklijstenTegelijk { get; set; } = 8;
    /// <summary>How often an active campaign looks at the clock.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan Tik { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Longest stretch of work in one turn, so API calls to the campaign are never kept waiting long.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan WerkPerBeurt { get; set; } = TimeSpan.FromMilliseconds(250);
    /// <summary>Reminder period that brings an unfinished campaign back after a restart (Orleans' minimum is one minute).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan Controle { get; set; } = TimeSpan.FromMinutes(1);

    public void VulStandaarden()
    {
        if (Werkdagen.Count == 0)
            Werkdagen.AddRange([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);
        if (Feestdagen.Count == 0)
        {
            // Nieuwjaarsdag, Goede Vrijdag, tweede paasdag, Koningsdag, Hemelvaart, tweede pinksterdag, Kerst.
            Feestdagen.AddRange(NationaleFeestdagen.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    private static readonly string[] NationaleFeestdagen =
    [
        "2026-01-01", "2026-04-03", "2026-04-06", "2026-04-27", "2026-05-14", "2026-05-25", "2026-12-25", "2026-12-26",
        "2027-01-01", "2027-03-26", "2027-03-29", "2027-04-27", "2027-05-06", "2027-05-17", "2027-12-25", "2027-12-26",
        "2028-01-01", "2028-04-14", "2028-04-17", "2028-04-27", "2028-05-25", "2028-06-05", "2028-12-25", "2028-12-26",
    ];

    /// <summary>A complete definition from what the programmaleider gave; everything left out comes from this policy.</summary>
    public CampagneDefinitie Definitie(string naam, CampagneSelectie? selectie, DateOnly vandaag,
        DateOnly? periodeVan = null, DateOnly? periodeTot = null, CampagneVolgorde? volgorde = null,
        CapaciteitInstelling? capaciteit = null, int? uitnodigingDagenVooraf = null, int? herinneringDagenVooraf = null,
        NietVerschenenBeleid? nietVerschenen = null)
    {
        var van = periodeVan ?? vandaag;
        return new CampagneDefinitie
        {
            Naam = naam,
            Selectie = selectie ?? CampagneSelectie.HeleBestand,
            PeriodeVan = van,
            PeriodeTot = periodeTot ?? van.AddMonths(PeriodeMaanden),
            Volgorde = volgorde ?? Volgorde,
            Capaciteit = capaciteit ?? StandaardCapaciteit(),
            UitnodigingDagenVooraf = uitnodigingDagenVooraf ?? UitnodigingDagenVooraf,
            HerinneringDagenVooraf = herinneringDagenVooraf ?? HerinneringDagenVooraf,
            NietVerschenen = nietVerschenen ?? new NietVerschenenBeleid { SignaalNaAantal = SignaalNaAantal, MaximaalUitnodigingen = MaximaalUitnodigingen },
        };
    }

    public CapaciteitInstelling StandaardCapaciteit() => new()
    {
        GesprekkenPerDag = GesprekkenPerDag,
        SlotMinuten = SlotMinuten,
        Begintijd = Begintijd,
        Eindtijd = Eindtijd,
        Werkdagen = [.. Werkdagen],
        Feestdagen = [.. Feestdagen],
    };
}
