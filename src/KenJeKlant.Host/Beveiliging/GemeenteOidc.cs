using System.Security.Claims;
using KenJeKlant.Host.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Host.Beveiliging;

/// <summary>
/// Login through the gemeente's identity provider (OpenID Connect, authorization code flow), switched on
/// by configuring <c>Beveiliging:Oidc:Authority</c>, <c>ClientId</c> and <c>ClientSecret</c>. The
/// provider's claims are mapped onto ours, so the rules are the same whichever way someone logged in.
/// </summary>
public static class GemeenteOidc
{
    public const string Schema = "gemeente";

    public static AuthenticationBuilder AddGemeenteOidc(this AuthenticationBuilder builder, OidcInstellingen oidc) =>
        builder.AddOpenIdConnect(Schema, "Inloggen via de gemeente", o =>
        {
            o.Authority = oidc.Authority;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = oidc.ClientSecret;
            o.ResponseType = "code";
            o.UsePkce = true;
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.MapInboundClaims = false;
            o.Scope.Add("profile");
            o.Events.OnTokenValidated = ctx =>
            {
                if (ctx.Principal is { } extern_) ctx.Principal = NaarKenJeKlant(extern_, oidc);
                return Task.CompletedTask;
            };
        });

    public static void MapGemeenteOidc(this WebApplication app)
    {
        if (string.IsNullOrWhiteSpace(app.Services.GetRequiredService<IOptions<BeveiligingInstellingen>>().Value.Oidc.Authority)) return;
        app.MapGet("/api/v1/sessie/gemeente", (string? terug) => TypedResults.Challenge(
                new AuthenticationProperties { RedirectUri = terug is { } t && t.StartsWith('/') && !t.StartsWith("//", StringComparison.Ordinal) ? t : "/" },
                [Schema]))
            .AllowAnonymous().ZonderPersoonsgegevens().WithTags("Aanmelden").WithSummary("Inloggen via de identity provider van de gemeente.");
    }

    private static ClaimsPrincipal NaarKenJeKlant(ClaimsPrincipal extern_, OidcInstellingen oidc)
    {
        var naam = extern_.FindFirstValue("preferred_username") ?? extern_.FindFirstValue("sub") ?? "onbekend";
        return KenJeKlantClaims.Principal(naam, extern_.FindFirstValue(oidc.NaamClaim) ?? naam,
            extern_.FindAll(oidc.RolClaim).Select(c => c.Value), extern_.FindFirstValue(oidc.MedewerkerClaim), KenJeKlantClaims.Sessie);
    }
}
