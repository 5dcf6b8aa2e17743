using KenJeKlant.Abstractions.PlanVanAanpak;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.PlanVanAanpak;
using KenJeKlant.Host.Audit;
using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Host.Infrastructuur.Http;
using KenJeKlant.Host.Klantmanagers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Host.PlanVanAanpak;

/// <summary>
/// A client's plan van aanpak: <c>/api/v1/klanten/{klantnummer}/plan-van-aanpak</c> (the current plan, its versions,
/// a new version, closing an afspraak), printable as <c>plan-van-aanpak.html</c> and <c>plan-van-aanpak.pdf</c>, and
/// <c>/api/v1/plan-van-aanpak/keuzes</c> (the gemeente's partners and leefdomeinen for the form). Only the client's
/// klantmanager or their waarnemer; every read and change is in the audit log. Handhaving never sees a plan.
/// </summary>
public static class PlanVanAanpakApi
{
    public static IEndpointRouteBuilder MapPlanVanAanpakApi(this IEndpointRouteBuilder app)
    {
        var klant = app.MapGroup("/api/v1/klanten/{klantnummer}").WithTags("Plan van aanpak").RequireAuthorization(Toegang.EigenKlant);
        klant.MapGet("/plan-van-aanpak", Huidig)
            .WithSummary("Het huidige plan van aanpak van de klant: doel, afspraken met hun stand, versie, wie en wanneer.")
            .Verwerkt("plan van aanpak inzien", AuditActie.Lezen);
        klant.MapPut("/plan-van-aanpak", StelVast)
            .WithSummary("Leg een nieuwe versie van het hele plan vast. Afspraken met hun id blijven dezelfde afspraak; een afgeronde afspraak verandert niet (409).")
            .Verwerkt("plan van aanpak vaststellen", AuditActie.Wijzigen);
        klant.MapGet("/plan-van-aanpak/versies/{versie:int}", Versie)
            .WithSummary("Een eerdere versie van het plan van aanpak, zoals die toen was.")
            .Verwerkt("plan van aanpak inzien", AuditActie.Lezen);
        klant.MapPost("/plan-van-aanpak/afspraken/{id:guid}/afronding", RondAf)
            .WithSummary("Rond een afspraak af: nagekomen, niet-nagekomen of vervallen. Niet nagekomen is informatie voor de klantmanager, nooit vanzelf een handhavingssignaal.")
            .Verwerkt("afspraak afronden", AuditActie.Wijzigen);
        klant.MapGet("/plan-van-aanpak.html", Html)
            .WithSummary("Het plan van aanpak om af te drukken voor de klant, in eenvoudig Nederlands (HTML).")
            .Produces(200, contentType: "text/html").Verwerkt("plan van aanpak afdrukken", AuditActie.Lezen);
        klant.MapGet("/plan-van-aanpak.pdf", Pdf)
            .WithSummary("Het plan van aanpak om af te drukken voor de klant, in eenvoudig Nederlands (PDF).")
            .Produces(200, contentType: "application/pdf").Verwerkt("plan van aanpak afdrukken", AuditActie.Lezen);
        app.MapGet("/api/v1/plan-van-aanpak/keuzes", Keuzes).WithTags("Plan van aanpak").RequireAuthorization(Toegang.Klantmanager)
            .WithSummary("De partners en leefdomeinen die een afspraak kan noemen (beleid van de gemeente). Geen persoonsgegevens.")
            .ZonderPersoonsgegevens();
        return app;
    }

    private static async Task<Results<Ok<Plan>, ProblemHttpResult>> Huidig(string klantnummer, IGrainFactory grains) =>
        await grains.GetGrain<IPlanVanAanpakGrain>(klantnummer).GetAsync() is { } plan ? TypedResults.Ok(plan) : GeenPlan(klantnummer);

    private static async Task<Ok<Plan>> StelVast(string klantnummer, PlanVerzoek v, HttpContext ctx, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IPlanVanAanpakGrain>(klantnummer).StelVastAsync(v.NaarInvoer(Actor.Van(ctx))));

