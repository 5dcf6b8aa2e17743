namespace KenJeKlant.Tests.Api;

/// <summary>Logged-in clients for each role; <see cref="Km001"/> and <see cref="Km002"/> have the caseloads KM001 and KM002.</summary>
internal sealed record Medewerkers(HttpClient Beheerder, HttpClient Programmaleider, HttpClient Handhaving, HttpClient Km001, HttpClient Km002);

/// <summary>The host on a fresh database with two klantmanagers and four imported clients (K1–K4; K3 with KM002, K4 named Bram Jansen).</summary>
internal static class VierKlanten
{
    public static async Task<(KenJeKlantApp App, Medewerkers Als)> StartAsync(string prefix, IReadOnlyDictionary<string, string>? instellingen = null)
    {
        var app = await KenJeKlantApp.StartAsync(prefix, instellingen);
        var beheerder = await app.AlsAsync("beheerder");
        await beheerder.ZetKlantmanagersAsync("KM001", "KM002");
        var csv = Csv.Bestand(Csv.Regel("K1"), Csv.Regel("K2"), Csv.Regel("K3", klantmanager: "KM002"), Csv.Regel("K4", naam: "Bram Jansen"));
        await beheerder.ImporteerGoedAsync(csv);
        return (app, new Medewerkers(beheerder, await app.AlsAsync("programmaleider"), await app.AlsAsync("handhaving"),
            await app.KlantmanagerAsync("KM001"), await app.KlantmanagerAsync("KM002")));
    }
}
