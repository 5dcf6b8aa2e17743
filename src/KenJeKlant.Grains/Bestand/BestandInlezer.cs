using System.Text;
using KenJeKlant.Abstractions.Bestand;
using KenJeKlant.Bestand;

namespace KenJeKlant.Grains.Bestand;

/// <summary>
/// The first step of an import: reads the file once, in parts, checking every row and the cross-row rules
/// (<see cref="BestandValidatie"/>), and hands each part over for staging. Memory stays flat: the reader
/// streams, and only the set of klantnummers seen (for duplicates) grows with the file.
/// </summary>
public sealed class BestandInlezer : IAsyncDisposable
{
    private readonly Stream _bestand;
    private readonly GeopendBestand _lezing;
    private readonly IAsyncEnumerator<BestandRij>? _rijen;
    private readonly BestandValidatie _controle;

    private BestandInlezer(Stream bestand, GeopendBestand lezing, IReadOnlySet<string> klantmanagers)
    {
        _bestand = bestand;
        _lezing = lezing;
        _controle = new BestandValidatie(klantmanagers);
        // One pass over the rows across many turns of the job: no single turn's token can stop it.
        if (lezing.Probleem is null) _rijen = lezing.RijenAsync(CancellationToken.None).GetAsyncEnumerator(CancellationToken.None);
    }

    /// <summary>Why the file as a whole cannot be imported (no kopregel, missing columns, empty…), or null.</summary>
    public BestandProbleem? Probleem => _lezing.Probleem;

    /// <summary>How far into the file reading is, in bytes (a little ahead of the rows handed over: the reader buffers).</summary>
    public long BytesGelezen { get; private set; }

    public bool Klaar { get; private set; }

    /// <param name="bestand">The file, seekable (encoding detection scans it first); disposed with this reader.</param>
    /// <param name="codering">A charset the upload named, or null to detect it.</param>
    public static async Task<BestandInlezer> OpenAsync(Stream bestand, string? codering, DateOnly importdatum, IReadOnlySet<string> klantmanagers, IReadOnlyList<string> gemeenten, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bestand);
        try
        {
            var lezing = await BestandLezer.OpenAsync(bestand, new BestandLeesOpties { Importdatum = importdatum, Codering = Codering(codering), Gemeenten = gemeenten }, ct);
            return new BestandInlezer(bestand, lezing, klantmanagers);
        }
        catch
        {
            await bestand.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Reads up to <paramref name="maximaal"/> rows, counts them on <paramref name="job"/>, and returns what to
    /// stage: every row that names a klantnummer, and the errors and warnings among the first
    /// <see cref="ImportRapport.MaxGetoond"/> of each.
    /// </summary>
    public async Task<GelezenDeel> LeesAsync(ImportJob job, int maximaal)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (_rijen is null) throw new InvalidOperationException("Dit bestand is niet te lezen: " + Probleem?.Melding);
        var (eersteFout, eersteWaarschuwing) = (Math.Min(job.AantalFouten, ImportRapport.MaxGetoond), Math.Min(job.AantalWaarschuwingen, ImportRapport.MaxGetoond));
        List<GelezenRij> rijen = [];
        List<ImportMelding> fouten = [], waarschuwingen = [];
        for (var gelezen = 0; gelezen < maximaal; gelezen++)
        {
            if (!await _rijen.MoveNextAsync())
            {
                Klaar = true;
                break;
            }
            var rij = _controle.Controleer(_rijen.Current);
            job.Regels++;
            foreach (var w in rij.Waarschuwingen)
                if (job.AantalWaarschuwingen++ < ImportRapport.MaxGetoond) waarschuwingen.Add(new ImportMelding(w.Regel, w.Veld, w.Reden));
            if (rij.IsGeldig) job.Geldig++;
            else
            {
                job.Afgewezen++;
                foreach (var f in rij.Fouten)
                    if (job.AantalFouten++ < ImportRapport.MaxGetoond) fouten.Add(new ImportMelding(f.Regel, f.Veld, f.Reden));
            }
            // A refused row still names its client: that client stays in the bestand.
            if (rij.Klantnummer is { } nummer) rijen.Add(new GelezenRij(rij.Regel, nummer, rij.Klant));
        }
        BytesGelezen = Klaar ? _bestand.Length : _bestand.Position;
        return new GelezenDeel(rijen, eersteFout, fouten, eersteWaarschuwing, waarschuwingen, Klaar);
    }

    private static Encoding? Codering(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset)) return null;
        try
        {
            return Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return null; // an unknown charset label: the reader detects it from the content
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_rijen is not null) await _rijen.DisposeAsync();
        _lezing.Dispose();
        await _bestand.DisposeAsync();
    }
}
