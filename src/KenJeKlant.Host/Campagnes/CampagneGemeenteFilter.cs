using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Host.Gemeenten;

namespace KenJeKlant.Host.Campagnes;

/// <summary>
/// A programmaleider limited to gemeenten (<see cref="Gemeentetoegang"/>) works only on campaigns that select one of
/// theirs: one set up for another gemeente, or for all of them, is refused with 403, written to the audit log and the
/// operators' log (<see cref="Gemeentetoegang.WeigerAsync"/>). A campaign without a gemeente in a dienst of one gemeente is that gemeente's. The list of campaigns
/// is not refused but filtered (CampagnesApi).
/// </summary>
public sealed class CampagneGemeenteFilter(IGrainFactory grains, Gemeentelijst gemeenten) : IEndpointFilter
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
        return await Gemeentetoegang.WeigerAsync(http, gemeente, "campagne");
    }
}
