namespace KenJeKlant.Host.Beveiliging;

/// <summary>
/// Headers that keep a page from running or loading what it should not: scripts, styles and
/// connections only from this origin (the dashboards have no inline script or style), never framed,
/// no referrer leaving the site; API answers are never cached (they hold personal data).
/// </summary>
public sealed class BeveiligingsHeaders(RequestDelegate next)
{
    public const string Csp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The Orleans Dashboard (a beheerder-only page from its package) carries inline scripts and styles
    /// we cannot change; it gets them, and nothing else is loosened.
    /// </summary>
    public const string CspOrleansDashboard =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext ctx)
    {
        Zet(ctx);
        return next(ctx);
    }

    /// <summary>The headers on one response; the dashboards' static files (served before authorization) use it too.</summary>
    public static void Zet(HttpContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var headers = ctx.Response.Headers;
        headers.ContentSecurityPolicy = ctx.Request.Path.StartsWithSegments("/beheer/orleans") ? CspOrleansDashboard : Csp;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        if (ctx.Request.Path.StartsWithSegments("/api")) headers.CacheControl = "no-store";
    }
}
