using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Grains;
using KenJeKlant.Grains.Klanten;
using KenJeKlant.Host.Infrastructuur.Postgres;
using Npgsql;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace KenJeKlant.Host.Klanten;

/// <summary>
/// Where a klant grain's state lives: the <c>klant_staat</c> table, and in the same transaction the client's
/// <c>klant_overzicht</c> row, derived from that state — so the read model can never be behind the state it
/// shows. Reads and writes of many grains are grouped (<see cref="Groepeerder{TIn,TUit}"/>): one statement
/// and one commit for every write that arrived meanwhile, each grain still awaiting its own (decision 29).
/// The row's <c>versie</c> is the grain's ETag: a write from a stale activation is refused.
/// </summary>
public sealed class KlantOpslag : IGrainStorage, IAsyncDisposable
{
    // The names and null handling Orleans' System.Text.Json storage used (decision 3's stable names are on the types).
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private const string LeesSql = "SELECT klantnummer, versie, staat::text AS staat FROM klant_staat WHERE klantnummer = ANY(@klantnummers)";

    // New clients are inserted (a concurrent first write loses on the key), known ones updated only at the version
    // their activation read; what comes back succeeded, what does not was a conflict.
    private const string SchrijfSql = """
        WITH invoer AS (SELECT * FROM unnest(@klantnummers::text[], @verwacht::integer[], @staten::jsonb[]) AS i(klantnummer, verwacht, staat)),
        nieuw AS (
            INSERT INTO klant_staat (klantnummer, versie, staat, bijgewerkt_op)
            SELECT klantnummer, 1, staat, now() FROM invoer WHERE verwacht IS NULL
            ON CONFLICT (klantnummer) DO NOTHING
            RETURNING klantnummer, versie),
        bijgewerkt AS (
            UPDATE klant_staat k SET versie = k.versie + 1, staat = i.staat, bijgewerkt_op = now()
            FROM invoer i
            WHERE i.verwacht IS NOT NULL AND k.klantnummer = i.klantnummer AND k.versie = i.verwacht
            RETURNING k.klantnummer, k.versie)
        SELECT klantnummer, versie FROM nieuw UNION ALL SELECT klantnummer, versie FROM bijgewerkt
        """;

    // The read-model row; one that already shows all this is left alone (bijgewerkt_op alone does not count).
    private static readonly string OverzichtSql = PostgresKlantOverzichten.Overzicht.InsertUitArrays($"""
        ON CONFLICT (klantnummer) DO UPDATE SET {PostgresKlantOverzichten.Overzicht.ZetUitExcluded(PostgresKlantOverzichten.Overzicht.Behalve("klantnummer"))}
        WHERE {PostgresKlantOverzichten.Overzicht.VerschiltVanExcluded(PostgresKlantOverzichten.Overzicht.Behalve("klantnummer", "bijgewerkt_op"))}
        """);

    private readonly NpgsqlDataSource _db;
    private readonly Domeinklok _klok;
    private readonly Groepeerder<string, Gelezen?> _lezer;
    private readonly Groepeerder<Schrijven, int> _schrijver;
    private readonly string? _enigeGemeente;

    /// <summary>
    /// Owns <paramref name="db"/> (its own pool, so grain writes never wait behind the API's queries).
    /// <paramref name="enigeGemeente"/>: the dienst's only gemeente, written on every row whose profile names none.
    /// </summary>
    public KlantOpslag(NpgsqlDataSource db, Domeinklok klok, int werkers = 4, int maximaal = 500, string? enigeGemeente = null)
    {
        _db = db;
        _klok = klok;
        _enigeGemeente = enigeGemeente;
        _lezer = new Groepeerder<string, Gelezen?>(LeesAsync, werkers, maximaal);
        _schrijver = new Groepeerder<Schrijven, int>(SchrijfAsync, werkers, maximaal);
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var staat = Klant(grainState);
        var gelezen = await _lezer.VoerUitAsync(grainId.Key.ToString()!);
        staat.State = gelezen is null ? new KlantState() : JsonSerializer.Deserialize<KlantState>(gelezen.Staat, Json)!;
        staat.ETag = gelezen?.Versie.ToString(System.Globalization.CultureInfo.InvariantCulture);
        staat.RecordExists = gelezen is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var staat = Klant(grainState);
        var klantnummer = grainId.Key.ToString()!;
        int? verwacht = staat.ETag is null ? null : int.Parse(staat.ETag, System.Globalization.CultureInfo.InvariantCulture);
        var klant = staat.State ?? throw new InvalidOperationException($"Klant {klantnummer} heeft geen staat om op te slaan.");
        var overzicht = klant.Profiel is null ? null : MetGemeente(KlantOverzichtMapper.Van(klant, _klok.GetUtcNow()), _enigeGemeente);
        var versie = await _schrijver.VoerUitAsync(new Schrijven(klantnummer, verwacht, JsonSerializer.Serialize(klant, Json), overzicht));
        staat.ETag = versie.ToString(System.Globalization.CultureInfo.InvariantCulture);
        staat.RecordExists = true;
    }

    /// <summary>A client who leaves is never deleted (DOMAIN.md): nothing in KenJeKlant clears a klant's state.</summary>
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        throw new NotSupportedException("De staat van een klant wordt nooit gewist; anonimiseren is een eigen stap.");

