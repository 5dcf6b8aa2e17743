namespace KenJeKlant.Host.Audit;

/// <summary>
/// Lets an endpoint name the data subject once it knows it, when the route does not carry it (a
/// signal's id stands for a client): the audit entry then says <c>klant K1</c>, which is what a
/// person asking "who looked at my data" is searched by.
/// </summary>
public static class AuditBetrokkene
{
    private const string Sleutel = "kjk.audit.betrokkene";

    public static void Noem(HttpContext ctx, string betrokkene) => ctx.Items[Sleutel] = betrokkene;

    public static string Van(HttpContext ctx, string uitRoute) => ctx.Items.TryGetValue(Sleutel, out var b) && b is string s ? s : uitRoute;
}
