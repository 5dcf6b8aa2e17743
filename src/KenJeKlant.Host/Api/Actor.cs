using System.Security.Claims;

namespace KenJeKlant.Host.Api;

/// <summary>Who does this request: recorded in every history line and (later) the audit log.</summary>
public static class Actor
{
    // Until authentication is configured there is no user to name; the history says so plainly
    // rather than inventing one.
    private const string Onbekend = "onbekend (geen authenticatie)";

    public static string Van(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.User.Identity?.Name ?? Onbekend;
}
