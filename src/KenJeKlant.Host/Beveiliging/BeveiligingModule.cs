using KenJeKlant.Host.Infrastructuur;
using System.Threading.RateLimiting;
using KenJeKlant.Host.Infrastructuur.Postgres;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace KenJeKlant.Host.Beveiliging;

public static class BeveiligingModule
{
    /// <summary>A browser session (cookie) or, with an Authorization: Bearer header, a token.</summary>
    private const string SessieOfToken = "sessie-of-token";

    /// <summary>Accounts, sessions, tokens and roles: <c>/api/v1/sessie</c>, <c>/api/v1/tokens</c>, <c>/api/v1/gebruikers</c>.</summary>
    public static WebApplicationBuilder AddBeveiliging(this WebApplicationBuilder builder)
    {
        var sectie = builder.Configuration.GetSection(BeveiligingInstellingen.Sectie);
        builder.AddInstellingen<BeveiligingInstellingen>(BeveiligingInstellingen.Sectie);
        var instellingen = sectie.Get<BeveiligingInstellingen>() ?? new BeveiligingInstellingen();

        var services = builder.Services;
        services.AddSingleton<IGebruikers, PostgresGebruikers>();
        services.AddSingleton<IPasswordHasher<Gebruiker>, PasswordHasher<Gebruiker>>();
        services.AddSingleton<Aanmelding>();
        services.AddSingleton<Caseload>();
        services.AddSingleton<IAuthorizationHandler, InCaseloadHandler>();
        services.AddHostedService<AccountsZaaien>();

        var dataProtection = services.AddDataProtection().SetApplicationName("KenJeKlant");
        services.AddOptions<KeyManagementOptions>().Configure<NpgsqlDataSource>((o, db) => o.XmlRepository = new PostgresSleutelOpslag(db));
        // Encrypted at rest with the configured certificate (decryption uses the same one, no machine store needed).
        if (SleutelCertificaat.Laad(instellingen.Sleutels, builder.Environment) is { } certificaat)
            dataProtection.ProtectKeysWithCertificate(certificaat);

        var cookieBeleid = instellingen.AlleenHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        var authenticatie = services.AddAuthentication(SessieOfToken)
            .AddPolicyScheme(SessieOfToken, "Sessie of token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
                    ? BearerTokenDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "kjk.sessie";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = cookieBeleid;
                o.ExpireTimeSpan = instellingen.SessieDuur;
                o.SlidingExpiration = true;
                // An API answers 401/403 (problem+json via the status-code pages), never a redirect to a login page.
                o.Events.OnRedirectToLogin = ctx => Status(ctx.Response, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => Status(ctx.Response, StatusCodes.Status403Forbidden);
            })
            .AddBearerToken(o => o.BearerTokenExpiration = instellingen.TokenDuur);
        if (!string.IsNullOrWhiteSpace(instellingen.Oidc.Authority)) authenticatie.AddGemeenteOidc(instellingen.Oidc, instellingen.AlleenHttps);

        services.AddAuthorization(Toegang.Voeg);
        services.AddAntiforgery(o =>
        {
            o.HeaderName = CsrfMiddleware.Header;
            o.Cookie.Name = "kjk.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = cookieBeleid;
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SessieApi.AanmeldLimiet, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "onbekend",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = instellingen.AanmeldingenPerMinuut, Window = TimeSpan.FromMinutes(1) }));
        });
        return builder;
    }

    /// <summary>Security headers first (they go on every answer), then who is calling, then whether they may.</summary>
    public static WebApplication UseBeveiliging(this WebApplication app)
    {
        app.UseMiddleware<BeveiligingsHeaders>();
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BeveiligingInstellingen>>().Value.AlleenHttps) app.UseHsts();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseMiddleware<CsrfMiddleware>();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapBeveiliging(this WebApplication app)
    {
        app.MapSessieApi();
        app.MapGebruikersApi();
        app.MapGemeenteOidc();
        return app;
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
