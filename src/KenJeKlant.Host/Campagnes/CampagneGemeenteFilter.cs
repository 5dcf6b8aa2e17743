using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Host.Gemeenten;

namespace KenJeKlant.Host.Campagnes;

/// <summary>
/// A programmaleider limited to gemeenten (<see cref="Gemeentetoegang"/>) works only on campaigns that select one of
/// theirs: one set up for another gemeente, or for all of them, is refused with 403 and logged for the operator.
/// A campaign without a gemeente in a dienst of one gemeente is that gemeente's. The list of campaigns (names and
/// status, no personal data) stays whole.
/// </summary>
public sealed partial class CampagneGemeenteFilter(IGrainFactory grains, Gemeentelijst gemeenten, ILogger<CampagneGemeenteFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (Gemeentetoegang.Toegestaan(http.User) is not { } eigen) return await next(context);

        string? gemeente;
        if (http.Request.RouteValues["id"] is string id)
        {
            // An unknown campaign is the endpoint's 404, not a refusal.
            if (await grains.GetGrain<ICampagneGrain>(id).GetAsync() is not { } stand) return await next(context);
            gemeente = stand.Definitie.Selectie.Gemeente;
        }
        else if (context.Arguments.OfType<CampagneVerzoek>().FirstOrDefault() is { } verzoek)
            gemeente = verzoek.Selectie?.Gemeente;
        else
            return await next(context);

        gemeente ??= gemeenten.Enige?.Code;
        if (gemeente is not null && eigen.Contains(gemeente)) return await next(context);
        LogGeweigerd(logger, http.User.Identity?.Name ?? "?", gemeente ?? "alle gemeenten", http.Request.Method, http.Request.Path);
        return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Geen toegang tot deze gemeente",
            detail: gemeente is null
                ? $"Deze campagne selecteert in alle gemeenten; u werkt alleen voor {string.Join(", ", eigen.Order())}. Kies in de selectie een gemeente."
                : $"Deze campagne is voor gemeente {gemeente}; u werkt alleen voor {string.Join(", ", eigen.Order())}.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gemeente refused: {Gebruiker} asked for a campaign of {Gemeente} ({Methode} {Pad})")]
    private static partial void LogGeweigerd(ILogger logger, string gebruiker, string gemeente, string methode, string pad);
}
