namespace KenJeKlant.Host.Dashboards;

/// <summary>Finds the dashboards folder: configured, or the nearest <c>dashboards/web</c> above a start folder.</summary>
public static class DashboardMap
{
    /// <summary>The pages, styles and scripts.</summary>
    public const string Web = "web";

    /// <summary>The SignalR browser client from npm (<c>npm ci</c> in <c>dashboards/</c>).</summary>
    public static readonly string SignalR = Path.Combine("node_modules", "@microsoft", "signalr", "dist", "browser");

    public static string? Zoek(string? geconfigureerd, params string[] startmappen)
    {
        if (!string.IsNullOrWhiteSpace(geconfigureerd)) return Path.GetFullPath(geconfigureerd);
        foreach (var start in startmappen)
        {
            for (var map = new DirectoryInfo(start); map is not null; map = map.Parent)
            {
                var kandidaat = Path.Combine(map.FullName, "dashboards");
                if (Directory.Exists(Path.Combine(kandidaat, Web))) return kandidaat;
            }
        }
        return null;
    }
}
