using System.Net;
using System.Reflection;
using System.Text;
using KenJeKlant.Host.Campagnes;
using KenJeKlant.Host.Handhaving;
using KenJeKlant.Host.Infrastructuur.Realtime;
using KenJeKlant.Host.Werklijsten;
using KenJeKlant.Tests.Api;
using KenJeKlant.Tests.Storage;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using static KenJeKlant.Tests.Beveiliging.BeveiligingOmgeving;

namespace KenJeKlant.Tests.Beveiliging;

/// <summary>
/// Every endpoint and every hub method × every actor → allowed or refused, as the table below says.
/// Endpoints and hub methods come from the running host (route table, hub types): one without a line
/// in the table fails the test, so nothing new goes live without someone deciding who may use it.
/// Allowed means the request got past authorisation (any answer but 401/403: a 400 for an empty
/// body, a 404 for a made-up id); refused means 401 for nobody and 403 for a logged-in person.
/// </summary>
[Collection(SerialOrleansClusters.Name)]
public sealed class AutorisatieMatrixTests(BeveiligingOmgeving omgeving) : IClassFixture<BeveiligingOmgeving>
{
    private const string P = "programmaleider", KM = Klantmanager, KM2 = AndereKlantmanager, H = "handhaving", B = "beheerder",
        PH = ProgrammaleiderHier, PE = ProgrammaleiderElders;
    private static readonly string[] Iedereen = [Anoniem, P, KM, KM2, H, B, PH, PE];
    private static readonly string[] Ingelogd = [P, KM, KM2, H, B, PH, PE];
    private static readonly string[] Programma = [P, B, PH, PE];
    // A campaign of this installation's one gemeente (Haarlem): not for a programmaleider limited to another.
    private static readonly string[] ProgrammaHier = [P, B, PH];

