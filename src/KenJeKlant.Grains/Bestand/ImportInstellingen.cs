using System.ComponentModel.DataAnnotations;

namespace KenJeKlant.Grains.Bestand;

/// <summary>How large an export may be and how the import job paces itself. Configuration section <c>Import</c>.</summary>
public sealed class ImportInstellingen
{
    public const string Sectie = "Import";

    /// <summary>Largest accepted export. 400,000 rows are about 60 MB.</summary>
    [Range(1, 4096)]
    public int MaxMegabytes { get; set; } = 256;

    /// <summary>Rows read and checked per write to the staging table.</summary>
    [Range(1, 100_000)]
    public int RegelsPerDeel { get; set; } = 1000;

    /// <summary>Rows applied to their klant grains per checkpoint (each row's effect is stored with it).</summary>
    [Range(1, 100_000)]
    public int Batchgrootte { get; set; } = 500;

    /// <summary>Staged rows looked at per transaction when writing clients never seen before in bulk (decision 29).</summary>
    [Range(1, 100_000)]
    public int NieuwPerDeel { get; set; } = 10_000;

    /// <summary>
    /// Bulk parts (staged rows, new clients, unchanged rows) in flight at once, over disjoint lines: one part is read or
    /// its states built on the silo while others are written, so the silo and PostgreSQL work at the same time.
    /// </summary>
    [Range(1, 16)]
    public int DelenTegelijk { get; set; } = 2;

    /// <summary>Klant grain calls in flight at once: enough to keep PostgreSQL busy without flooding the silo.</summary>
    [Range(1, 1024)]
    public int KlantenTegelijk { get; set; } = 64;

    /// <summary>Longest stretch of work in one turn, so the job answers its status (and a cancel) promptly.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan WerkPerBeurt { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Wait before trying again when a step could not go on (a klant grain out of reach).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan Tik { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Reminder period that brings a running import back after its silo died (Orleans' minimum is one minute).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan Controle { get; set; } = TimeSpan.FromMinutes(1);
}
