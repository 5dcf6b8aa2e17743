using System.Net.Http.Json;
using KenJeKlant.Tests.Api;

namespace KenJeKlant.Tests.Beveiliging;

/// <summary>One host for the access tests: four clients (K1, K2, K4 with KM001; K3 with KM002), a campaign "c1", and a client per actor.</summary>
public sealed class BeveiligingOmgeving : IAsyncLifetime
{
    /// <summary>Who asks: the four roles, a klantmanager of another caseload, and nobody.</summary>
    public static readonly string[] Actoren = [Anoniem, "programmaleider", Klantmanager, AndereKlantmanager, "handhaving", "beheerder"];
    public const string Anoniem = "anoniem";
    public const string Klantmanager = "km-km001";
    public const string AndereKlantmanager = "km-km002";

    public KenJeKlantApp App { get; private set; } = null!;
    public Dictionary<string, HttpClient> Als { get; } = [];

    /// <summary>The import of the four clients: something to follow on the import hub.</summary>
    public Guid ImportId { get; private set; }

    public async Task InitializeAsync()
    {
        var (app, als) = await VierKlanten.StartAsync("beveiliging");
        App = app;
        using var campagne = await als.Programmaleider.PostAsJsonAsync("/api/v1/campagnes", Realtime.LiveCampagne.Definitie("Campagne een"));
        Assert.True(campagne.IsSuccessStatusCode, await campagne.Content.ReadAsStringAsync());
        Als[Anoniem] = app.CreateClient(new() { HandleCookies = false }); // logging in must not make it someone
        Als["programmaleider"] = als.Programmaleider;
        Als[Klantmanager] = als.Km001;
        Als[AndereKlantmanager] = als.Km002;
        Als["handhaving"] = als.Handhaving;
        Als["beheerder"] = als.Beheerder;
        var imports = await als.Beheerder.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/bestand/imports");
        ImportId = imports[0].GetProperty("id").GetGuid();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
