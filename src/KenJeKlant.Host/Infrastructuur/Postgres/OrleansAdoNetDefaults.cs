namespace KenJeKlant.Host.Infrastructuur.Postgres;

/// <summary>Settings shared by every Orleans ADO.NET provider (clustering, grain storage, reminders).</summary>
public static class OrleansAdoNetDefaults
{
    /// <summary>
    /// ADO.NET invariant for Npgsql. Always set it explicitly: the grain storage provider otherwise
    /// defaults to SQL Server's invariant.
    /// </summary>
    public const string Invariant = "Npgsql";
}
