using KenJeKlant.Host.Infrastructuur.Http;
using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Host.Audit;
using System.Text;
using System.Text.RegularExpressions;
using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Grains;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Campagnes;
using KenJeKlant.Host.Gemeenten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Host.Campagnes;

public static partial class CampagnesApi
{
    public static IEndpointRouteBuilder MapCampagnesApi(this IEndpointRouteBuilder app)
    {
        var groep = app.MapGroup("/api/v1/campagnes").WithTags("Campagnes").RequireAuthorization(Toegang.Programma)
            .AddEndpointFilter<CampagneGemeenteFilter>();
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
        return app;
    }

    // A programmaleider limited to gemeenten sees the campaigns of theirs (CampagneGemeenteFilter refuses the others).
    private static async Task<Ok<IReadOnlyList<CampagneRegel>>> Lijst(ICampagneLeesmodel leesmodel, HttpContext ctx, Gemeentelijst gemeenten, CancellationToken ct) =>
        TypedResults.Ok(await leesmodel.CampagnesAsync(ct, Gemeentetoegang.Toegestaan(ctx.User), gemeenten.Enige?.Code));

    private static async Task<Results<Created<CampagneStand>, ValidationProblem>> Maak(
        CampagneVerzoek v, HttpContext ctx, IGrainFactory grains, IOptionsMonitor<CampagneBeleid> beleid,
        Domeinklok klok, Gemeentelijst gemeenten)
    {
        if (v.Selectie?.Gemeente is { } gemeente && gemeenten.Zoek(gemeente) is null)
            return new[] { new Veldfout("selectie.gemeente", $"Gemeente '{gemeente}' hoort niet bij deze dienst ({string.Join(", ", gemeenten.Alle.Select(g => g.Code))}).") }
                .AlsProbleem("De campagne is niet volledig of niet juist opgezet");
        var vandaag = klok.Vandaag;
        var definitie = beleid.CurrentValue.Definitie(v.Naam ?? "", v.Selectie, vandaag, v.PeriodeVan, v.PeriodeTot, v.Volgorde,
            v.Capaciteit, v.UitnodigingDagenVooraf, v.HerinneringDagenVooraf, v.NietVerschenen);
        var id = string.IsNullOrWhiteSpace(v.Id) ? Slug(v.Naam ?? "") : v.Id.Trim();
        // The id names the grain, so it is checked here; the set-up's rules (CampagneRegels) in the grain (400 per field).
        // Without a grain to ask, the rules are asked here, so the form hears everything at once (an id made from an
        // empty name is the name's fault).
        if (!GeldigId().IsMatch(id))
        {
            var fouten = CampagneRegels.Controleer(definitie).ToList();
            if (!string.IsNullOrWhiteSpace(v.Id) || fouten.Count == 0) fouten.Add(new("id", "Het id bestaat uit 3 tot 60 kleine letters, cijfers en streepjes."));
            return fouten.AlsProbleem("De campagne is niet volledig of niet juist opgezet");
        }
        var stand = await grains.GetGrain<ICampagneGrain>(id).MaakAsync(definitie, Actor.Van(ctx));
        return TypedResults.Created($"/api/v1/campagnes/{id}", stand);
    }

    private static async Task<Results<Ok<CampagneStand>, ProblemHttpResult>> Get(string id, IGrainFactory grains) =>
        await grains.GetGrain<ICampagneGrain>(id).GetAsync() is { } stand ? TypedResults.Ok(stand) : NietGevonden(id);

    private static async Task<Results<Ok<Voortgang>, ProblemHttpResult>> Voortgang(string id, IGrainFactory grains) =>
        await grains.GetGrain<ICampagneGrain>(id).GetVoortgangAsync() is { } voortgang ? TypedResults.Ok(voortgang) : NietGevonden(id);

    // One call: an unknown campaign (404) and a refused transition (409) come back from the grain as domain errors, mapped by DomeinfoutHandler.
    private static async Task<Ok<CampagneStand>> Overgang(string id, IGrainFactory grains, Func<ICampagneGrain, Task<CampagneStand>> actie) =>
        TypedResults.Ok(await actie(grains.GetGrain<ICampagneGrain>(id)));

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
