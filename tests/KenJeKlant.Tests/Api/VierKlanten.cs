namespace KenJeKlant.Tests.Api;

/// <summary>The host on a fresh database with two klantmanagers and four imported clients (K1–K4; K3 with KM002, K4 named Bram Jansen).</summary>
internal static class VierKlanten
{
    public static async Task<(KenJeKlantApp App, HttpClient Client)> StartAsync(string prefix)
    {
        var app = await KenJeKlantApp.StartAsync(prefix);
        var client = app.CreateClient();
        await client.ZetKlantmanagersAsync("KM001", "KM002");
        var csv = Csv.Bestand(Csv.Regel("K1"), Csv.Regel("K2"), Csv.Regel("K3", klantmanager: "KM002"), Csv.Regel("K4", naam: "Bram Jansen"));
        (await client.PostAsync("/api/v1/bestand", Csv.Inhoud(csv))).EnsureSuccessStatusCode();
        return (app, client);
    }
}
