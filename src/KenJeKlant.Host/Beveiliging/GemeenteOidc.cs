using System.Diagnostics;
using System.Security.Claims;
using KenJeKlant.Host.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Host.Beveiliging;

/// <summary>
/// Login through the gemeente's identity provider (OpenID Connect, authorization code flow with PKCE), switched on
/// by configuring <c>Beveiliging:Oidc:Authority</c>, <c>ClientId</c> and <c>ClientSecret</c>. The provider's claims
/// are mapped onto ours, so the rules are the same whichever way someone logged in. Someone without a role of ours
/// gets no session at all (403, in the audit log); logging out ends the provider's session too.
/// </summary>
public static partial class GemeenteOidc
{
    public const string Schema = "gemeente";

    /// <summary>Where the provider sends the browser back after its logout (through the handler's signout callback).</summary>
    private const string NaUitloggen = "/inloggen.html?uitgelogd=gemeente";

    public static AuthenticationBuilder AddGemeenteOidc(this AuthenticationBuilder builder, OidcInstellingen oidc, bool alleenHttps) =>
        builder.AddOpenIdConnect(Schema, "Inloggen via de gemeente", o =>
        {
            o.Authority = oidc.Authority;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = oidc.ClientSecret;
            o.ResponseType = "code";
            o.UsePkce = true;
            // Plain HTTP only where the whole installation runs it (the local demo and the tests: Beveiliging:AlleenHttps=false).
            o.RequireHttpsMetadata = alleenHttps;
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.MapInboundClaims = false;
            o.Scope.Clear();
            foreach (var scope in oidc.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Prepend("openid").Distinct(StringComparer.Ordinal))
                o.Scope.Add(scope);
            // A certified provider puts scope claims (roles, medewerker) in userinfo, not in the ID token of the code
            // flow; the handler only keeps userinfo fields that a claim action names.
            o.GetClaimsFromUserInfoEndpoint = true;
            o.ClaimActions.MapJsonKey(oidc.RolClaim, oidc.RolClaim);
            o.ClaimActions.MapUniqueJsonKey(oidc.MedewerkerClaim, oidc.MedewerkerClaim);
            o.ClaimActions.MapUniqueJsonKey(oidc.NaamClaim, oidc.NaamClaim);
            o.ClaimActions.MapJsonKey(oidc.GemeenteClaim, oidc.GemeenteClaim);
            o.ClaimActions.MapUniqueJsonKey("preferred_username", "preferred_username");
            // The ID token is the provider's logout hint; it is the only token kept (in the session cookie).
            o.SaveTokens = true;
            o.Events.OnTicketReceived = ctx => AanmeldenAsync(ctx, oidc);
            o.Events.OnRemoteFailure = ctx =>
            {
                LogMislukt(Logger(ctx.HttpContext), ctx.Failure?.Message ?? "onbekend");
                ctx.Response.Redirect("/inloggen.html?gemeente=mislukt");
                ctx.HandleResponse();
                return Task.CompletedTask;
            };
        });

    public static void MapGemeenteOidc(this WebApplication app)
    {
        var ingericht = !string.IsNullOrWhiteSpace(app.Services.GetRequiredService<IOptions<BeveiligingInstellingen>>().Value.Oidc.Authority);
        app.MapGet("/api/v1/sessie/aanmeldwijzen", () => TypedResults.Ok(new Aanmeldwijzen(Wachtwoord: true, Gemeente: ingericht)))
            .AllowAnonymous().ZonderPersoonsgegevens().WithTags("Aanmelden")
            .WithSummary("Hoe hier ingelogd kan worden: met wachtwoord, en via de identity provider van de gemeente als die is ingericht.");
        app.MapGet("/api/v1/sessie/gemeente", Results<ChallengeHttpResult, ProblemHttpResult> (string? terug) => ingericht
                ? TypedResults.Challenge(new AuthenticationProperties { RedirectUri = VeiligTerug(terug) }, [Schema])
                : TypedResults.Problem(statusCode: 404, title: "Inloggen via de gemeente is hier niet ingericht",
                    detail: "Stel Beveiliging:Oidc:Authority, ClientId en ClientSecret in, of log in met gebruikersnaam en wachtwoord."))
            .AllowAnonymous().ZonderPersoonsgegevens().WithTags("Aanmelden")
            .WithSummary("Inloggen via de identity provider van de gemeente (authorization code flow met PKCE); daarna terug naar ?terug=.");
    }

