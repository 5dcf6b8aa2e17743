using Microsoft.AspNetCore.Antiforgery;

namespace KenJeKlant.Host.Beveiliging;

/// <summary>
/// A change made with a browser session needs the anti-forgery token from <c>GET /api/v1/sessie</c>
/// in header <c>X-CSRF-TOKEN</c>: the cookie alone goes with any request the browser makes, also one
/// another site triggers. Bearer tokens are never sent implicitly, so they need none.
/// </summary>
public sealed class CsrfMiddleware(RequestDelegate next, IAntiforgery antiforgery)
{
    public const string Header = "X-CSRF-TOKEN";

    public async Task InvokeAsync(HttpContext ctx)
    {
        if (ctx.User.IsSessie() && !HttpMethods.IsGet(ctx.Request.Method) && !HttpMethods.IsHead(ctx.Request.Method)
            && !HttpMethods.IsOptions(ctx.Request.Method) && !await antiforgery.IsRequestValidAsync(ctx))
        {
            await Results.Problem(statusCode: 403, title: "Anti-forgery token ontbreekt of klopt niet",
                detail: $"Een wijziging vanuit de browser stuurt het token uit GET /api/v1/sessie mee in de header {Header}.").ExecuteAsync(ctx);
            return;
        }
        await next(ctx);
    }
}
