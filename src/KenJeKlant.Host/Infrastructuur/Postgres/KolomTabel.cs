using System.Data;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;

namespace KenJeKlant.Host.Infrastructuur.Postgres;

/// <summary>
/// A table's columns written down once — name, PostgreSQL type, and how a row of <typeparamref name="T"/>
/// gives the value — from which both the SQL and its parameters are generated: the column list for a
/// SELECT, an array upsert (<c>INSERT … SELECT * FROM unnest(@kolom::type[], …)</c>), a one-row upsert,
/// the <c>SET kolom = excluded.kolom</c> list and the "did anything change" test. Parameters are named
/// after their column, so nothing depends on the order of the list: adding a column is one line here
/// (and a property on the class the store reads the row into), not four lists kept in step by position.
/// </summary>
/// <remarks>
/// Built once, in a store's static initialiser, and only read after that. The array form keeps the
/// fan-out's shape from decision 9: one statement per table however large the batch, each column one
/// typed array parameter (Dapper passes them through; no statement per row).
/// </remarks>
public sealed partial class KolomTabel<T>
{
    private readonly List<Definitie> _kolommen = [];

    public KolomTabel(string tabel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tabel);
        Tabel = Naam(tabel);
    }

    public string Tabel { get; }

    /// <summary>The column names, in the order they were declared.</summary>
    public IReadOnlyList<string> Namen => [.. _kolommen.Select(k => k.Naam)];

    /// <summary>
    /// Declares a column. <paramref name="type"/> is the PostgreSQL type the parameter is sent as (and cast
    /// to in the SQL); <paramref name="waarde"/> gives the value as Npgsql writes it for that type (a UTC
    /// <see cref="DateTime"/> for timestamptz, enum text via <see cref="EnumTekst"/>, null for NULL).
    /// </summary>
    public KolomTabel<T> Kolom<TWaarde>(string naam, string type, Func<T, TWaarde> waarde)
    {
        ArgumentNullException.ThrowIfNull(waarde);
        naam = Naam(naam);
        if (_kolommen.Any(k => k.Naam == naam)) throw new ArgumentException($"Kolom {Tabel}.{naam} staat er al.", nameof(naam));
        _kolommen.Add(new Definitie<TWaarde>(naam, Type(type), waarde));
        return this;
    }

    /// <summary>Every column but these (which must exist: a typo is an error, not a silently longer list).</summary>
    public IReadOnlyList<string> Behalve(params string[] kolommen)
    {
        foreach (var kolom in kolommen) Zoek(kolom);
        return [.. Namen.Where(n => !kolommen.Contains(n))];
    }

    /// <summary><c>id, campagne_id, …</c> — all columns, or the ones given; with an alias <c>g.id, g.campagne_id, …</c>.</summary>
    public string Lijst(string? alias = null) => Lijst(Namen, alias);

    public string Lijst(IEnumerable<string> kolommen, string? alias = null)
    {
        var voor = alias is null ? "" : Naam(alias) + ".";
        return string.Join(", ", kolommen.Select(k => voor + Zoek(k).Naam));
    }

    /// <summary>
    /// <c>INSERT INTO tabel (…) SELECT * FROM unnest(@a::type[], …) {vervolg}</c>, for <see cref="Arrays"/>:
    /// a whole batch in one statement. <paramref name="vervolg"/> is the ON CONFLICT clause.
    /// </summary>
    public string InsertUitArrays(string vervolg) => InsertUitArrays(vervolg, []);

    /// <summary>
    /// As <see cref="InsertUitArrays(string)"/>, with columns that get one value for the whole batch
    /// (<c>(kolom, "@parameter")</c>, e.g. the moment of the write), passed beside <see cref="Arrays"/>.
    /// </summary>
    public string InsertUitArrays(string vervolg, IReadOnlyList<(string Kolom, string Waarde)> perBatch)
    {
        ArgumentNullException.ThrowIfNull(perBatch);
        if (_kolommen.FirstOrDefault(k => k.Type.EndsWith("[]", StringComparison.Ordinal)) is { } array)
            throw new InvalidOperationException($"{Tabel}.{array.Naam} is zelf een array: unnest zou die uitvouwen. Schrijf deze tabel per rij.");
        var extra = string.Concat(perBatch.Select(k => $", {Naam(k.Kolom)}"));
        var waarden = string.Concat(perBatch.Select(k => $", {k.Waarde}"));
        return $"""
            INSERT INTO {Tabel} ({Lijst()}{extra})
            SELECT *{waarden} FROM unnest({string.Join(", ", _kolommen.Select(k => $"@{k.Naam}::{k.Type}[]"))})
            {vervolg}
            """;
    }

    /// <summary><c>INSERT INTO tabel (…) VALUES (@a::type, …) {vervolg}</c>, for <see cref="Waarden"/>: one row.</summary>
    public string InsertUitWaarden(string vervolg) => $"""
        INSERT INTO {Tabel} ({Lijst()})
        VALUES ({string.Join(", ", _kolommen.Select(k => $"@{k.Naam}::{k.Type}"))})
        {vervolg}
        """;

    /// <summary><c>a = excluded.a, b = excluded.b</c> — the SET list of an ON CONFLICT DO UPDATE.</summary>
    public string ZetUitExcluded(IEnumerable<string> kolommen) =>
        string.Join(", ", kolommen.Select(k => $"{Zoek(k).Naam} = excluded.{k}"));

    /// <summary><c>a = @a::type, b = @b::type</c> — the SET list of an UPDATE with the parameters of <see cref="Waarden"/>.</summary>
    public string ZetUitWaarden(IEnumerable<string> kolommen) =>
        string.Join(", ", kolommen.Select(k => Zoek(k)).Select(k => $"{k.Naam} = @{k.Naam}::{k.Type}"));

    /// <summary>
    /// <c>(tabel.a, …) IS DISTINCT FROM (excluded.a, …)</c>: the WHERE of an upsert that leaves an unchanged
    /// row alone (no new row version, no write for nothing).
    /// </summary>
    public string VerschiltVanExcluded(IEnumerable<string> kolommen)
    {
        var lijst = kolommen.ToList();
        return $"({Lijst(lijst, Tabel)}) IS DISTINCT FROM ({Lijst(lijst, "excluded")})";
    }

    /// <summary>One typed array parameter per column, named after it, for the SQL of <see cref="InsertUitArrays"/>.</summary>
    public SqlMapper.IDynamicParameters Arrays(IReadOnlyList<T> rijen, params (string Naam, object Waarde)[] perBatch)
    {
        ArgumentNullException.ThrowIfNull(rijen);
        return new Parameters(() => _kolommen.Select(k => k.ArrayParameter(rijen))
            .Concat(perBatch.Select(p => new NpgsqlParameter(Naam(p.Naam), p.Waarde))));
    }

    /// <summary>One typed parameter per column, named after it, for the SQL of <see cref="InsertUitWaarden"/>.</summary>
    public SqlMapper.IDynamicParameters Waarden(T rij) => new Parameters(() => _kolommen.Select(k => k.Parameter(rij)));

    /// <summary>
    /// The columns that <typeparamref name="TRij"/> (the class a store reads rows into by name) has no
    /// property for, and its properties that are no column: both are silent with Dapper (the column is
    /// skipped, the property keeps its default), so a test compares them.
    /// </summary>
    public (IReadOnlyList<string> ZonderEigenschap, IReadOnlyList<string> ZonderKolom) Vergelijk<TRij>()
    {
        // Dapper's MatchNamesWithUnderscores: a column matches a property when equal without underscores, ignoring case.
        static string Sleutel(string naam) => naam.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();
        var eigenschappen = typeof(TRij).GetProperties().Where(p => p.CanWrite).Select(p => p.Name).ToList();
        return ([.. Namen.Where(n => !eigenschappen.Any(e => Sleutel(e) == Sleutel(n)))],
                [.. eigenschappen.Where(e => !Namen.Any(n => Sleutel(e) == Sleutel(n)))]);
    }

    private Definitie Zoek(string naam) =>
        _kolommen.FirstOrDefault(k => k.Naam == naam) ?? throw new ArgumentException($"{Tabel} heeft geen kolom '{naam}'.", nameof(naam));

    // Names and types go into SQL text, so only plain identifiers and type names get in.
    private static string Naam(string naam) => Identifier().IsMatch(naam) ? naam : throw new ArgumentException($"Geen kolomnaam: '{naam}'.", nameof(naam));

    private static string Type(string type) => TypeNaam().IsMatch(type) ? type : throw new ArgumentException($"Geen PostgreSQL-type: '{type}'.", nameof(type));

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^[a-z][a-z0-9_ ]*(\[\])?$")]
    private static partial Regex TypeNaam();

    private abstract class Definitie(string naam, string type)
    {
        public string Naam { get; } = naam;
        public string Type { get; } = type;
        public abstract NpgsqlParameter ArrayParameter(IReadOnlyList<T> rijen);
        public abstract NpgsqlParameter Parameter(T rij);
    }

    private sealed class Definitie<TWaarde>(string naam, string type, Func<T, TWaarde> waarde) : Definitie(naam, type)
    {
        // The type is given, not inferred: a NULL then has the same type as a value, so an auto-prepared
        // statement keeps one plan instead of being prepared again whenever a column is NULL.
        public override NpgsqlParameter ArrayParameter(IReadOnlyList<T> rijen)
        {
            var waarden = new TWaarde[rijen.Count];
            for (var i = 0; i < waarden.Length; i++) waarden[i] = waarde(rijen[i]);
            return new NpgsqlParameter { ParameterName = Naam, DataTypeName = Type + "[]", Value = waarden };
        }

        public override NpgsqlParameter Parameter(T rij) =>
            new() { ParameterName = Naam, DataTypeName = Type, Value = (object?)waarde(rij) ?? DBNull.Value };
    }

    // Made anew for each command: an NpgsqlParameter belongs to one command's collection.
    private sealed class Parameters(Func<IEnumerable<NpgsqlParameter>> maak) : SqlMapper.IDynamicParameters
    {
        public void AddParameters(IDbCommand command, SqlMapper.Identity identity)
        {
            foreach (var p in maak()) command.Parameters.Add(p);
        }
    }
}