    private static async Task<Results<Ok<Plan>, ProblemHttpResult>> Versie(string klantnummer, int versie, IGrainFactory grains) =>
        await grains.GetGrain<IPlanVanAanpakGrain>(klantnummer).GetVersieAsync(versie) is { } plan
            ? TypedResults.Ok(plan)
            : TypedResults.Problem(statusCode: 404, title: "Versie niet gevonden", detail: $"Het plan van aanpak van klant {klantnummer} heeft geen versie {versie}.");

    private static async Task<Ok<AfrondingAntwoord>> RondAf(string klantnummer, Guid id, AfrondingVerzoek v, HttpContext ctx, IGrainFactory grains)
    {
        var plan = await grains.GetGrain<IPlanVanAanpakGrain>(klantnummer).RondAfAsync(id, v.NaarInvoer(Actor.Van(ctx)));
        return TypedResults.Ok(new AfrondingAntwoord(plan.Afspraken.Single(a => a.Id == id), PlanVanAanpakRegels.Melding(v.Status!.Value), plan));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Html(string klantnummer, IGrainFactory grains, PlanAfdrukken afdrukken, CancellationToken ct) =>
        await afdrukken.MaakAsync(klantnummer, grains, ct) is { } afdruk
            ? TypedResults.Content(PlanAfdrukHtml.Maak(afdruk), "text/html; charset=utf-8")
            : GeenPlan(klantnummer);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Pdf(string klantnummer, IGrainFactory grains, PlanAfdrukken afdrukken, CancellationToken ct) =>
        await afdrukken.MaakAsync(klantnummer, grains, ct) is { } afdruk
            ? TypedResults.File(afdrukken.Pdf(afdruk), "application/pdf", $"plan-van-aanpak-{klantnummer}.pdf")
            : GeenPlan(klantnummer);

    private static Ok<PlanKeuzes> Keuzes(IOptionsMonitor<PlanVanAanpakBeleid> beleid) =>
        TypedResults.Ok(new PlanKeuzes(beleid.CurrentValue.Partners, beleid.CurrentValue.Leefdomeinen));

    private static ProblemHttpResult GeenPlan(string klantnummer) =>
        TypedResults.Problem(statusCode: 404, title: "Geen plan van aanpak", detail: $"Klant {klantnummer} heeft nog geen plan van aanpak.");
}

/// <summary>The closed afspraak, what that means (never a sanction by itself), and the plan as it now is.</summary>
public sealed record AfrondingAntwoord(Afspraak Afspraak, string Melding, Plan Plan);

/// <summary>What an afspraak may name, from <c>Beleid:PlanVanAanpak</c>.</summary>
public sealed record PlanKeuzes(IReadOnlyList<string> Partners, IReadOnlyList<string> Leefdomeinen);

/// <summary>The printout's data: the plan, the client's name and the klantmanager's.</summary>
public sealed class PlanAfdrukken(IPlanVanAanpakOpslag opslag, IMedewerkers medewerkers, IOptions<AfdrukInstellingen> instellingen)
{
    public async Task<PlanAfdruk?> MaakAsync(string klantnummer, IGrainFactory grains, CancellationToken ct)
    {
        if (await grains.GetGrain<IPlanVanAanpakGrain>(klantnummer).GetAsync() is not { } plan) return null;
        var klant = await opslag.KlantAsync(klantnummer, ct);
        var klantmanager = klant is null ? null : (await medewerkers.KlantmanagersAsync(ct)).FirstOrDefault(k => k.Id == klant.Klantmanager)?.Naam;
        return new PlanAfdruk(plan, klant?.Naam ?? klantnummer, klantmanager);
    }

    public byte[] Pdf(PlanAfdruk afdruk)
    {
        Lettertypen.Installeer(instellingen.Value);
        return PlanAfdrukPdf.Maak(afdruk);
    }
}
