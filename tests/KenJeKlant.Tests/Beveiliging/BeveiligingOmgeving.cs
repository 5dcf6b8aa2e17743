using System.Net.Http.Json;
using KenJeKlant.Tests.Api;

namespace KenJeKlant.Tests.Beveiliging;

/// <summary>One host for the access tests: four clients (K1, K2, K4 with KM001; K3 with KM002), a campaign "c1", and a client per actor.</summary>
public sealed class BeveiligingOmgeving : IAsyncLifetime
{
    /// <summary>
    /// Who asks: the four roles, a klantmanager of another caseload, nobody, and two programmaleiders limited to a
    /// gemeente: this installation's own (Haarlem, 0392) and one it does not serve (Beverwijk, 0375).
    /// </summary>
    public static readonly string[] Actoren = [Anoniem, "programmaleider", Klantmanager, AndereKlantmanager, "handhaving", "beheerder", ProgrammaleiderHier, ProgrammaleiderElders];
    public const string Anoniem = "anoniem";
    public const string Klantmanager = "km-km001";
    public const string AndereKlantmanager = "km-km002";
    public const string ProgrammaleiderHier = "pl-haarlem";
    public const string ProgrammaleiderElders = "pl-elders";

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
        Als[ProgrammaleiderHier] = await BeperkteProgrammaleiderAsync(app, als.Beheerder, ProgrammaleiderHier, "0392");
        Als[ProgrammaleiderElders] = await BeperkteProgrammaleiderAsync(app, als.Beheerder, ProgrammaleiderElders, "0375");
        var imports = await als.Beheerder.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/bestand/imports");
        ImportId = imports[0].GetProperty("id").GetGuid();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    // Made by the beheerder through the gebruikers API. This installation serves Haarlem only, so the API refuses 0375;
    // the account limited to it is one kept from a configuration that served Beverwijk too: its gemeenten are set in
    // the table, as such an account would have them.
    private static async Task<HttpClient> BeperkteProgrammaleiderAsync(KenJeKlantApp app, HttpClient beheerder, string naam, string gemeente)
    {
        (await beheerder.PutAsJsonAsync($"/api/v1/gebruikers/{naam}", new
        {
            naam, rollen = new[] { "programmaleider" }, gemeenten = new[] { "0392" }, wachtwoord = KenJeKlantApp.DemoWachtwoord,
        })).EnsureSuccessStatusCode();
        if (gemeente != "0392")
        {
            await using var db = Npgsql.NpgsqlDataSource.Create(app.ConnectionString);
            await using var cmd = db.CreateCommand("UPDATE gebruiker SET gemeenten = ARRAY[$1] WHERE gebruikersnaam = $2");
            cmd.Parameters.AddWithValue(gemeente);
            cmd.Parameters.AddWithValue(naam);
            Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
        }
        return await app.AlsAsync(naam);
    }
}
