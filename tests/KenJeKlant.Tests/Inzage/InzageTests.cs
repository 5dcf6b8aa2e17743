using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KenJeKlant.Host.Audit;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Storage;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PdfSharp.Pdf.IO;

namespace KenJeKlant.Tests.Inzage;

/// <summary>
/// Inzage (AVG art. 15): for a client with a history, everything held and every audit entry about them — and none about
/// anyone else; the same as a PDF; only for the beheerder; the verwerkingsregister's ids on the entries, the chain intact.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class InzageTests
{
    private static async Task<List<long>> VolgnummersAsync(KenJeKlantApp app, string betrokkene)
    {
        await using var db = NpgsqlDataSource.Create(app.ConnectionString);
        await using var cmd = db.CreateCommand("SELECT volgnummer FROM auditlog WHERE object = $1 ORDER BY volgnummer");
        cmd.Parameters.AddWithValue(betrokkene);
        var uit = new List<long>();
        await using var lezer = await cmd.ExecuteReaderAsync();
        while (await lezer.ReadAsync()) uit.Add(lezer.GetInt64(0));
        return uit;
    }

    [Fact]
    public async Task Een_inzage_bevat_alles_over_de_klant_en_elke_verwerking_van_zijn_gegevens_en_niets_over_een_ander()
    {
        var (app, als) = await VierKlanten.StartAsync("inzage");
        await using var _ = app;
        // A history for K1: read, trajectory recorded, a rechtmatigheidssignaal raised and read by handhaving.
        (await als.Km001.GetAsync("/api/v1/klanten/K1")).EnsureSuccessStatusCode();
        (await als.Km001.PostAsJsonAsync("/api/v1/klanten/K1/indelingen", new { indeling = "overbrugbare-afstand" })).EnsureSuccessStatusCode();
        (await als.Km001.PostAsJsonAsync("/api/v1/klanten/K1/tredemetingen", new { trede = 3 })).EnsureSuccessStatusCode();
        using var gemeld = await als.Km001.PostAsJsonAsync("/api/v1/klanten/K1/rechtmatigheidssignalen",
            new { aanleiding = "woonsituatie", feiten = "Post komt terug met 'onbekend op dit adres'.", toelichting = "Graag onderzoeken." });
        Assert.Equal(HttpStatusCode.Created, gemeld.StatusCode);
        var signaal = (await gemeld.LeesAsync()).GetProperty("id").GetString();
        (await als.Handhaving.GetAsync($"/api/v1/rechtmatigheidssignalen/{signaal}")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Forbidden, (await als.Km002.GetAsync("/api/v1/klanten/K1")).StatusCode); // a refused look is a processing too
        // And another client's history in the same log.
        (await als.Km002.GetAsync("/api/v1/klanten/K3")).EnsureSuccessStatusCode();
        (await als.Km002.PostAsJsonAsync("/api/v1/klanten/K3/indelingen", new { indeling = "zonder-afstand" })).EnsureSuccessStatusCode();

        var overK1 = await VolgnummersAsync(app, "klant K1");
        var overK3 = await VolgnummersAsync(app, "klant K3");
        Assert.True(overK1.Count >= 6, $"te weinig auditregels over K1: {overK1.Count}");
        var inzage = await (await als.Beheerder.GetAsync("/api/v1/klanten/K1/inzage")).LeesAsync();

        var verwerkingen = inzage.GetProperty("verwerkingen").EnumerateArray().ToList();
        Assert.Equal(overK1, verwerkingen.Select(v => v.GetProperty("volgnummer").GetInt64()));
        Assert.Empty(verwerkingen.Select(v => v.GetProperty("volgnummer").GetInt64()).Intersect(overK3));
        Assert.All(verwerkingen, v => Assert.False(v.TryGetProperty("medewerker", out var m) && m.ValueKind != JsonValueKind.Null));
        var inzien = verwerkingen.First(v => v.GetProperty("handeling").GetString() == "klantdossier inzien");
        Assert.Equal(("KJK-VA-02", "klantmanager"), (inzien.GetProperty("activiteitId").GetString(), inzien.GetProperty("rol").GetString()));
        Assert.Contains(verwerkingen, v => v.GetProperty("resultaat").GetInt32() == 403);
        Assert.Equal("K1", inzage.GetProperty("dossier").GetProperty("profiel").GetProperty("klantnummer").GetString());
        Assert.Equal(3, inzage.GetProperty("dossier").GetProperty("tredes")[0].GetProperty("trede").GetInt32());
        Assert.Equal(signaal, Assert.Single(inzage.GetProperty("rechtmatigheidssignalen").EnumerateArray()).GetProperty("id").GetString());
        Assert.DoesNotContain("K3", inzage.GetProperty("verwerkingen").GetRawText(), StringComparison.Ordinal);

        // The inzage itself is logged, about K1, with its activity.
        var na = await VolgnummersAsync(app, "klant K1");
        Assert.Equal(overK1.Count + 1, na.Count);

        using var pdfVraag = new HttpRequestMessage(HttpMethod.Get, "/api/v1/klanten/K1/inzage");
        pdfVraag.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/pdf"));
        using var pdf = await als.Beheerder.SendAsync(pdfVraag);
        Assert.Equal((HttpStatusCode.OK, "application/pdf"), (pdf.StatusCode, pdf.Content.Headers.ContentType?.MediaType));
        using (var document = PdfReader.Open(new MemoryStream(await pdf.Content.ReadAsByteArrayAsync()), PdfDocumentOpenMode.Import))
        {
            Assert.Contains("K1", document.Info.Title, StringComparison.Ordinal);
            Assert.True(document.PageCount >= 2, $"{document.PageCount} pagina's voor een klant met historie");
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await als.Programmaleider.GetAsync("/api/v1/klanten/K1/inzage")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await als.Km001.GetAsync("/api/v1/klanten/K1/inzage")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await als.Beheerder.GetAsync("/api/v1/klanten/K9/inzage")).StatusCode);

        // Old entries and new ones (with activity and span) verify as one chain.
        var keten = await (await als.Beheerder.GetAsync("/api/v1/auditlog/verificatie")).LeesAsync();
        Assert.Null(keten.GetProperty("eersteFout").GetString());
    }

    [Fact]
    public async Task Elke_handeling_van_een_endpoint_staat_in_het_verwerkingsregister_onder_een_vaste_id()
    {
        await using var app = await KenJeKlantApp.StartAsync("verwerkingsregister");
        using var beheerder = await app.AlsAsync("beheerder");
        var register = await (await beheerder.GetAsync("/api/v1/verwerkingsactiviteiten")).LeesAsync();
        var ids = register.EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);

        var handelingen = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<Verwerking>()?.Activiteit).OfType<string>().Distinct().ToList();
        Assert.True(handelingen.Count > 30);
        Assert.DoesNotContain(handelingen, h => Verwerkingsregister.IdVan(h) is null);
    }
}
