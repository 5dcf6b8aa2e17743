using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Gesprekken;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Gesprekken;
using System.Text.Json.Serialization;
using KenJeKlant.Abstractions.PlanVanAanpak;
using KenJeKlant.Host.Infrastructuur;
using KenJeKlant.Host.PlanVanAanpak;
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
        builder.Services.AddSingleton<IAgendaOpslag, PostgresAgendaOpslag>();
        builder.Services.AddSingleton<IGesprekTellingen, PostgresGesprekTellingen>();
        builder.AddInstellingen<GesprekBeleid>(GesprekBeleid.Sectie)
            .Validate(b => new[] { b.Participatiegesprek, b.Herbeoordeling, b.Voortgang }.All(s => System.ComponentModel.DataAnnotations.Validator.TryValidateObject(s, new(s), null, true)),
                $"{GesprekBeleid.Sectie}: herinneringDagenVooraf ligt tussen 0 en 30 en signaalNaAantal tussen 1 en 10, voor elke soort.");
        return builder;
    }

    public static IEndpointRouteBuilder MapGesprekken(this IEndpointRouteBuilder app)
    {
        var groep = app.MapGroup("/api/v1/klanten/{klantnummer}/gesprekken").WithTags("Gesprekken").RequireAuthorization(Toegang.EigenKlant);
        groep.MapPost("", Plan)
            .WithSummary("Plan een gesprek met de klant in de agenda van de klantmanager (of van de waarnemer); de uitnodiging gaat meteen naar de uitvoer.")
            .Verwerkt("gesprek plannen", AuditActie.Wijzigen);
        groep.MapPost("/{gesprekId:guid}/verzetting", Verzet)
            .WithSummary("Verzet een gesprek naar een nieuw moment; de klant krijgt een verzetbrief. Verzetten telt nooit als niet verschenen.")
            .Verwerkt("gesprek verzetten", AuditActie.Wijzigen);
        groep.MapPost("/{gesprekId:guid}/uitkomst", RegistreerUitkomst)
            .WithSummary("Leg de uitkomst van een participatiegesprek vast; het beleid voor niet verschijnen volgt daarop.").Verwerkt("participatiegesprek vastleggen", AuditActie.Wijzigen);
        return app;
    }

    /// <summary>
    /// Booked in the agenda of the client's klantmanager; a waarnemer covering the caseload books in their own agenda
    /// (the klantmanager is away). The agenda grain checks the moment and the client.
    /// </summary>
    private static async Task<Created<GesprekStand>> Plan(
        string klantnummer, GesprekPlanVerzoek v, HttpContext ctx, IGrainFactory grains, IAgendaOpslag agenda, CancellationToken ct)
    {
        var klant = await agenda.KlantAsync(klantnummer, ct) ?? throw new NietGevondenException($"Er is geen klant met klantnummer {klantnummer}.");
        var eigen = ctx.User.MedewerkerVan();
        var klantmanager = eigen is not null && eigen != klant.Klantmanager ? eigen : klant.Klantmanager;
        var stand = await grains.GetGrain<IAgendaGrain>(klantmanager).PlanAsync(v.NaarAanvraag(klantnummer, Actor.Van(ctx)));
        return TypedResults.Created($"/api/v1/klanten/{klantnummer}/gesprekken/{stand.Id}", stand);
    }

    /// <summary>Checked by the agenda of the klantmanager who holds the gesprek, whoever owns it (a campaign or that agenda).</summary>
    private static async Task<Ok<GesprekStand>> Verzet(
        string klantnummer, Guid gesprekId, VerzettingVerzoek v, HttpContext ctx, IGrainFactory grains, IAgendaOpslag agenda, CancellationToken ct)
    {
        var rij = await agenda.GesprekAsync(gesprekId, ct);
        if (rij is null || rij.Klantnummer != klantnummer) throw new NietGevondenException($"Klant {klantnummer} heeft geen gesprek {gesprekId}.");
        return TypedResults.Ok(await grains.GetGrain<IAgendaGrain>(rij.Klantmanager).VerzetAsync(v.NaarVerzetting(klantnummer, gesprekId, Actor.Van(ctx))));
    }

    /// <summary>
    /// The outcome, and when the form holds one, a new version of the plan van aanpak in the same step: the plan is
    /// checked first (400 naming <c>planVanAanpak.afspraken[i].veld</c>, nothing recorded), then the outcome is recorded
    /// by the gesprek's owner, then the plan is set.
    /// </summary>
    private static async Task<Results<Ok<UitkomstAntwoord>, ProblemHttpResult>> RegistreerUitkomst(
        string klantnummer, Guid gesprekId, UitkomstVerzoek v, HttpContext ctx, IGrainFactory grains, ICampagneLeesmodel leesmodel, CancellationToken ct)
    {
        var eigenaar = await leesmodel.CampagneVanGesprekAsync(klantnummer, gesprekId, ct);
        if (eigenaar is null)
            return TypedResults.Problem(statusCode: 404, title: "Gesprek niet gevonden", detail: $"Klant {klantnummer} heeft geen gesprek {gesprekId}.");
        var door = Actor.Van(ctx);
        var uitkomst = v.NaarUitkomst(door);
        var planGrain = grains.GetGrain<IPlanVanAanpakGrain>(klantnummer);
        var plan = v.PlanVanAanpak?.NaarInvoer(door);
        if (plan is not null) await AlsDeelVanDeUitkomstAsync(() => planGrain.ControleerAsync(plan));
        // The outcome's rules (CampagneRegels) are checked once, by the gesprek's owner: 400 naming the field.
        var verwerking = GesprekIds.KlantmanagerVanAgenda(eigenaar) is { } klantmanager
            ? await grains.GetGrain<IAgendaGrain>(klantmanager).RegistreerUitkomstAsync(klantnummer, gesprekId, uitkomst)
            : await grains.GetGrain<ICampagneGrain>(eigenaar).RegistreerUitkomstAsync(klantnummer, gesprekId, uitkomst);
        var vastgesteld = plan is null ? null : await planGrain.StelVastAsync(plan);
        return TypedResults.Ok(new UitkomstAntwoord(verwerking.Gesprek, verwerking.Gevolg, verwerking.Toelichting, verwerking.NieuwGesprek, vastgesteld));
    }

    /// <summary>The plan's refusals name their field inside the outcome form: <c>planVanAanpak.afspraken[2].deadline</c>.</summary>
    private static async Task AlsDeelVanDeUitkomstAsync(Func<Task> controle)
    {
        try
        {
            await controle();
        }
        catch (OngeldigeInvoerException e)
        {
            throw new OngeldigeInvoerException(e.Message, e.Fouten.ToDictionary(f => $"planVanAanpak.{f.Key}", f => f.Value));
        }
        catch (OvergangGeweigerdException e)
        {
            throw new OvergangGeweigerdException(e.Message, e.Veld is null ? "planVanAanpak" : $"planVanAanpak.{e.Veld}");
        }
    }
}

/// <summary>What an outcome led to, and the plan van aanpak when the outcome set one.</summary>
public sealed record UitkomstAntwoord(
    [property: JsonPropertyName("gesprek")] GesprekStand Gesprek,
    [property: JsonPropertyName("gevolg")] GesprekGevolg Gevolg,
    [property: JsonPropertyName("toelichting")] string Toelichting,
    [property: JsonPropertyName("nieuwGesprek")] GesprekStand? NieuwGesprek,
    [property: JsonPropertyName("planVanAanpak")] Plan? PlanVanAanpak);

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
    string? UitstroomReden = null,
    PlanVerzoek? PlanVanAanpak = null)
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
