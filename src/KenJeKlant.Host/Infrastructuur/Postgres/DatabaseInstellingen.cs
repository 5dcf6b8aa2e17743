namespace KenJeKlant.Host.Infrastructuur.Postgres;

public sealed class DatabaseInstellingen
{
    public const string Sectie = "Database";
    public const string ConnectionStringNaam = "KenJeKlant";

    /// <summary>Apply pending schema versions when the host starts. Production may turn this off and migrate in its release step.</summary>
    public bool MigreerBijStart { get; set; } = true;
}
