using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using KenJeKlant.Host.Infrastructuur.Orleans;
using Npgsql;

namespace KenJeKlant.Host.Infrastructuur.Http;

/// <summary>
/// When PostgreSQL or a silo is out of reach, a request fails fast with 503 problem details that
/// say so (and Retry-After), instead of a bare 500: the client knows to try again, and nothing was
/// acknowledged. Bounds: a stopped server is refused at once; an unreachable host after Npgsql's
/// connect timeout (15 s); a grain call after Orleans' response timeout (30 s).
/// </summary>
public sealed partial class OnbereikbaarHandler(IProblemDetailsService problemDetails, ILogger<OnbereikbaarHandler> logger) : IExceptionHandler
{
    public const string DatabaseType = "https://kenjeklant.nl/problemen/database-onbereikbaar";
    public const string ClusterType = "https://kenjeklant.nl/problemen/cluster-onbereikbaar";
    private const int ProbeerOverSeconden = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (type, titel, detail) = Herken(exception) switch
        {
            Oorzaak.Database => (DatabaseType, "De database is niet bereikbaar",
                "PostgreSQL antwoordt nu niet. Er is niets vastgelegd; probeer het zo opnieuw."),
            Oorzaak.Cluster => (ClusterType, "Het cluster antwoordde niet op tijd",
                "Een silo is weggevallen of antwoordde niet binnen de time-out. Er is mogelijk niets vastgelegd; probeer het zo opnieuw."),
            _ => (null, null, null),
        };
        if (type is null) return false;
        LogOnbereikbaar(httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name, exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = ProbeerOverSeconden.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Type = type, Title = titel, Detail = detail },
        });
    }

    private enum Oorzaak { Geen, Database, Cluster }

    /// <summary>The transient Npgsql (or socket) error somewhere in the chain, if that is what went wrong.</summary>
    public static Exception? IsDatabaseOnbereikbaar(Exception exception) =>
        Keten(exception).FirstOrDefault(e => e is NpgsqlException { IsTransient: true } or SocketException or DatabaseOnbereikbaarException
            || (e is PostgresException p && ServerNietBeschikbaar(p)));

    // Npgsql does not count these as transient, but each means "the server is not there for us right
    // now": a connection failure (class 08), shutting down or starting up (57P01-57P03, seen right
    // after a restart), or no connection slot left (53300).
    // Deserialised on another silo, a PostgresException may have lost its SqlState but keeps its message ("57P03: …").
    private static bool ServerNietBeschikbaar(PostgresException e)
    {
        var sqlState = e.SqlState ?? (e.Message is { Length: >= 5 } m ? m[..5] : "");
        return sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState is "57P01" or "57P02" or "57P03" or "53300";
    }

    // Orleans wraps storage errors (and a remote grain's errors) in its own exceptions: look through the chain.
    private static Oorzaak Herken(Exception exception)
    {
        if (IsDatabaseOnbereikbaar(exception) is not null) return Oorzaak.Database;
        var cluster = false;
        foreach (var e in Keten(exception))
        {
            switch (e)
            {
                case SiloUnavailableException or TimeoutException or OrleansMessageRejectionException:
                    cluster = true;
                    break;
            }
        }
        return cluster ? Oorzaak.Cluster : Oorzaak.Geen;
    }

    private static IEnumerable<Exception> Keten(Exception exception)
    {
        var rij = new Queue<Exception>([exception]);
        var gezien = 0;
        while (rij.Count > 0 && gezien++ < 32)
        {
            var e = rij.Dequeue();
            yield return e;
            if (e is AggregateException a) foreach (var i in a.InnerExceptions) rij.Enqueue(i);
            else if (e.InnerException is { } inner) rij.Enqueue(inner);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: {Soort}: {Bericht}")]
    private partial void LogOnbereikbaar(string method, PathString path, string soort, string bericht);
}
