using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Grains;
using KenJeKlant.Host.Audit;
using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Host.Infrastructuur.Http;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Host.Bewaartermijnen;

public static class BewaartermijnenApi
{
    private const int MaxPerUitvoering = 1000;

    public static RouteGroupBuilder MapBewaartermijnenApi(this IEndpointRouteBuilder app)
    {
        var groep = app.MapGroup("/api/v1/bewaartermijnen").WithTags("Bewaartermijnen").RequireAuthorization(Toegang.Beheer);
        groep.MapGet("/voorstel", Voorstel)
            .WithSummary("Wat zijn bewaartermijn voorbij is: aantallen per soort gegevens en de klantnummers, elk met of en waarom het geblokkeerd is.")
            .Produces<BewaarVoorstel>().ProducesProblem(403).Verwerkt("bewaartermijnen voorstel", AuditActie.Lezen, "klanten");
        groep.MapPost("/uitvoering", Uitvoering)
            .WithSummary("Anonimiseert de goedgekeurde klanten (alles of niets). Een klant die niet voorbij zijn termijn is, of met een open zaak of een mogelijk bezwaar, weigert het hele verzoek (409, klant en reden genoemd).")
            .Produces<BewaarUitvoering>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409)
            .Verwerkt("bewaartermijn uitvoeren", AuditActie.Wijzigen, "klanten");
        return groep;
    }

    private static async Task<IResult> Voorstel(
        PostgresBewaartermijnen opslag, IOptionsMonitor<BewaartermijnenInstellingen> instellingen, Domeinklok klok, CancellationToken ct)
    {
        var t = instellingen.CurrentValue;
        var vandaag = klok.Vandaag;
        var kandidaten = await opslag.KandidatenAsync(t, vandaag, ct);
        var perSoort = t.Soorten().ToDictionary(s => s.Soort, s => kandidaten.Count(k => k.Soorten.Contains(s.Soort)));
        perSoort["auditlog"] = await opslag.AuditlogVerstrekenAsync(t.AuditlogJaren, vandaag, ct);
        var termijnen = t.Soorten().ToDictionary(s => s.Soort, s => s.Jaren);
        termijnen["auditlog"] = t.AuditlogJaren;
        return TypedResults.Ok(new BewaarVoorstel(vandaag, termijnen, perSoort,
            [.. kandidaten.Select(k => new BewaarKlant(k.Klantnummer, k.Uitstroomdatum, k.Soorten, k.Geblokkeerd, k.Blokkades))]));
    }

    private static async Task<IResult> Uitvoering(
        UitvoeringVerzoek v, HttpContext ctx, PostgresBewaartermijnen opslag, IOptionsMonitor<BewaartermijnenInstellingen> instellingen,
        Domeinklok klok, IGrainFactory grains, CancellationToken ct)
    {
        var nummers = v.Klantnummers ?? [];
        var fouten = new Dictionary<string, string[]>();
        if (nummers.Count == 0) fouten["klantnummers"] = ["Noem ten minste één goedgekeurd klantnummer."];
        if (nummers.Count > MaxPerUitvoering) fouten["klantnummers"] = [$"Ten hoogste {MaxPerUitvoering} klantnummers per uitvoering."];
        for (var i = 0; i < nummers.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(nummers[i]) || nummers[i].Length > 20) fouten[$"klantnummers[{i}]"] = ["Een klantnummer van 1 tot 20 tekens."];
            else if (nummers.IndexOf(nummers[i]) != i) fouten[$"klantnummers[{i}]"] = [$"Klant {nummers[i]} staat er twee keer in."];
        }
        if (fouten.Count > 0) return TypedResults.ValidationProblem(fouten, title: "Ongeldige uitvoering");

        // The audit entry of this request is the record of who approved what: it names every klantnummer.
        AuditBetrokkene.Noem(ctx, "klanten " + string.Join(",", nummers));
        var (uitgevoerd, weigeringen) = await opslag.VoerUitAsync(nummers, instellingen.CurrentValue, klok.Vandaag, Actor.Van(ctx), ct);
        if (weigeringen.Count > 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Bewaartermijn niet uitgevoerd",
                detail: "Er is niets geanonimiseerd. " + string.Join(" ", weigeringen.Select(w => w.Reden)),
                extensions: new Dictionary<string, object?>
                {
                    ["errors"] = weigeringen.ToDictionary(w => $"klantnummers[{w.Index}]", w => new[] { w.Reden }),
                });
        }

        // A klant grain still active holds the old state in memory: its writes are refused (the version was raised),
        // and it is let go now so the next read loads the anonymised state.
        await Task.WhenAll(uitgevoerd.Select(k => grains.GetGrain<IKlantGrain>(k.Klantnummer).LaatLosAsync()));
        return TypedResults.Ok(new BewaarUitvoering(klok.Vandaag, [.. uitgevoerd.Select(k => new BewaarKlant(k.Klantnummer, k.Uitstroomdatum, k.Soorten, false, []))]));
    }
}

/// <summary>The approved list: only these clients are touched.</summary>
public sealed record UitvoeringVerzoek(List<string>? Klantnummers);

public sealed record BewaarKlant(string Klantnummer, DateOnly Uitstroomdatum, IReadOnlyList<string> Soorten, bool Geblokkeerd, IReadOnlyList<string> Redenen);

/// <param name="PerSoort">Clients past the term per kind; <c>auditlog</c> is reported, never anonymised (decision 32).</param>
public sealed record BewaarVoorstel(DateOnly Peildatum, IReadOnlyDictionary<string, int> Termijnen, IReadOnlyDictionary<string, int> PerSoort, IReadOnlyList<BewaarKlant> Klanten);

public sealed record BewaarUitvoering(DateOnly Uitgevoerd, IReadOnlyList<BewaarKlant> Klanten);
