namespace KenJeKlant.Host.Infrastructuur.Http;

/// <summary>Page links as the NL API design rules ask: self, first, previous, next, last.</summary>
public sealed record Links(Link Self, Link First, Link? Prev, Link? Next, Link Last);

public sealed record Link(string Href);

public static class Paginering
{
    public const int MaxPaginagrootte = 200;

    public static Links Maak(HttpRequest request, int pagina, int paginagrootte, long totaal)
    {
        var laatste = (int)Math.Max(1, (totaal + paginagrootte - 1) / paginagrootte);
        Link Naar(int p)
        {
            var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
            query["page"] = p.ToString(System.Globalization.CultureInfo.InvariantCulture);
            query["pageSize"] = paginagrootte.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new Link(request.Path + QueryString.Create(query!));
        }
        return new Links(Naar(pagina), Naar(1), pagina > 1 ? Naar(pagina - 1) : null, pagina < laatste ? Naar(pagina + 1) : null, Naar(laatste));
    }
}
