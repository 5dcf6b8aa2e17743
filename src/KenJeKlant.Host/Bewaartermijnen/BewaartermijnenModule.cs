using KenJeKlant.Host.Infrastructuur;

namespace KenJeKlant.Host.Bewaartermijnen;

/// <summary>Bewaartermijnen (<c>/api/v1/bewaartermijnen</c>): what has passed its term, and anonymising it once a beheerder approves.</summary>
public static class BewaartermijnenModule
{
    public static WebApplicationBuilder AddBewaartermijnen(this WebApplicationBuilder builder)
    {
        builder.AddInstellingen<BewaartermijnenInstellingen>(BewaartermijnenInstellingen.Sectie);
        builder.Services.AddSingleton<PostgresBewaartermijnen>();
        return builder;
    }

    public static IEndpointRouteBuilder MapBewaartermijnen(this IEndpointRouteBuilder app)
    {
        app.MapBewaartermijnenApi();
        return app;
    }
}