    private static IGrainState<KlantState> Klant<T>(IGrainState<T> grainState) =>
        grainState as IGrainState<KlantState> ?? throw new NotSupportedException($"Opslag '{StorageNames.Klanten}' bewaart alleen KlantState, niet {typeof(T).Name}.");

    private async Task<IReadOnlyList<GroepUitkomst<Gelezen?>>> LeesAsync(IReadOnlyList<string> klantnummers)
    {
        await using var conn = await _db.OpenConnectionAsync();
        var rijen = (await conn.QueryAsync<Gelezen>(LeesSql, new { klantnummers = klantnummers.Distinct().ToArray() }))
            .ToDictionary(r => r.Klantnummer, StringComparer.Ordinal);
        return [.. klantnummers.Select(k => new GroepUitkomst<Gelezen?>(rijen.GetValueOrDefault(k), null))];
    }

    private async Task<IReadOnlyList<GroepUitkomst<int>>> SchrijfAsync(IReadOnlyList<Schrijven> batch)
    {
        // One grain awaits its write before its next, so a klantnummer twice in a batch means two activations
        // of one client (a moment of split brain): the first is written, the second refused like any stale write.
        var eerste = batch.Select((s, i) => (s, i)).GroupBy(x => x.s.Klantnummer, StringComparer.Ordinal).Select(g => g.First().i).ToHashSet();
        var teSchrijven = batch.Where((_, i) => eerste.Contains(i)).ToList();

        await using var conn = await _db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var versies = await SchrijfAsync(conn, tx, teSchrijven);
        await tx.CommitAsync();

        return [.. batch.Select((s, i) => eerste.Contains(i) && versies.TryGetValue(s.Klantnummer, out var versie)
            ? new GroepUitkomst<int>(versie, null)
            : new GroepUitkomst<int>(0, new InconsistentStateException(
                $"Klant {s.Klantnummer} is intussen door een andere activatie opgeslagen (versie {s.Verwacht?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nieuw"} is niet meer de laatste).")))];
    }

    /// <summary>
    /// Writes the states of clients never stored before (<see cref="NieuweKlant"/>), with their read-model rows, in
    /// the caller's transaction: the import's bulk path. A client stored meanwhile by its grain is left alone and
    /// not among the klantnummers returned. The rows say they were written when the client was taken in (domain clock).
    /// </summary>
    public static async Task<IReadOnlySet<string>> VoegNieuweToeAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<KlantState> nieuw, string? enigeGemeente = null)
    {
        ArgumentNullException.ThrowIfNull(nieuw);
        var schrijven = nieuw.Select(k => new Schrijven(k.Profiel!.Klantnummer, null, JsonSerializer.Serialize(k, Json),
            MetGemeente(KlantOverzichtMapper.Van(k, k.Historie[^1].Tijdstip), enigeGemeente))).ToList();
        return (await SchrijfAsync(conn, tx, schrijven)).Keys.ToHashSet(StringComparer.Ordinal);
    }

    // A profile from an export without a gemeente column names none; with one gemeente configured the client is that one's.
    private static KlantOverzicht MetGemeente(KlantOverzicht overzicht, string? enigeGemeente) =>
        overzicht.Gemeente is null && enigeGemeente is not null ? overzicht with { Gemeente = enigeGemeente } : overzicht;

    // One statement for the states, one for their read-model rows: the rows only of states that were written.
    private static async Task<Dictionary<string, int>> SchrijfAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<Schrijven> teSchrijven)
    {
        var versies = (await conn.QueryAsync<(string Klantnummer, int Versie)>(SchrijfSql, new
        {
            klantnummers = teSchrijven.Select(s => s.Klantnummer).ToArray(),
            verwacht = teSchrijven.Select(s => s.Verwacht).ToArray(),
            staten = teSchrijven.Select(s => s.Staat).ToArray(),
        }, tx)).ToDictionary(r => r.Klantnummer, r => r.Versie, StringComparer.Ordinal);
        var overzichten = teSchrijven.Where(s => s.Overzicht is not null && versies.ContainsKey(s.Klantnummer)).Select(s => s.Overzicht!).ToList();
        if (overzichten.Count > 0) await conn.ExecuteAsync(OverzichtSql, PostgresKlantOverzichten.Overzicht.Arrays(overzichten), tx);
        return versies;
    }

    public async ValueTask DisposeAsync()
    {
        await _lezer.DisposeAsync();
        await _schrijver.DisposeAsync();
        await _db.DisposeAsync();
    }

    private sealed record Schrijven(string Klantnummer, int? Verwacht, string Staat, KlantOverzicht? Overzicht);

    private sealed record Gelezen(string Klantnummer, int Versie, string Staat);
}

public static class KlantOpslagExtensions
{
    /// <summary>The klant grains' storage: its own connection pool, so its batches never wait behind other grains' writes.</summary>
    public static IServiceCollection AddKlantOpslag(this IServiceCollection services, string connectionString) =>
        services.AddGrainStorage(StorageNames.Klanten, (sp, _) =>
            new KlantOpslag(NpgsqlDataSource.Create(connectionString), sp.GetRequiredService<Domeinklok>(),
                enigeGemeente: sp.GetService<Gemeenten.Gemeentelijst>()?.Enige?.Code));
}
