using KenJeKlant.Abstractions.Bestand;

namespace KenJeKlant.Grains.Bestand;

/// <summary>
/// Where an import job keeps everything (PostgreSQL): its row, the uploaded file, the rows read from it
/// with their line numbers (staged, each with what applying it did) and the first errors and warnings.
/// Every write is idempotent or carries its own guard, so a step done twice after a crash changes nothing.
/// </summary>
public interface IBestandImportOpslag
{
    Task<ImportJob?> LeesAsync(Guid id, CancellationToken ct = default);

    /// <summary>The first <paramref name="maximaal"/> errors or warnings stored for the job, in file order.</summary>
    Task<IReadOnlyList<ImportMelding>> MeldingenAsync(Guid id, MeldingSoort soort, int maximaal, CancellationToken ct = default);

    /// <summary>The uploaded file as a seekable stream of its own (the caller disposes it).</summary>
    Task<Stream> OpenBestandAsync(Guid id, CancellationToken ct = default);

    /// <summary>The medewerker ids that may hold a caseload.</summary>
    Task<IReadOnlySet<string>> KlantmanagersAsync(CancellationToken ct = default);

    /// <summary>The CBS codes of the gemeenten the dienst serves (the bestand's gemeente column is checked against them).</summary>
    IReadOnlyList<string> Gemeenten { get; }

    /// <summary>Forgets what an interrupted read staged (rows and messages) and stores the job as reading from the top.</summary>
    Task BeginControleAsync(ImportJob job);

    /// <summary>One part of the file in one transaction: its rows, its messages and the job's counters.</summary>
    Task SchrijfGelezenAsync(ImportJob job, GelezenDeel deel);

    /// <summary>Valid rows after line <paramref name="naRegel"/> that have not been applied yet, in file order.</summary>
    Task<IReadOnlyList<TeVerwerkenRij>> TeVerwerkenAsync(Guid id, int naRegel, int aantal);

    /// <summary>The last line of the file that was staged (0 when none was): the end of a pass in line ranges.</summary>
    Task<int> LaatsteRegelAsync(Guid id);

    /// <summary>
    /// Writes in bulk, without a klant grain call, the clients never stored before among the pending rows on lines
    /// after <paramref name="naRegel"/> up to and including <paramref name="totRegel"/>: their state from
    /// <paramref name="nieuw"/> with their read-model rows, and those rows settled as <c>nieuw</c>, in one transaction.
    /// A client stored meanwhile by its grain is left to the grain. Parts over disjoint ranges may run at once.
    /// Returns how many it wrote.
    /// </summary>
    Task<int> ZetNieuwAsync(ImportJob job, int naRegel, int totRegel, Func<Abstractions.Klanten.KlantProfiel, Klanten.KlantState> nieuw);

    /// <summary>
    /// Settles in bulk the valid rows whose client already holds exactly this profile and is in the bestand — in its
    /// stored state and in its read-model row alike — as <c>ongewijzigd</c>, without a klant grain call (that call
    /// would change nothing), counted like <see cref="SchrijfToegepastAsync"/>: the pending rows on lines after
    /// <paramref name="naRegel"/> up to and including <paramref name="totRegel"/>. Returns how many it settled.
    /// </summary>
    Task<int> ZetOngewijzigdAsync(ImportJob job, int naRegel, int totRegel);

    /// <summary>
    /// Stores what applying these rows did and adds it to the job's counters, in one transaction; a row
    /// whose effect was already stored is not counted twice. Sets the job's counters to the stored ones (never back:
    /// parts that run at once may answer in any order).
    /// </summary>
    Task SchrijfToegepastAsync(ImportJob job, IReadOnlyList<(int Regel, Abstractions.Klanten.ImportEffect Effect)> effecten);

    /// <summary>Clients in the bestand whose klantnummer is on no row of this export.</summary>
    Task<int> TelUitBestandAsync(Guid id);

    /// <summary>The next <paramref name="aantal"/> of those, by klantnummer after <paramref name="na"/>.</summary>
    Task<IReadOnlyList<string>> UitBestandAsync(Guid id, string na, int aantal);

    /// <summary>Writes the job's row (a checkpoint, a new step).</summary>
    Task SchrijfAsync(ImportJob job);

    /// <summary>Writes the ended job and lets go of its file and staged rows; its messages stay for the report.</summary>
    Task RondAfAsync(ImportJob job);
}

public enum MeldingSoort
{
    Fout,
    Waarschuwing,
}

/// <summary>A row as staged: every row with a klantnummer (a refused row still keeps its client in the bestand), with the profile when it is valid.</summary>
public sealed record GelezenRij(int Regel, string Klantnummer, Abstractions.Klanten.KlantProfiel? Profiel);

/// <summary>A valid row still to apply.</summary>
public sealed record TeVerwerkenRij(int Regel, Abstractions.Klanten.KlantProfiel Profiel);

/// <summary>
/// What one read step found: the rows to stage, and the errors and warnings among the first
/// <see cref="ImportRapport.MaxGetoond"/> of each, numbered from <see cref="EersteFout"/> and
/// <see cref="EersteWaarschuwing"/> (their order in the file).
/// </summary>
public sealed record GelezenDeel(
    IReadOnlyList<GelezenRij> Rijen,
    int EersteFout,
    IReadOnlyList<ImportMelding> Fouten,
    int EersteWaarschuwing,
    IReadOnlyList<ImportMelding> Waarschuwingen,
    bool Klaar);
