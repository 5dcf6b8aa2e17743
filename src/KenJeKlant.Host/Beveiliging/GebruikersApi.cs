using KenJeKlant.Host.Audit;
using KenJeKlant.Host.Gemeenten;
using KenJeKlant.Host.Klantmanagers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace KenJeKlant.Host.Beveiliging;

/// <summary>The beheerder's user administration: accounts, their roles, and (for a klantmanager) the medewerker they are.</summary>
public static class GebruikersApi
{
    public const int MinimaleWachtwoordLengte = 12;

    public static IEndpointRouteBuilder MapGebruikersApi(this IEndpointRouteBuilder app)
    {
        var groep = app.MapGroup("/api/v1/gebruikers").WithTags("Gebruikers").RequireAuthorization(Toegang.Beheer);
        groep.MapGet("/", Lijst).WithSummary("Alle accounts (zonder wachtwoorden).").Verwerkt("gebruikers beheren", AuditActie.Lezen, "gebruikers");
        groep.MapPut("/{gebruikersnaam}", Bewaar)
            .WithSummary("Maak of wijzig een account: naam, rollen, medewerker (voor een klantmanager), gemeenten (een programmaleider alleen voor die gemeenten; leeg: alle), nieuw wachtwoord, actief. Een nieuw wachtwoord heft een blokkade op.")
            .Verwerkt("gebruiker beheren", AuditActie.Wijzigen, "gebruiker");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<GebruikerOverzicht>>> Lijst(IGebruikers gebruikers, TimeProvider klok, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<GebruikerOverzicht>>([.. (await gebruikers.AllemaalAsync(ct)).Select(g => GebruikerOverzicht.Van(g, klok.GetUtcNow()))]);

    private static async Task<Results<NoContent, ValidationProblem>> Bewaar(
        string gebruikersnaam, GebruikerVerzoek v, IGebruikers gebruikers, IMedewerkers medewerkers,
        IPasswordHasher<Gebruiker> hasher, Gemeentelijst gemeentelijst, CancellationToken ct)
    {
        var bestaand = await gebruikers.VindAsync(gebruikersnaam, ct);
        var fouten = await FoutenAsync(gebruikersnaam, v, bestaand, medewerkers, ct);
        if (v.Gemeenten?.Where(g => gemeentelijst.Zoek(g) is null).ToList() is { Count: > 0 } onbekend)
            fouten["gemeenten"] = [$"Onbekende gemeente(n) {string.Join(", ", onbekend)}; deze dienst werkt voor {string.Join(", ", gemeentelijst.Alle.Select(g => g.Code))}."];
        if (fouten.Count > 0) return TypedResults.ValidationProblem(fouten, title: "Account niet opgeslagen");
        var rollen = v.Rollen!.Distinct(StringComparer.Ordinal).ToArray();
        var gebruiker = new Gebruiker(gebruikersnaam, v.Naam!.Trim(), rollen, v.Medewerker, bestaand?.WachtwoordHash ?? "",
            bestaand?.MisluktePogingen ?? 0, bestaand?.GeblokkeerdTot, v.Actief ?? true,
            // Not given: as it was (a new account: all gemeenten); an empty list lifts the limit.
            v.Gemeenten is { } gemeenten ? [.. gemeenten.Select(g => gemeentelijst.Zoek(g)!.Code).Distinct(StringComparer.Ordinal)] : bestaand?.Gemeenten);
        if (v.Wachtwoord is { } wachtwoord)
            gebruiker = gebruiker with { WachtwoordHash = hasher.HashPassword(gebruiker, wachtwoord), MisluktePogingen = 0, GeblokkeerdTot = null };
        await gebruikers.BewaarAsync(gebruiker, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Dictionary<string, string[]>> FoutenAsync(
        string gebruikersnaam, GebruikerVerzoek v, Gebruiker? bestaand, IMedewerkers medewerkers, CancellationToken ct)
    {
        var fouten = new Dictionary<string, string[]>();
        if (gebruikersnaam.Length is < 2 or > 60) fouten["gebruikersnaam"] = ["Tussen 2 en 60 tekens."];
        if (string.IsNullOrWhiteSpace(v.Naam)) fouten["naam"] = ["Vul de naam in."];
        if (v.Rollen is not { Count: > 0 } || v.Rollen.Any(r => !Rollen.Bestaat(r)))
            fouten["rollen"] = [$"Eén of meer van: {string.Join(", ", Rollen.Alle)}."];
        if (v.Rollen?.Contains(Rollen.Klantmanager) == true
            && (v.Medewerker is null || !(await medewerkers.KlantmanagerIdsAsync(ct)).Contains(v.Medewerker)))
            fouten["medewerker"] = ["Een klantmanager-account hoort bij een bestaande, actieve klantmanager (zijn caseload)."];
        if (v.Wachtwoord is null && bestaand is null) fouten["wachtwoord"] = ["Een nieuw account heeft een wachtwoord."];
        if (v.Wachtwoord is { Length: < MinimaleWachtwoordLengte })
            fouten["wachtwoord"] = [$"Minstens {MinimaleWachtwoordLengte} tekens."];
        return fouten;
    }
}

/// <param name="Gemeenten">CBS codes a programmaleider is limited to (empty: all gemeenten; left out: unchanged).</param>
public sealed record GebruikerVerzoek(string? Naam, IReadOnlyList<string>? Rollen, string? Medewerker, string? Wachtwoord, bool? Actief,
    IReadOnlyList<string>? Gemeenten = null);
