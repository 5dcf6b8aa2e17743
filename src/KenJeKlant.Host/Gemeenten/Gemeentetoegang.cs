using System.Diagnostics;
using System.Security.Claims;
using KenJeKlant.Host.Audit;
using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Host.Infrastructuur.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KenJeKlant.Host.Gemeenten;

/// <summary>
/// Which gemeenten a person may ask about where a gemeente is asked for (campaigns, reports). A programmaleider
/// can be limited to one or more gemeenten (claims of type <see cref="KenJeKlantClaims.Gemeente"/>); a beheerder
/// and a programmaleider without such claims may see all. Klantmanagers are limited by their caseload instead.
/// </summary>
public static partial class Gemeentetoegang
{
    /// <summary>null: all gemeenten; otherwise the CBS codes this person is limited to (never empty).</summary>
    public static IReadOnlySet<string>? Toegestaan(ClaimsPrincipal gebruiker)
    {
        ArgumentNullException.ThrowIfNull(gebruiker);
        if (gebruiker.IsInRole(Rollen.Beheerder)) return null;
        var codes = gebruiker.FindAll(KenJeKlantClaims.Gemeente).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return codes.Count == 0 ? null : codes;
    }

    /// <summary>May this person ask about gemeente <paramref name="code"/>?</summary>
    public static bool Mag(ClaimsPrincipal gebruiker, string code) =>
        Toegestaan(gebruiker) is not { } codes || codes.Contains(code);

    /// <summary>
    /// Refuses a request about <paramref name="gemeente"/> (null: all gemeenten) to someone limited to others: a 403
    /// problem+json saying which gemeenten are theirs, an entry in the audit log (a refused access is a security event,
    /// BIO 8.15; betrokkene <c>gemeente …</c>) and a line in the operators' log. For every place a gemeente is asked for.
    /// </summary>
    public static async Task<ProblemHttpResult> WeigerAsync(HttpContext http, string? gemeente, string wat)
    {
        ArgumentNullException.ThrowIfNull(http);
        var eigen = string.Join(", ", (Toegestaan(http.User) ?? new HashSet<string>()).Order());
        var betrokkene = gemeente is null ? "alle gemeenten" : $"gemeente {gemeente}";
        var diensten = http.RequestServices;
        LogGeweigerd(diensten.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Gemeentetoegang)),
            Actor.Van(http), betrokkene, wat, http.Request.Method, http.Request.Path);
        await diensten.GetRequiredService<IAuditLog>().SchrijfAsync(new AuditRegel(
            diensten.GetRequiredService<TimeProvider>().GetUtcNow(), Actor.Van(http), Actor.RolVan(http.User), AuditActie.Lezen,
            $"{wat}: geweigerd, andere gemeente", betrokkene, StatusCodes.Status403Forbidden,
            http.Connection.RemoteIpAddress?.ToString() ?? "onbekend", Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier), CancellationToken.None);
        return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Geen toegang tot deze gemeente",
            detail: gemeente is null
                ? $"Dit gaat over alle gemeenten; u werkt alleen voor {eigen}. Kies een gemeente."
                : $"Dit gaat over gemeente {gemeente}; u werkt alleen voor {eigen}.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gemeente refused: {Gebruiker} asked for {Betrokkene} ({Wat}, {Methode} {Pad})")]
    private static partial void LogGeweigerd(ILogger logger, string gebruiker, string betrokkene, string wat, string methode, string pad);
}
