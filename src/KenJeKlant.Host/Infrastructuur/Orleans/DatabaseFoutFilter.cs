using KenJeKlant.Host.Infrastructuur.Http;
using Orleans.Serialization;

namespace KenJeKlant.Host.Infrastructuur.Orleans;

public static class DatabaseFoutExtensions
{
    /// <summary>
    /// Npgsql errors reach a caller on another silo as what they are. Without this, Orleans finds no
    /// codec for them and the caller gets a CodecNotFoundException (a bare 500): the filter covers
    /// grain calls, the namespace covers what the filter cannot see (a state read during activation).
    /// </summary>
    public static ISiloBuilder AddKenJeKlantDatabaseFouten(this ISiloBuilder silo)
    {
        silo.AddIncomingGrainCallFilter<DatabaseFoutFilter>();
        silo.Services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));
        return silo;
    }
}

/// <summary>
/// Every grain call: a failure caused by an unreachable PostgreSQL leaves the grain as a
/// <see cref="DatabaseOnbereikbaarException"/> (serialisable, message kept, no Npgsql inner), so a
/// caller on another silo can still tell "database away" (503) from a bug (500).
/// </summary>
public sealed partial class DatabaseFoutFilter(ILogger<DatabaseFoutFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception e) when (e is not DatabaseOnbereikbaarException && OnbereikbaarHandler.IsDatabaseOnbereikbaar(e) is { } oorzaak)
        {
            LogOnbereikbaar(e, context.InterfaceName, context.MethodName);
            throw new DatabaseOnbereikbaarException($"PostgreSQL onbereikbaar in {context.InterfaceName}.{context.MethodName}: {oorzaak.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL unreachable in {Interface}.{Method}")]
    private partial void LogOnbereikbaar(Exception e, string @interface, string method);
}
