namespace KenJeKlant.Host.Dashboards;

/// <summary>Where the host finds the dashboards (<c>dashboards/</c> of the repository, with its npm packages).</summary>
public sealed class DashboardInstellingen
{
    public const string Sectie = "Dashboards";

    /// <summary>
    /// The <c>dashboards</c> folder. Empty: found by walking up from the content root and from the
    /// program's folder, so <c>dotnet run</c>, the tests and a build output inside the repository all
    /// find it without configuration; a published host elsewhere sets it.
    /// </summary>
    public string? Pad { get; set; }
}
