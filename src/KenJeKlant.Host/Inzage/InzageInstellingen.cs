namespace KenJeKlant.Host.Inzage;

/// <summary>Section <c>Inzage</c>.</summary>
public sealed class InzageInstellingen
{
    public const string Sectie = "Inzage";

    /// <summary>
    /// Whether the inzage names the medewerker of each processing. Off by default: the client is owed which roles
    /// processed their data and why (AVG art. 15); the names of employees are the gemeente's to decide on.
    /// </summary>
    public bool MedewerkerNaamTonen { get; set; }
}