    /// <summary>
    /// Ends the provider's session as well as ours: the address of the provider's logout (with the ID token as hint and
    /// the way back), for the browser to go to; null when the session did not come from the provider or it has no logout.
    /// </summary>
    public static async Task<string?> UitloggenBijGemeenteAsync(HttpContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (ctx.User.FindFirstValue(KenJeKlantClaims.Aanmelding) != Schema) return null;
        try
        {
            // The handler answers with a redirect; the API answers with the address instead, because a fetch cannot
            // follow it to another site (and a form could not either: the page's form-action is 'self').
            await ctx.SignOutAsync(Schema, new AuthenticationProperties { RedirectUri = NaUitloggen });
        }
        catch (InvalidOperationException e)
        {
            LogGeenUitlog(Logger(ctx), e.Message);
            return null;
        }
        var adres = ctx.Response.Headers.Location.ToString();
        ctx.Response.Headers.Location = default;
        ctx.Response.StatusCode = StatusCodes.Status200OK;
        return adres.Length == 0 ? null : adres;
    }

    private static async Task AanmeldenAsync(TicketReceivedContext ctx, OidcInstellingen oidc)
    {
        if (ctx.Principal is not { } extern_) return;
        var principal = NaarKenJeKlant(extern_, oidc);
        if (principal.RollenVan().Count == 0)
        {
            await WeigerAsync(ctx, principal.Identity?.Name ?? "onbekend", [.. extern_.FindAll(oidc.RolClaim).Select(c => c.Value).Distinct(StringComparer.Ordinal)]);
            return;
        }
        ctx.Principal = principal;
        if (ctx.Properties is { } eigenschappen)
        {
            var idToken = eigenschappen.GetTokenValue("id_token");
            eigenschappen.StoreTokens(idToken is null ? [] : [new AuthenticationToken { Name = "id_token", Value = idToken }]);
        }
    }

    /// <summary>
    /// A person the provider knows but who has no role of ours: no session (so no access to anything), a 403, an entry
    /// in the audit log (a refused access is a security event, BIO 8.15) and the roles they had in the operators' log.
    /// </summary>
    private static async Task WeigerAsync(TicketReceivedContext ctx, string naam, IReadOnlyList<string> rollen)
    {
        var http = ctx.HttpContext;
        var getoond = rollen.Count == 0 ? "geen" : string.Join(",", rollen.Select(r => r.Length > 40 ? r[..40] : r).Take(10));
        LogGeenRol(Logger(http), naam, getoond);
        var klok = http.RequestServices.GetRequiredService<TimeProvider>();
        await http.RequestServices.GetRequiredService<IAuditLog>().SchrijfAsync(new AuditRegel(
            klok.GetUtcNow(), naam, "geen (rollen bij de gemeente: " + getoond + ")", AuditActie.Lezen,
            "inloggen via de gemeente geweigerd: geen rol in KenJeKlant", "medewerker " + naam, StatusCodes.Status403Forbidden,
            http.Connection.RemoteIpAddress?.ToString() ?? "onbekend", Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier), CancellationToken.None);
        ctx.HandleResponse();
        await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Geen toegang tot KenJeKlant",
            detail: "U bent bij de gemeente ingelogd, maar uw account heeft geen rol in KenJeKlant (programmaleider, klantmanager, " +
                    "handhaving of beheerder). Vraag uw beheerder om een rol.").ExecuteAsync(http);
    }

    private static ClaimsPrincipal NaarKenJeKlant(ClaimsPrincipal extern_, OidcInstellingen oidc)
    {
        var naam = extern_.FindFirstValue("preferred_username") ?? extern_.FindFirstValue("sub") ?? "onbekend";
        var principal = KenJeKlantClaims.Principal(naam, extern_.FindFirstValue(oidc.NaamClaim) ?? naam,
            extern_.FindAll(oidc.RolClaim).Select(c => c.Value), extern_.FindFirstValue(oidc.MedewerkerClaim), KenJeKlantClaims.Sessie,
            extern_.FindAll(oidc.GemeenteClaim).Select(c => c.Value));
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(KenJeKlantClaims.Aanmelding, Schema));
        return principal;
    }

    /// <summary>Only a path on this site (as the login page's ?terug=): an open redirect would help phishing.</summary>
    private static string VeiligTerug(string? terug) =>
        terug is { } t && t.StartsWith('/') && !t.StartsWith("//", StringComparison.Ordinal) && !t.Contains('\\', StringComparison.Ordinal) ? t : "/";

    private static ILogger Logger(HttpContext ctx) => ctx.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GemeenteOidc));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Login through the gemeente refused for {Naam}: no KenJeKlant role among the provider's roles ({Rollen})")]
    private static partial void LogGeenRol(ILogger logger, string naam, string rollen);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Login through the gemeente failed: {Reden}")]
    private static partial void LogMislukt(ILogger logger, string reden);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The provider's session could not be ended (only ours was): {Reden}")]
    private static partial void LogGeenUitlog(ILogger logger, string reden);
}

/// <summary>The ways to log in that this installation offers.</summary>
public sealed record Aanmeldwijzen(bool Wachtwoord, bool Gemeente);

/// <summary>Logged out here; <see cref="UitloggenBijGemeente"/> is where the browser goes to end the provider's session too.</summary>
public sealed record Uitgelogd(string UitloggenBijGemeente);
