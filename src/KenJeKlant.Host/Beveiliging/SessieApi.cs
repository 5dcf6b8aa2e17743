using KenJeKlant.Host.Audit;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KenJeKlant.Host.Beveiliging;

/// <summary>
/// Logging in: <c>/api/v1/sessie</c> for the browser (an HttpOnly cookie plus an anti-forgery token
/// for changes), <c>/api/v1/tokens</c> for scripts and API clients (a bearer token). Both rate-limited.
/// </summary>
public static class SessieApi
{
    public const string AanmeldLimiet = "aanmelden";

    public static IEndpointRouteBuilder MapSessieApi(this IEndpointRouteBuilder app)
    {
        var sessie = app.MapGroup("/api/v1/sessie").WithTags("Aanmelden").ZonderPersoonsgegevens();
        sessie.MapPost("/", MeldAan).AllowAnonymous().RequireRateLimiting(AanmeldLimiet)
            .WithSummary("Inloggen met gebruikersnaam en wachtwoord; zet een sessiecookie en geeft het anti-forgery token voor wijzigingen.");
        sessie.MapGet("/", Huidig).RequireAuthorization(Toegang.Medewerker)
            .WithSummary("Wie is ingelogd, met welke rollen, en een vers anti-forgery token (header X-CSRF-TOKEN).");
        sessie.MapDelete("/", (Delegate)MeldAf).RequireAuthorization(Toegang.Medewerker)
            .WithSummary("Uitloggen. Na inloggen via de gemeente: 200 met het adres waar de browser ook de sessie bij de gemeente beëindigt.");
        app.MapPost("/api/v1/tokens", Token).WithTags("Aanmelden").ZonderPersoonsgegevens().AllowAnonymous().RequireRateLimiting(AanmeldLimiet)
            .WithSummary("Een bearer token voor scripts en API-clients (Authorization: Bearer …).");
        return app;
    }

    private static async Task<Results<Ok<SessieInfo>, ProblemHttpResult>> MeldAan(
        AanmeldVerzoek v, HttpContext ctx, Aanmelding aanmelding, IAntiforgery antiforgery)
    {
        var uitkomst = await Controleer(v, aanmelding, ctx.RequestAborted);
        if (uitkomst is not AanmeldUitkomst.Gelukt { Gebruiker: var g }) return Geweigerd(uitkomst);
        var principal = KenJeKlantClaims.Principal(g.Gebruikersnaam, g.Naam, g.Rollen, g.Medewerker, KenJeKlantClaims.Sessie, g.Gemeenten);
        await ctx.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        ctx.User = principal; // the anti-forgery token is bound to the user it is issued to
        return TypedResults.Ok(SessieInfo.Van(ctx, antiforgery));
    }

    private static Ok<SessieInfo> Huidig(HttpContext ctx, IAntiforgery antiforgery) => TypedResults.Ok(SessieInfo.Van(ctx, antiforgery));

    private static async Task<Results<NoContent, Ok<Uitgelogd>>> MeldAf(HttpContext ctx)
    {
        // The provider's logout first: it reads the ID token (its hint) from the session cookie still in this request.
        var bijGemeente = await GemeenteOidc.UitloggenBijGemeenteAsync(ctx);
        await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return bijGemeente is null ? TypedResults.NoContent() : TypedResults.Ok(new Uitgelogd(bijGemeente));
    }

    private static async Task<IResult> Token(AanmeldVerzoek v, HttpContext ctx, Aanmelding aanmelding)
    {
        var uitkomst = await Controleer(v, aanmelding, ctx.RequestAborted);
        if (uitkomst is not AanmeldUitkomst.Gelukt { Gebruiker: var g }) return Geweigerd(uitkomst);
        var principal = KenJeKlantClaims.Principal(g.Gebruikersnaam, g.Naam, g.Rollen, g.Medewerker, KenJeKlantClaims.Token, g.Gemeenten);
        return TypedResults.SignIn(principal, authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }

    private static Task<AanmeldUitkomst> Controleer(AanmeldVerzoek v, Aanmelding aanmelding, CancellationToken ct) =>
        string.IsNullOrEmpty(v.Gebruikersnaam) || string.IsNullOrEmpty(v.Wachtwoord)
            ? Task.FromResult<AanmeldUitkomst>(new AanmeldUitkomst.Mislukt())
            : aanmelding.ControleerAsync(v.Gebruikersnaam, v.Wachtwoord, ct);

    private static ProblemHttpResult Geweigerd(AanmeldUitkomst uitkomst) => uitkomst is AanmeldUitkomst.Geblokkeerd
        ? TypedResults.Problem(statusCode: 401, title: "Account tijdelijk geblokkeerd",
            detail: "Te vaak een verkeerd wachtwoord. Probeer het later opnieuw of vraag de beheerder het account vrij te geven.")
        : TypedResults.Problem(statusCode: 401, title: "Inloggen mislukt", detail: "Gebruikersnaam of wachtwoord klopt niet.");
}

public sealed record AanmeldVerzoek(string? Gebruikersnaam, string? Wachtwoord);

public sealed record SessieInfo(string Gebruikersnaam, string Naam, IReadOnlyList<string> Rollen, string? Medewerker, string CsrfToken)
{
    public static SessieInfo Van(HttpContext ctx, IAntiforgery antiforgery) => new(
        ctx.User.Identity?.Name ?? "",
        ctx.User.FindFirst(KenJeKlantClaims.Naam)?.Value ?? ctx.User.Identity?.Name ?? "",
        ctx.User.RollenVan(),
        ctx.User.MedewerkerVan(),
        antiforgery.GetAndStoreTokens(ctx).RequestToken ?? "");
}
