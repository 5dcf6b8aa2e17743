using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace KenJeKlant.Host.Beveiliging;

/// <summary>
/// ASP.NET Core's data-protection keys (which sign cookies and bearer tokens) in PostgreSQL, so every
/// silo reads the same keys: a browser behind the load balancer stays logged in whichever silo answers.
/// </summary>
/// <remarks>Synchronous, because <see cref="IXmlRepository"/> is.</remarks>
public sealed class PostgresSleutelOpslag(NpgsqlDataSource db) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var conn = db.OpenConnection();
        return [.. conn.Query<string>("SELECT xml FROM dataprotectie_sleutel ORDER BY aangemaakt_op").Select(x => XElement.Parse(x))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var conn = db.OpenConnection();
        conn.Execute("INSERT INTO dataprotectie_sleutel (naam, xml) VALUES (@naam, @xml) ON CONFLICT (naam) DO NOTHING",
            new { naam = friendlyName, xml = element.ToString(SaveOptions.DisableFormatting) });
    }
}