    private static readonly Dictionary<string, string[]> Endpoints = new()
    {
        ["GET /api/v1/openapi.json"] = Iedereen,
        ["GET /health"] = Iedereen,
        ["GET /health/live"] = Iedereen,
        ["GET /metrics"] = Iedereen, // counts only; kept off the public proxy
        ["* /beheer/orleans"] = [B], // the Orleans Dashboard: its page and every data endpoint under it
        ["GET /beheer/orleans/Trace"] = [], // its live log stream is off for everyone: log lines may name clients
        ["POST /api/v1/sessie/"] = Iedereen,
        ["POST /api/v1/tokens"] = Iedereen,
        ["GET /api/v1/sessie/"] = Ingelogd,
        ["DELETE /api/v1/sessie/"] = Ingelogd,
        ["GET /api/v1/sessie/aanmeldwijzen"] = Iedereen,
        ["GET /api/v1/sessie/gemeente"] = Iedereen, // 404 where the gemeente's provider is not set up, as here
        ["GET /api/v1/gebruikers/"] = [B],
        ["PUT /api/v1/gebruikers/{gebruikersnaam}"] = [B],
        ["GET /api/v1/auditlog/"] = [B],
        ["GET /api/v1/auditlog/verificatie"] = [B],
        ["GET /api/v1/bewaartermijnen/voorstel"] = [B],
        ["POST /api/v1/bewaartermijnen/uitvoering"] = [B],
        ["GET /api/v1/klanten/"] = [KM, KM2],
        ["GET /api/v1/klanten/{klantnummer}"] = [KM],
        ["GET /api/v1/klanten/{klantnummer}/bsn"] = [KM],
        ["POST /api/v1/klanten/{klantnummer}/indelingen"] = [KM],
        ["POST /api/v1/klanten/{klantnummer}/tredemetingen"] = [KM],
        ["POST /api/v1/klanten/{klantnummer}/routes"] = [KM],
        ["POST /api/v1/klanten/{klantnummer}/ontheffingen"] = [KM],
        ["POST /api/v1/klanten/{klantnummer}/uitstroom"] = [KM],
        ["POST /api/v1/klanten/{klantnummer}/herbeoordeling"] = [KM],
        ["POST /api/v1/klanten/{klantnummer}/gesprekken/{gesprekId:guid}/uitkomst"] = [KM],
        // Planning and moving a gesprek: the client's klantmanager (or waarnemer); the agenda checks the rest.
        ["POST /api/v1/klanten/{klantnummer}/gesprekken/"] = [KM],
        ["POST /api/v1/klanten/{klantnummer}/gesprekken/{gesprekId:guid}/verzetting"] = [KM],
        // The plan van aanpak: the client's klantmanager (or waarnemer) only; handhaving and the programmaleider never.
        ["GET /api/v1/klanten/{klantnummer}/plan-van-aanpak"] = [KM],
        ["PUT /api/v1/klanten/{klantnummer}/plan-van-aanpak"] = [KM],
        ["GET /api/v1/klanten/{klantnummer}/plan-van-aanpak/versies/{versie:int}"] = [KM],
        ["POST /api/v1/klanten/{klantnummer}/plan-van-aanpak/afspraken/{id:guid}/afronding"] = [KM],
        ["GET /api/v1/klanten/{klantnummer}/plan-van-aanpak.html"] = [KM],
        ["GET /api/v1/klanten/{klantnummer}/plan-van-aanpak.pdf"] = [KM],
        ["GET /api/v1/plan-van-aanpak/keuzes"] = [KM, KM2],
        ["GET /api/v1/klantmanagers/"] = Ingelogd,
        ["GET /api/v1/gemeenten/"] = Ingelogd,
        ["PUT /api/v1/klantmanagers/{id}"] = [B],
        ["PUT /api/v1/klantmanagers/{id}/vervanging"] = [B],
        ["GET /api/v1/klantmanagers/{id}/werklijst"] = [KM],
        ["GET /api/v1/klantmanagers/{id}/agenda"] = [KM],
        ["GET /api/v1/klantmanagers/{id}/agenda.ics"] = [KM],
        ["POST /api/v1/bestand/"] = [B],
        ["GET /api/v1/bestand/synthetisch"] = [B],
        ["GET /api/v1/bestand/imports"] = [B],
        ["GET /api/v1/bestand/imports/{id:guid}"] = [B],
        ["DELETE /api/v1/bestand/imports/{id:guid}"] = [B],
        ["GET /api/v1/herbeoordelingen/team"] = Programma,
        ["GET /api/v1/peildata/"] = Programma,
        ["GET /api/v1/klanten/{klantnummer}/inzage"] = [B],
        ["GET /api/v1/verwerkingsactiviteiten"] = Ingelogd,
        ["POST /api/v1/peildata/"] = [B],
        ["GET /api/v1/rapportages/"] = Programma,
        ["GET /api/v1/rapportages/{soort}"] = Programma,
        ["GET /api/v1/doelen/indicatoren"] = Programma,
        ["GET /api/v1/doelen/"] = Programma,
        ["PUT /api/v1/doelen/{indicator}/{jaar:int}"] = Programma,
        ["POST /api/v1/herbeoordelingen/herplanning"] = [B],
        ["GET /api/v1/campagnes/"] = Programma,
        ["POST /api/v1/campagnes/"] = ProgrammaHier,
        ["GET /api/v1/campagnes/{id}"] = ProgrammaHier,
        ["GET /api/v1/campagnes/{id}/voortgang"] = ProgrammaHier,
        ["POST /api/v1/campagnes/{id}/start"] = ProgrammaHier,
        ["POST /api/v1/campagnes/{id}/pauzeer"] = ProgrammaHier,
        ["POST /api/v1/campagnes/{id}/hervat"] = ProgrammaHier,
        ["POST /api/v1/campagnes/{id}/annuleer"] = ProgrammaHier,
        ["GET /api/v1/uitnodigingen/"] = [B],
        ["GET /api/v1/uitnodigingen/{id:guid}/brief"] = [B],
        ["GET /api/v1/handhavingssignalen/"] = [H],
        ["GET /api/v1/handhavingssignalen/{id:guid}"] = [H],
        ["POST /api/v1/handhavingssignalen/{id:guid}/behandeling"] = [H],
        ["POST /api/v1/handhavingssignalen/{id:guid}/teruggave"] = [H],
        ["POST /api/v1/handhavingssignalen/{id:guid}/bezorging"] = [H],
        ["POST /api/v1/handhavingssignalen/{id:guid}/contactpogingen"] = [H],
        ["POST /api/v1/handhavingssignalen/{id:guid}/zienswijze"] = [H],
        ["POST /api/v1/handhavingssignalen/{id:guid}/beoordeling"] = [H],
        ["POST /api/v1/handhavingssignalen/{id:guid}/besluit"] = [H],
        ["POST /api/v1/handhavingssignalen/{id:guid}/voornemen"] = [H],
        ["POST /api/v1/handhavingssignalen/{id:guid}/besluitbrief"] = [H],
        ["GET /api/v1/handhavingssignalen/{id:guid}/brieven/{briefId:guid}.html"] = [H],
        ["GET /api/v1/handhavingssignalen/{id:guid}/brieven/{briefId:guid}.pdf"] = [H],
        ["POST /api/v1/klanten/{klantnummer}/rechtmatigheidssignalen/"] = [KM],
        ["GET /api/v1/klanten/{klantnummer}/rechtmatigheidssignalen/aanleidingen"] = [KM],
        ["GET /api/v1/rechtmatigheidssignalen/"] = [H],
        ["GET /api/v1/rechtmatigheidssignalen/{id:guid}"] = [H],
        ["POST /api/v1/rechtmatigheidssignalen/{id:guid}/onderzoek"] = [H],
        ["POST /api/v1/rechtmatigheidssignalen/{id:guid}/horen"] = [H],
        ["POST /api/v1/rechtmatigheidssignalen/{id:guid}/conclusie"] = [H],
        ["GET /api/v1/rechtmatigheidssignalen/{id:guid}/oproep.html"] = [H],
    };

