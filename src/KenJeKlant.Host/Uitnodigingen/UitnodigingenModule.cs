namespace KenJeKlant.Host.Uitnodigingen;

/// <summary>The letters in the outbox, for mail merge and print: <c>/api/v1/uitnodigingen</c>.</summary>
public static class UitnodigingenModule
{
    public static IEndpointRouteBuilder MapUitnodigingen(this IEndpointRouteBuilder app)
    {
        app.MapUitnodigingenApi();
        return app;
    }
}
