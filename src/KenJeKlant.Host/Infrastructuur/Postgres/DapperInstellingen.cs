using System.Data;
using System.Runtime.CompilerServices;
using Dapper;

namespace KenJeKlant.Host.Infrastructuur.Postgres;

/// <summary>
/// Dapper's process-wide settings for our tables: snake_case columns map to PascalCase members by name,
/// and <c>date</c> / <c>timestamptz</c> read as <see cref="DateOnly"/> / <see cref="DateTimeOffset"/>.
/// </summary>
/// <remarks>
/// Dapper keeps these in statics, so they are set in a module initializer: it runs before any code in this
/// assembly, so the host, the tests and the benchmarks (which construct stores directly) all query with
/// the same settings, and there is no start-up call to forget.
/// </remarks>
internal static class DapperInstellingen
{
    [ModuleInitializer]
    internal static void Zet()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;

        // Npgsql reads `date` and `timestamptz` as DateTime by default (GetValue); GetFieldValue<T> gives the
        // types the domain uses. Dapper 2.1 does not do this for DateOnly itself (its support is compiled out).
        SqlMapper.AddTypeMap(typeof(DateOnly), DbType.Date, useGetFieldValue: true);
        SqlMapper.AddTypeMap(typeof(DateOnly?), DbType.Date, useGetFieldValue: true);
        SqlMapper.AddTypeMap(typeof(DateTimeOffset), DbType.DateTimeOffset, useGetFieldValue: true);
        SqlMapper.AddTypeMap(typeof(DateTimeOffset?), DbType.DateTimeOffset, useGetFieldValue: true);

        // Dapper only maps a row onto a record's constructor when every parameter's type equals the column's
        // reported type (DateTime here) or has a type handler; these let records such as Kandidaat be read
        // directly. The type map above takes precedence for reading and for parameters, so the handlers' own
        // Parse and SetValue are only a fallback. Parameters stay as Npgsql takes them: a timestamptz from UTC.
        SqlMapper.AddTypeHandler(new DatumHandler());
        SqlMapper.AddTypeHandler(new TijdstipHandler());
    }

    private sealed class DatumHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override DateOnly Parse(object value) => value switch
        {
            DateOnly datum => datum,
            DateTime tijd => DateOnly.FromDateTime(tijd),
            _ => throw new DataException($"Geen datum: {value.GetType().Name}."),
        };

        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            parameter.DbType = DbType.Date;
            parameter.Value = value;
        }
    }

    private sealed class TijdstipHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset tijdstip => tijdstip,
            DateTime tijd => new DateTimeOffset(DateTime.SpecifyKind(tijd, DateTimeKind.Utc)),
            _ => throw new DataException($"Geen tijdstip: {value.GetType().Name}."),
        };

        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.DbType = DbType.DateTimeOffset;
            parameter.Value = value.ToUniversalTime();
        }
    }
}