    private static readonly Dictionary<string, string[]> HubMethoden = new()
    {
        ["CampagneHub.Volg"] = ProgrammaHier,
        ["CampagneHub.Verlaat"] = Programma,
        ["WerklijstHub.Volg"] = [KM],
        ["WerklijstHub.Verlaat"] = [KM, KM2],
        ["HandhavingHub.Volg"] = [H],
        ["HandhavingHub.Verlaat"] = [H],
        ["BestandImportHub.Volg"] = [B],
        ["BestandImportHub.Verlaat"] = [B],
    };

    [Fact]
    public async Task Elk_endpoint_geeft_elke_actor_precies_de_toegang_uit_de_tabel()
    {
        var routes = omgeving.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HubMetadata>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (Methode: m, Patroon: e.RoutePattern.RawText!)))
            .ToList();
        var zonderRegel = routes.Where(r => Regel(r.Methode, r.Patroon) is null).Select(r => $"{r.Methode} {r.Patroon}").ToList();
        Assert.True(zonderRegel.Count == 0, "Endpoints without a line in the authorisation table: " + string.Join(", ", zonderRegel));

        var fouten = new List<string>();
        foreach (var (methode, patroon) in routes)
            foreach (var actor in Actoren)
            {
                using var verzoek = Verzoek(methode, patroon);
                using var antwoord = await omgeving.Als[actor].SendAsync(verzoek);
                var verwacht = Regel(methode, patroon)!.Contains(actor);
                var geweigerd = antwoord.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
                if (verwacht == geweigerd) fouten.Add($"{methode} {patroon} as {actor}: {(int)antwoord.StatusCode}, expected {(verwacht ? "allowed" : "refused")}");
                if (geweigerd && !verwacht && antwoord.StatusCode != (actor == Anoniem ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden))
                    fouten.Add($"{methode} {patroon} as {actor}: refused with {(int)antwoord.StatusCode}");
            }
        Assert.True(fouten.Count == 0, string.Join(Environment.NewLine, fouten));
    }

    [Fact]
    public async Task Elke_hubmethode_geeft_elke_actor_precies_de_toegang_uit_de_tabel()
    {
        var hubs = omgeving.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HubMetadata>() is not null && e.RoutePattern.RawText?.EndsWith("/negotiate", StringComparison.Ordinal) == false)
            .Select(e => (Type: e.Metadata.GetMetadata<HubMetadata>()!.HubType, Pad: e.RoutePattern.RawText!))
            .Distinct().ToList();
        Assert.NotEmpty(hubs);
        var methoden = hubs.SelectMany(h => h.Type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == h.Type)
            .Select(m => (h.Pad, Naam: $"{h.Type.Name}.{m.Name}", Methode: m))).ToList();
        var zonderRegel = methoden.Select(m => m.Naam).Where(n => !HubMethoden.ContainsKey(n)).ToList();
        Assert.True(zonderRegel.Count == 0, "Hub methods without a line in the authorisation table: " + string.Join(", ", zonderRegel));

        var fouten = new List<string>();
        foreach (var (pad, naam, methode) in methoden)
            foreach (var actor in Actoren)
            {
                var toegestaan = await RoepAanAsync(pad, actor, methode);
                if (toegestaan != HubMethoden[naam].Contains(actor))
                    fouten.Add($"{naam} as {actor}: {(toegestaan ? "allowed" : "refused")}, expected the opposite");
            }
        Assert.True(fouten.Count == 0, string.Join(Environment.NewLine, fouten));
    }

    /// <summary>
    /// Strict edges, generated from the same route table: every request with a JSON body refuses a field it does not
    /// know (400, <c>errors</c> naming it) for someone allowed to make it, instead of dropping it silently.
    /// </summary>
    [Fact]
    public async Task Elk_verzoek_met_een_body_weigert_een_onbekend_veld()
    {
        var metBody = omgeving.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.Contains("application/json") == true)
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Select(m => (Methode: m, Patroon: e.RoutePattern.RawText!)))
            .ToList();
        Assert.True(metBody.Count >= 15, $"Only {metBody.Count} endpoints with a JSON body found: " + string.Join(", ", metBody));

        var fouten = new List<string>();
        foreach (var (methode, patroon) in metBody)
        {
            var actor = Regel(methode, patroon)!.First();
            using var verzoek = Verzoek(methode, patroon);
            verzoek.Content = new StringContent("""{"ditVeldBestaatNiet": 1}""", Encoding.UTF8, "application/json");
            using var antwoord = await omgeving.Als[actor].SendAsync(verzoek);
            var tekst = await antwoord.Content.ReadAsStringAsync();
            if (antwoord.StatusCode != HttpStatusCode.BadRequest || antwoord.Content.Headers.ContentType?.MediaType != "application/problem+json")
                fouten.Add($"{methode} {patroon} as {actor}: {(int)antwoord.StatusCode} {tekst}");
            else if (!System.Text.Json.JsonDocument.Parse(tekst).RootElement.GetProperty("errors").TryGetProperty("ditVeldBestaatNiet", out _))
                fouten.Add($"{methode} {patroon}: the refusal does not name the field: {tekst}");
        }
        Assert.True(fouten.Count == 0, string.Join(Environment.NewLine, fouten));
    }

    private static string[]? Regel(string methode, string patroon) =>
        Endpoints.GetValueOrDefault($"{methode} {patroon}")
        ?? Endpoints.Where(e => e.Key.StartsWith("* ", StringComparison.Ordinal) && patroon.StartsWith(e.Key[2..], StringComparison.Ordinal))
            .Select(e => e.Value).FirstOrDefault();

    private async Task<bool> RoepAanAsync(string pad, string actor, MethodInfo methode)
    {
        var token = actor == Anoniem ? null : await omgeving.App.TokenAsync(actor);
        var server = omgeving.App.Server;
        await using var verbinding = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, pad), o =>
            {
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult(token);
            })
            .Build();
        try
        {
            await verbinding.StartAsync();
        }
        catch (HttpRequestException e) when (e.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return false;
        }
        try
        {
            await verbinding.InvokeCoreAsync(methode.Name, [.. methode.GetParameters().Select(p => Waarde(p.Name!))]);
            return true;
        }
        catch (HubException)
        {
            return false;
        }
    }

    private static HttpRequestMessage Verzoek(string methode, string patroon)
    {
        var pad = patroon
            .Replace("{klantnummer}", "K1", StringComparison.Ordinal)
            .Replace("{gebruikersnaam}", "nieuw", StringComparison.Ordinal)
            .Replace("{gesprekId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{briefId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{id}", patroon.StartsWith("/api/v1/klantmanagers", StringComparison.Ordinal) ? "KM001" : "campagne-een", StringComparison.Ordinal);
        pad = System.Text.RegularExpressions.Regex.Replace(pad, "{[^}:]+:int}", "1");
        pad = System.Text.RegularExpressions.Regex.Replace(pad, "{[^}]+}", "x");
        var verzoek = new HttpRequestMessage(new HttpMethod(methode), pad);
        if (methode is "POST" or "PUT")
        {
            // Logging in with a real account is allowed to everyone; every other body is empty, so an allowed change is refused as incomplete (400), never made.
            var body = patroon is "/api/v1/sessie/" or "/api/v1/tokens"
                ? $$"""{"gebruikersnaam":"handhaving","wachtwoord":"{{KenJeKlantApp.DemoWachtwoord}}"}"""
                : "{}";
            // The import only accepts CSV (any other type is a 415 from routing, before anyone is asked who they are).
            verzoek.Content = patroon == "/api/v1/bestand/"
                ? new StringContent("", Encoding.UTF8, "text/csv")
                : new StringContent(body, Encoding.UTF8, "application/json");
        }
        return verzoek;
    }

    private string Waarde(string parameter) => parameter switch
    {
        "campagneId" => "campagne-een",
        "klantmanagerId" => "KM001",
        "importId" => omgeving.ImportId.ToString(),
        _ => throw new InvalidOperationException($"No test value for hub parameter '{parameter}': add one."),
    };
}
