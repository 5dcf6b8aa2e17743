using Microsoft.AspNetCore.Authorization;

namespace KenJeKlant.Host.Beveiliging;

/// <summary>
/// The access rules, by name. Every endpoint and hub names one (the authorisation matrix test fails
/// for one that does not); the rules follow DOMAIN.md's data minimisation: programmaleiders see
/// aggregates, a klantmanager their caseload, handhaving the signals, beheerders import, policy and users.
/// </summary>
public static class Toegang
{
    /// <summary>Campaigns and aggregates (no personal data): programmaleider and beheerder.</summary>
    public const string Programma = "programma";
    /// <summary>Import, policies, users, the audit log: beheerder.</summary>
    public const string Beheer = "beheer";
    /// <summary>The signal queue and the review: handhaving.</summary>
    public const string Handhaving = "handhaving";
    /// <summary>A klantmanager, for a client in their caseload (route value <c>klantnummer</c>).</summary>
    public const string EigenKlant = "eigen-klant";
    /// <summary>A klantmanager, for their own werklijst or one they cover (route value <c>id</c>).</summary>
    public const string EigenWerklijst = "eigen-werklijst";
    /// <summary>A klantmanager; what they then see is limited to their caseload by the endpoint.</summary>
    public const string Klantmanager = "klantmanager";
    /// <summary>Anyone logged in with a role: staff-level information such as the list of klantmanagers.</summary>
    public const string Medewerker = "medewerker";

    public static void Voeg(AuthorizationOptions o)
    {
        o.AddPolicy(Programma, p => p.RequireRole(Rollen.Programmaleider, Rollen.Beheerder));
        o.AddPolicy(Beheer, p => p.RequireRole(Rollen.Beheerder));
        o.AddPolicy(Handhaving, p => p.RequireRole(Rollen.Handhaving));
        o.AddPolicy(Klantmanager, p => p.RequireRole(Rollen.Klantmanager));
        o.AddPolicy(EigenKlant, p => p.RequireRole(Rollen.Klantmanager).AddRequirements(new InCaseload("klantnummer", OpWerklijst: false)));
        o.AddPolicy(EigenWerklijst, p => p.RequireRole(Rollen.Klantmanager).AddRequirements(new InCaseload("id", OpWerklijst: true)));
        o.AddPolicy(Medewerker, p => p.RequireRole([.. Rollen.Alle]));
        // An endpoint that names no rule is closed to everyone without a role, never open.
        o.FallbackPolicy = o.GetPolicy(Medewerker);
    }
}

/// <summary>The route value <paramref name="RouteWaarde"/> names a client (or werklijst) in the user's caseload.</summary>
public sealed record InCaseload(string RouteWaarde, bool OpWerklijst) : IAuthorizationRequirement;

public sealed class InCaseloadHandler(Caseload caseload) : AuthorizationHandler<InCaseload>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, InCaseload eis)
    {
        if (context.Resource is not HttpContext http || http.Request.RouteValues[eis.RouteWaarde] is not string waarde) return;
        var mag = eis.OpWerklijst
            ? await caseload.MagWerklijstAsync(context.User, waarde, http.RequestAborted)
            : await caseload.MagKlantAsync(context.User, waarde, http.RequestAborted);
        if (mag) context.Succeed(eis);
    }
}
