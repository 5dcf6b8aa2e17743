using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Host.Audit;
using System.Text;
using System.Text.RegularExpressions;
using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Grains;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Campagnes;
using KenJeKlant.Host.Campagnes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Host.Api;

public static partial class CampagnesApi
{
    public static IEndpointRouteBuilder MapCampagnesApi(this IEndpointRouteBuilder app)
    {
        var groep = app.MapGroup("/api/v1/campagnes").WithTags("Campagnes").RequireAuthorization(Toegang.Programma);
        groep.MapGet("/", Lijst).WithSummary("Alle campagnes.").ZonderPersoonsgegevens();
        groep.MapPost("/", Maak).WithName("MaakCampagne").WithSummary("Zet een campagne op (concept). Wat je weglaat, komt uit het campagnebeleid.").ZonderPersoonsgegevens();
        groep.MapGet("/{id}", Get).WithName("GetCampagne").WithSummary("De opzet, status en historie van een campagne.").ZonderPersoonsgegevens();
        groep.MapGet("/{id}/voortgang", Voortgang).WithSummary("De funnel, indelingen, tredes, uitkomsten, per klantmanager en per week. Geen persoonsgegevens.").ZonderPersoonsgegevens();
        groep.MapPost("/{id}/start", (string id, HttpContext ctx, IGrainFactory g) => Overgang(id, g, c => c.StartAsync(Actor.Van(ctx))))
            .WithSummary("Start: plant de selectie in en begint met uitnodigen.").ZonderPersoonsgegevens();
        groep.MapPost("/{id}/pauzeer", (string id, StatusVerzoek? v, HttpContext ctx, IGrainFactory g) => Overgang(id, g, c => c.PauzeerAsync(Actor.Van(ctx), v?.Toelichting)))
            .WithSummary("Pauzeer: er gaan geen nieuwe uitnodigingen uit.").ZonderPersoonsgegevens();
        groep.MapPost("/{id}/hervat", (string id, HttpContext ctx, IGrainFactory g) => Overgang(id, g, c => c.HervatAsync(Actor.Van(ctx))))
            .WithSummary("Hervat een gepauzeerde campagne.").ZonderPersoonsgegevens();
        groep.MapPost("/{id}/annuleer", (string id, StatusVerzoek? v, HttpContext ctx, IGrainFactory g) => Overgang(id, g, c => c.AnnuleerAsync(Actor.Van(ctx), v?.Toelichting)))
            .WithSummary("Annuleer: gesprekken die nog niet geweest zijn vervallen; wie al uitgenodigd was, krijgt een afzegging.").ZonderPersoonsgegevens();

        app.MapPost("/api/v1/klanten/{klantnummer}/gesprekken/{gesprekId:guid}/uitkomst", RegistreerUitkomst).WithTags("Campagnes").RequireAuthorization(Toegang.EigenKlant)
            .WithSummary("Leg de uitkomst van een participatiegesprek vast; het beleid voor niet verschijnen volgt daarop.").Verwerkt("participatiegesprek vastleggen", AuditActie.Wijzigen);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<CampagneRegel>>> Lijst(ICampagneLeesmodel leesmodel, CancellationToken ct) =>
        TypedResults.Ok(await leesmodel.CampagnesAsync(ct));

    private static async Task<Results<Created<CampagneStand>, ValidationProblem>> Maak(
        CampagneVerzoek v, HttpContext ctx, IGrainFactory grains, IOptionsMonitor<CampagneBeleid> beleid,
        [FromKeyedServices(Klokken.Domein)] TimeProvider klok)
    {
        var vandaag = DateOnly.FromDateTime(klok.GetLocalNow().DateTime);
        var definitie = beleid.CurrentValue.Definitie(v.Naam ?? "", v.Selectie, vandaag, v.PeriodeVan, v.PeriodeTot, v.Volgorde,
            v.Capaciteit, v.UitnodigingDagenVooraf, v.HerinneringDagenVooraf, v.NietVerschenen);
        var fouten = CampagneRegels.Controleer(definitie).ToList();
        var id = string.IsNullOrWhiteSpace(v.Id) ? Slug(v.Naam ?? "") : v.Id.Trim();
        if (!GeldigId().IsMatch(id)) fouten.Add(new("id", "Het id bestaat uit 3 tot 60 kleine letters, cijfers en streepjes."));
        if (fouten.Count > 0) return fouten.AlsProbleem("De campagne is niet volledig of niet juist opgezet");
        var stand = await grains.GetGrain<ICampagneGrain>(id).MaakAsync(definitie, Actor.Van(ctx));
        return TypedResults.Created($"/api/v1/campagnes/{id}", stand);
    }

    private static async Task<Results<Ok<CampagneStand>, ProblemHttpResult>> Get(string id, IGrainFactory grains) =>
        await grains.GetGrain<ICampagneGrain>(id).GetAsync() is { } stand ? TypedResults.Ok(stand) : NietGevonden(id);

    private static async Task<Results<Ok<Voortgang>, ProblemHttpResult>> Voortgang(string id, IGrainFactory grains) =>
        await grains.GetGrain<ICampagneGrain>(id).GetVoortgangAsync() is { } voortgang ? TypedResults.Ok(voortgang) : NietGevonden(id);

    // A refused transition surfaces as 409 problem details via OvergangGeweigerdHandler.
    private static async Task<Results<Ok<CampagneStand>, ProblemHttpResult>> Overgang(string id, IGrainFactory grains, Func<ICampagneGrain, Task<CampagneStand>> actie)
    {
        var campagne = grains.GetGrain<ICampagneGrain>(id);
        if (await campagne.GetAsync() is null) return NietGevonden(id);
        return TypedResults.Ok(await actie(campagne));
    }

    private static async Task<Results<Ok<UitkomstVerwerking>, ProblemHttpResult, ValidationProblem>> RegistreerUitkomst(
        string klantnummer, Guid gesprekId, UitkomstVerzoek v, HttpContext ctx, IGrainFactory grains, ICampagneLeesmodel leesmodel, CancellationToken ct)
    {
        var campagneId = await leesmodel.CampagneVanGesprekAsync(klantnummer, gesprekId, ct);
        if (campagneId is null)
            return TypedResults.Problem(statusCode: 404, title: "Gesprek niet gevonden", detail: $"Klant {klantnummer} heeft geen gesprek {gesprekId}.");
        var uitkomst = v.NaarUitkomst(Actor.Van(ctx));
        var fouten = CampagneRegels.Controleer(uitkomst);
        if (fouten.Count > 0)
            return fouten.AlsProbleem("De uitkomst is niet volledig of niet juist");
        return TypedResults.Ok(await grains.GetGrain<ICampagneGrain>(campagneId).RegistreerUitkomstAsync(klantnummer, gesprekId, uitkomst));
    }

    private static ProblemHttpResult NietGevonden(string id) =>
        TypedResults.Problem(statusCode: 404, title: "Campagne niet gevonden", detail: $"Er is geen campagne met id {id}.");

    /// <summary>"Ik doe mee 2026" → "ik-doe-mee-2026".</summary>
    private static string Slug(string naam)
    {
        var zonderAccenten = new string(naam.Normalize(NormalizationForm.FormD).Where(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-').ToArray());
        var slug = NietSlugTeken().Replace(zonderAccenten.ToLowerInvariant(), "-").Trim('-');
        return slug.Length > 60 ? slug[..60].TrimEnd('-') : slug;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,59}$")]
    private static partial Regex GeldigId();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NietSlugTeken();
}

/// <summary>A campaign as the programmaleider sets it up. Only the name is needed; the rest defaults to the campaign policy.</summary>
public sealed record CampagneVerzoek(
    string? Naam,
    string? Id = null,
    CampagneSelectie? Selectie = null,
    DateOnly? PeriodeVan = null,
    DateOnly? PeriodeTot = null,
    CampagneVolgorde? Volgorde = null,
    CapaciteitInstelling? Capaciteit = null,
    int? UitnodigingDagenVooraf = null,
    int? HerinneringDagenVooraf = null,
    NietVerschenenBeleid? NietVerschenen = null);

public sealed record StatusVerzoek(string? Toelichting);

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
