using System.Security.Claims;
using KenJeKlant.Host.Beveiliging;

namespace KenJeKlant.Host.Infrastructuur.Http;

/// <summary>Who does this request: recorded in every history line and in the audit log.</summary>
public static class Actor
{
    // A system process (the simulation, a command) has no user; say so plainly rather than inventing one.
    private const string Onbekend = "onbekend";

    public static string Van(HttpContext context) => Van(context.User);

    public static string Van(ClaimsPrincipal user) => user.Identity?.Name ?? Onbekend;

    /// <summary>The user's roles as one audit field, e.g. "klantmanager".</summary>
    public static string RolVan(ClaimsPrincipal user) =>
        user.RollenVan() is { Count: > 0 } rollen ? string.Join(",", rollen) : "geen (niet ingelogd)";
}
