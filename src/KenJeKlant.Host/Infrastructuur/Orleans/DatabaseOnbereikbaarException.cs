namespace KenJeKlant.Host.Infrastructuur.Orleans;

/// <summary>
/// PostgreSQL could not be reached while a grain worked. Npgsql's own exceptions do not cross
/// silos (Orleans finds no codec for them, and the caller got a bare 500), so
/// <see cref="DatabaseFoutFilter"/> turns them into this one, which does.
/// </summary>
[GenerateSerializer]
[Alias("kenjeklant.database-onbereikbaar")]
public sealed class DatabaseOnbereikbaarException : Exception
{
    public DatabaseOnbereikbaarException()
    {
    }

    public DatabaseOnbereikbaarException(string message) : base(message)
    {
    }

    public DatabaseOnbereikbaarException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
