using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace KenJeKlant.Host.Beveiliging;

/// <summary>
/// ASP.NET Core's data-protection keys (which sign cookies and bearer tokens) in PostgreSQL, so every
/// silo reads the same keys: a browser behind the load balancer stays logged in whichever silo answers.
/// </summary>
public sealed class PostgresSleutelOpslag(NpgsqlDataSource db) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var cmd = db.CreateCommand("SELECT xml FROM dataprotectie_sleutel ORDER BY aangemaakt_op");
        using var reader = cmd.ExecuteReader();
        var sleutels = new List<XElement>();
        while (reader.Read()) sleutels.Add(XElement.Parse(reader.GetString(0)));
        return sleutels;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var cmd = db.CreateCommand("INSERT INTO dataprotectie_sleutel (naam, xml) VALUES ($1, $2) ON CONFLICT (naam) DO NOTHING");
        cmd.Parameters.Add(new NpgsqlParameter { Value = friendlyName });
        cmd.Parameters.Add(new NpgsqlParameter { Value = element.ToString(SaveOptions.DisableFormatting) });
        cmd.ExecuteNonQuery();
    }
}
