namespace KenJeKlant.Host.Doelen;

/// <summary>The doelenboom's targets (<c>/api/v1/doelen</c>): per indicator, year and gemeente, with their history.</summary>
public static class DoelenModule
{
    public static WebApplicationBuilder AddDoelen(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PostgresDoelen>();
        return builder;
    }

    public static IEndpointRouteBuilder MapDoelen(this IEndpointRouteBuilder app)
    {
        app.MapDoelenApi();
        return app;
    }
}
