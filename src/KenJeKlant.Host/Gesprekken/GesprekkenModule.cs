using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Grains.Campagnes;
using KenJeKlant.Grains.Klanten;
using KenJeKlant.Host.Audit;
using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Host.Campagnes;
using KenJeKlant.Host.Infrastructuur.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KenJeKlant.Host.Gesprekken;

/// <summary>A client's gesprekken: <c>/api/v1/klanten/{klantnummer}/gesprekken</c>. The <c>gesprek</c> table is their truth; a campaign grain owns each campaign's.</summary>
public static class GesprekkenModule
{
    public static WebApplicationBuilder AddGesprekken(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IKlantGesprekken, PostgresKlantGesprekken>();
        return builder;
    }

    public static IEndpointRouteBuilder MapGesprekken(this IEndpointRouteBuilder app)
    {
        var groep = app.MapGroup("/api/v1/klanten/{klantnummer}/gesprekken").WithTags("Gesprekken").RequireAuthorization(Toegang.EigenKlant);
        groep.MapPost("/{gesprekId:guid}/uitkomst", RegistreerUitkomst)
            .WithSummary("Leg de uitkomst van een participatiegesprek vast; het beleid voor niet verschijnen volgt daarop.").Verwerkt("participatiegesprek vastleggen", AuditActie.Wijzigen);
        return app;
    }

    private static async Task<Results<Ok<UitkomstVerwerking>, ProblemHttpResult>> RegistreerUitkomst(
        string klantnummer, Guid gesprekId, UitkomstVerzoek v, HttpContext ctx, IGrainFactory grains, ICampagneLeesmodel leesmodel, CancellationToken ct)
    {
        var campagneId = await leesmodel.CampagneVanGesprekAsync(klantnummer, gesprekId, ct);
        if (campagneId is null)
            return TypedResults.Problem(statusCode: 404, title: "Gesprek niet gevonden", detail: $"Klant {klantnummer} heeft geen gesprek {gesprekId}.");
        // The outcome's rules (CampagneRegels) are checked once, in the campaign grain: 400 naming the field.
        return TypedResults.Ok(await grains.GetGrain<ICampagneGrain>(campagneId).RegistreerUitkomstAsync(klantnummer, gesprekId, v.NaarUitkomst(Actor.Van(ctx))));
    }
}

/// <summary>The outcome form. Who records it comes from the request's user.</summary>
public sealed record UitkomstVerzoek(
    bool Verschenen,
    AfwezigheidReden? Afwezigheid = null,
    KenJeKlant.Abstractions.Klanten.Indeling? Indeling = null,
    int? Trede = null,
    string? Route = null,
    string? Afspraken = null,
    DateOnly? OntheffingTot = null,
    string? OntheffingGrond = null,
    string? UitstroomReden = null)
{
    public GesprekUitkomst NaarUitkomst(string door) => new()
    {
        Verschenen = Verschenen,
        Afwezigheid = Afwezigheid,
        Indeling = Indeling,
        Trede = Trede,
        Route = Leeg(Route),
        Afspraken = Leeg(Afspraken),
        OntheffingTot = OntheffingTot,
        OntheffingGrond = Leeg(OntheffingGrond),
        UitstroomReden = Leeg(UitstroomReden),
        Door = door,
    };

    private static string? Leeg(string? tekst) => string.IsNullOrWhiteSpace(tekst) ? null : tekst.Trim();
}
