using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KenJeKlant.Host.Audit;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Infrastructure;
using KenJeKlant.Tests.Storage;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KenJeKlant.Tests.Audit;

/// <summary>The audit log through the real host on PostgreSQL: what is logged, that it cannot be edited unnoticed, and that it lasts.</summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class AuditLogTests
{
    [Fact]
    public async Task Een_dossier_lezen_geeft_precies_een_auditregel_met_de_juiste_velden_en_een_weigering_wordt_ook_gelogd()
    {
        var (app, als) = await VierKlanten.StartAsync("audit-lezen");
        await using var _ = app;
        var begin = DateTimeOffset.UtcNow.AddSeconds(-1);

        (await als.Km001.GetAsync("/api/v1/klanten/K1")).EnsureSuccessStatusCode();

        var regels = await RegelsAsync(als.Beheerder, "klant K1");
        var regel = Assert.Single(regels);
        var r = regel.GetProperty("regel");
        Assert.Equal("klantdossier inzien", r.GetProperty("verwerking").GetString());
        Assert.Equal("lezen", r.GetProperty("actie").GetString());
        Assert.Equal(200, r.GetProperty("resultaat").GetInt32());
        Assert.Equal("km-km001", r.GetProperty("actor").GetString());
        Assert.Equal("klantmanager", r.GetProperty("rol").GetString());
        Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("traceId").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("oorsprong").GetString()));
        Assert.InRange(r.GetProperty("tijdstip").GetDateTimeOffset(), begin, DateTimeOffset.UtcNow.AddSeconds(1));

        // A refused change is a processing too, with the answer the caller got.
        Assert.Equal(HttpStatusCode.Conflict, (await als.Km001.PostAsJsonAsync("/api/v1/klanten/K2/routes", new { route = "leerwerktraject" })).StatusCode);
        var weigering = Assert.Single(await RegelsAsync(als.Beheerder, "klant K2")).GetProperty("regel");
        Assert.Equal(("traject vastleggen", "wijzigen", 409),
            (weigering.GetProperty("verwerking").GetString(), weigering.GetProperty("actie").GetString(), weigering.GetProperty("resultaat").GetInt32()));
        // An attempt outside one's caseload is logged with the refusal.
        Assert.Equal(HttpStatusCode.Forbidden, (await als.Km002.GetAsync("/api/v1/klanten/K1")).StatusCode);
        var poging = Assert.Single(await RegelsAsync(als.Beheerder, "klant K1"), e => e.GetProperty("regel").GetProperty("actor").GetString() == "km-km002");
        Assert.Equal(403, poging.GetProperty("regel").GetProperty("resultaat").GetInt32());
        // Aggregates are not personal data: no entry.
        var aantal = (await RegelsAsync(als.Beheerder, null)).Count;
        (await als.Programmaleider.GetAsync("/api/v1/herbeoordelingen/team")).EnsureSuccessStatusCode();
        Assert.Equal(aantal + 1, (await RegelsAsync(als.Beheerder, null)).Count); // + the earlier read of the log itself
    }

    [Fact]
    public async Task Een_gewijzigde_regel_valt_op_bij_de_verificatie_en_de_log_overleeft_een_herstart()
    {
        var (app, als) = await VierKlanten.StartAsync("audit-keten");
        foreach (var k in new[] { "K1", "K2" }) (await als.Km001.GetAsync($"/api/v1/klanten/{k}")).EnsureSuccessStatusCode();
        (await als.Km002.GetAsync("/api/v1/klanten/K3")).EnsureSuccessStatusCode();
        var client = als.Beheerder;
        var voor = (await RegelsAsync(client, null)).Count;
        Assert.True((await VerificatieAsync(client)).GetProperty("intact").GetBoolean());
        var tokenKm = await app.TokenAsync("km-km001");
        var tokenBeheerder = await app.TokenAsync("beheerder");

        var herstart = app.Herstart();
        await app.DisposeAsync();
        await using var _ = herstart;
        // Tokens issued before the restart still work: the keys that sign them are in PostgreSQL.
        var km = herstart.CreateClient();
        km.DefaultRequestHeaders.Authorization = new("Bearer", tokenKm);
        var client2 = herstart.CreateClient();
        client2.DefaultRequestHeaders.Authorization = new("Bearer", tokenBeheerder);
        (await km.GetAsync("/api/v1/klanten/K4")).EnsureSuccessStatusCode();
        var na = await RegelsAsync(client2, null);
        Assert.Equal(voor + 2, na.Count); // the read of K4, and the read of the log itself
        Assert.Equal(na.Count, na[0].GetProperty("volgnummer").GetInt64());
        var verificatie = await VerificatieAsync(client2);
        Assert.True(verificatie.GetProperty("intact").GetBoolean(), verificatie.GetRawText());

        await using var db = NpgsqlDataSource.Create(herstart.ConnectionString);
        var geweigerd = await Assert.ThrowsAsync<PostgresException>(async () => await VoerUitAsync(db, "UPDATE auditlog SET object = 'klant K9' WHERE volgnummer = 2"));
        Assert.Contains("alleen worden aangevuld", geweigerd.MessageText, StringComparison.Ordinal);
        // Someone with the power to switch the trigger off still cannot hide it: the chain breaks at that entry.
        await VoerUitAsync(db, "ALTER TABLE auditlog DISABLE TRIGGER auditlog_geen_wijziging; UPDATE auditlog SET object = 'klant K9' WHERE volgnummer = 2; ALTER TABLE auditlog ENABLE TRIGGER auditlog_geen_wijziging");
        verificatie = await VerificatieAsync(client2);
        Assert.False(verificatie.GetProperty("intact").GetBoolean());
        Assert.Equal(2, verificatie.GetProperty("eersteFout").GetInt64());
    }

    [Fact]
    public async Task Elk_endpoint_zegt_of_het_persoonsgegevens_verwerkt()
    {
        var (app, _) = await VierKlanten.StartAsync("audit-dekking");
        await using var __ = app;
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .ToList();
        Assert.NotEmpty(endpoints);
        var zonder = endpoints
            .Where(e => e.Metadata.GetMetadata<Verwerking>() is null && e.Metadata.GetMetadata<GeenPersoonsgegevens>() is null)
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        Assert.True(zonder.Count == 0, "Endpoints without Verwerkt(...) or ZonderPersoonsgegevens(): " + string.Join(", ", zonder));
    }

    [Fact]
    public async Task De_keten_vindt_een_verwijderde_of_verwisselde_regel()
    {
        var log = new PostgresAuditLog(NpgsqlDataSource.Create(await PostgresServer.CreateDatabaseAsync("auditketen")));
        for (var i = 0; i < 4; i++)
            await log.SchrijfAsync(new AuditRegel(DateTimeOffset.UtcNow, "km", "klantmanager", AuditActie.Lezen, "klantdossier inzien", $"klant K{i}", 200, "::1", "t"), default);
        var alle = (await log.ZoekAsync(null, 10, default)).Reverse().ToList();
        Assert.True((await AuditKeten.VerifieerAsync(Async(alle), default)).Intact);

        Assert.Equal(3, (await AuditKeten.VerifieerAsync(Async([alle[0], alle[1], alle[3]]), default)).EersteFout);
        var verwisseld = (await AuditKeten.VerifieerAsync(Async([alle[0], alle[2] with { Volgnummer = 2 }, alle[1] with { Volgnummer = 3 }]), default));
        Assert.Equal(2, verwisseld.EersteFout);
    }

    private static async IAsyncEnumerable<AuditInvoer> Async(IEnumerable<AuditInvoer> invoer)
    {
        foreach (var i in invoer) yield return i;
        await Task.CompletedTask;
    }

    private static async Task<List<JsonElement>> RegelsAsync(HttpClient client, string? betrokkene)
    {
        var url = "/api/v1/auditlog?maximaal=1000" + (betrokkene is null ? "" : $"&betrokkene={Uri.EscapeDataString(betrokkene)}");
        var antwoord = await client.GetAsync(url);
        antwoord.EnsureSuccessStatusCode();
        return [.. (await antwoord.LeesAsync()).EnumerateArray()];
    }

    private static async Task<JsonElement> VerificatieAsync(HttpClient client) =>
        await (await client.GetAsync("/api/v1/auditlog/verificatie")).LeesAsync();

    private static async Task VoerUitAsync(NpgsqlDataSource db, string sql)
    {
        await using var cmd = db.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }
}
